import { describe, expect, it } from 'vitest';
import { PatternCollector } from '../../../shared/patterns/collect';
import { mergeVariableColumns } from '../../../shared/patterns/merge';
import { PatternMiner } from '../../../shared/patterns/miner';
import { fitsTemplate, isVariable, patternKey, splitTokens } from '../../../shared/patterns/tokens';

/** Mines messages and returns each one's final template. */
function mine(messages: string[]): string[] {
  const miner = new PatternMiner();
  const ids = messages.map((m) => miner.add(m));
  const { templates, patternOf } = miner.finish();
  return ids.map((id) => templates[patternOf(id)]!.join(' '));
}

describe('patternKey', () => {
  it('masks numbers, ids, IPs, paths and dates, and keeps quoted words', () => {
    expect(patternKey('Took 12.5 seconds to spawn 0a1b2c3d-1111-2222-3333-444455556666')).toBe(
      'Took <*> seconds to spawn <uuid>',
    );
    expect(patternKey('"GET /v2/abc/servers/detail HTTP/1.1" status: 200')).toBe(
      '"GET <path> HTTP/<*>" status: <*>',
    );
    expect(patternKey('Error loading ./bin/app: missing')).toBe('Error loading <path>: missing');
    expect(patternKey('changed at Thu Aug 04 15:29:45 PDT 2005 ok')).toBe('changed at <time> ok');
    expect(patternKey('chip FF:F2:9F:16:EB:27:00:0D inserted')).toBe('chip <*> inserted');
  });

  it('folds a run of values into one, so lists of any length look alike', () => {
    expect(patternKey('delete blk_1 blk_2 blk_3')).toBe(patternKey('delete blk_9'));
  });

  it('drops a header the reader left in front (upper-case level among the first words)', () => {
    expect(patternKey('R02-M1 RAS KERNEL INFO cache parity error corrected', true)).toBe(
      'cache parity error corrected',
    );
    // Only when the reader found no level; and a level word later in the message is message text.
    expect(patternKey('Task FAILED with ERROR code 7')).toBe('Task FAILED with ERROR code <*>');
    expect(patternKey('job one two three four five ERROR here', true)).toBe(
      'job one two three four five ERROR here',
    );
  });

  it('reads only the first line, cut at a word boundary', () => {
    expect(patternKey('failed to connect\n  at Foo.bar(Foo.java:12)')).toBe('failed to connect');
    const long = `${'word '.repeat(300)}tail`;
    expect(patternKey(long).endsWith('word')).toBe(true);
  });
});

describe('tokens', () => {
  it('keeps a short bracketed group as one token', () => {
    expect(splitTokens('[req-<id> <hex> - -] [instance: <uuid>] Terminating')).toEqual([
      '[req-<id> <hex> - -]',
      '[instance: <uuid>]',
      'Terminating',
    ]);
  });

  it('calls a token variable only when nothing but placeholders and punctuation remain', () => {
    expect(isVariable('<*>')).toBe(true);
    expect(isVariable('<ip>:<*>')).toBe(true);
    expect(isVariable('[-]')).toBe(true);
    expect(isVariable('core.<*>')).toBe(false);
    expect(isVariable('spawn')).toBe(false);
  });
});

describe('PatternMiner', () => {
  it('groups lines that differ in values and separates different events', () => {
    const t = mine([
      'Took 1.5 seconds to spawn the instance on the hypervisor.',
      'Took 2.25 seconds to spawn the instance on the hypervisor.',
      'Instance spawned successfully.',
      'Instance destroyed successfully.',
      'VM Started (Lifecycle Event)',
      'VM Paused (Lifecycle Event)',
    ]);
    expect(t[0]).toBe('Took <*> seconds to spawn the instance on the hypervisor.');
    expect(t[1]).toBe(t[0]);
    expect(t[2]).not.toBe(t[3]);
    expect(t[4]).not.toBe(t[5]);
  });

  it('generalises a word that varies in a long message', () => {
    const t = mine([
      'Notification: 1 (n.leader), 0x0 (n.zxid), 1 (n.round), LOOKING (n.state), 1 (n.sid), 0x1 (n.peerEpoch) here',
      'Notification: 2 (n.leader), 0x0 (n.zxid), 1 (n.round), FOLLOWING (n.state), 3 (n.sid), 0x1 (n.peerEpoch) here',
    ]);
    expect(t[0]).toBe(t[1]);
    expect(t[0]).toContain('<*> (n.state)');
  });

  it('merges a column with many different words (user names), not one with two', () => {
    const users = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'];
    const t = mine([
      ...users.map((u) => `Invalid user ${u} from 10.0.0.1`),
      'session opened for user root',
      'session closed for user root',
    ]);
    expect(new Set(t.slice(0, users.length))).toEqual(new Set(['Invalid user <*> from <ip>']));
    expect(t[users.length]).not.toBe(t[users.length + 1]);
  });

  it('starts a new pattern below the similarity threshold', () => {
    const miner = new PatternMiner({ similarity: 1 });
    const a = miner.add('disk one is full now');
    const b = miner.add('disk two is full now');
    const { patternOf } = miner.finish();
    expect(patternOf(a)).not.toBe(patternOf(b));
  });
});

describe('mergeVariableColumns', () => {
  it('merges only templates equal outside one column with enough values', () => {
    const input = ['a', 'b', 'c'].map((w) => ['user', w, 'logged', 'in']);
    input.push(['user', 'x', 'logged', 'out']);
    expect(mergeVariableColumns(input, 3).templates).toEqual([
      ['user', '<*>', 'logged', 'in'],
      ['user', 'x', 'logged', 'out'],
    ]);
    expect(mergeVariableColumns(input, 4).templates).toHaveLength(4);
  });
});

describe('PatternCollector', () => {
  it('summarises count, level, first/last seen, files, histogram and lines', () => {
    const c = new PatternCollector({ keepLines: true, buckets: 4 });
    c.add({ at: 0, level: 'info', message: 'started worker 1', file: 0, line: 1 });
    c.add({ at: 100, level: 'error', message: 'disk full on /dev/sda1', file: 0, line: 2 });
    c.add({ at: 300, level: 'info', message: 'started worker 2', file: 1, line: 1 });
    c.add({ at: 400, level: 'warn', message: 'started worker 3', file: 1, line: 2 });
    const r = c.finish(['a.log', 'b.log']);
    expect(r.patterns.map((p) => [p.template, p.count, p.level])).toEqual([
      ['started worker <*>', 3, 'info'],
      ['disk full on <path>', 1, 'error'],
    ]);
    const started = r.patterns[0]!;
    expect(started.firstAt).toBe(0);
    expect(started.lastAt).toBe(400);
    expect(started.files).toEqual(['a.log', 'b.log']);
    expect(started.histogram).toEqual([1, 0, 0, 2]);
    expect(started.lines).toEqual([
      { file: 'a.log', line: 1 },
      { file: 'b.log', line: 1 },
      { file: 'b.log', line: 2 },
    ]);
    expect(started.id).toMatch(/^pat-[0-9a-f]{16}$/);
    expect(r.stats).toMatchObject({ records: 4, patterns: 2, firstAt: 0, lastAt: 400, buckets: 4 });
    expect(fitsTemplate(started.template, 'started worker 99')).toBe(true);
    expect(fitsTemplate(started.template, 'stopped worker 99')).toBe(false);
  });
});

describe('PatternMiner bounds', () => {
  it('stops making templates at maxClusters: new keys join the nearest, else a catch-all', () => {
    const miner = new PatternMiner({ maxClusters: 3 });
    const messages = ['alpha beta', 'gamma delta', 'epsilon zeta', 'eta theta', 'iota kappa lambda', 'mu nu'];
    const ids = messages.map((m) => miner.add(m));
    // Three templates, then one catch-all per token count (2 and 3 words).
    expect(miner.size).toBe(5);
    expect(ids[5]).toBe(ids[3]);
    const { templates, patternOf } = miner.finish();
    // Every message still has a template that fits it.
    messages.forEach((m, i) => {
      const t = templates[patternOf(ids[i]!)]!;
      expect(t.length).toBe(m.split(' ').length);
      t.forEach((tok, j) => expect([m.split(' ')[j], '<*>']).toContain(tok));
    });
  });
});
