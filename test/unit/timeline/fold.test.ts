import { describe, expect, it } from 'vitest';
import { Folder, foldRecords, adaptiveGap } from '../../../shared/timeline/fold';
import { changeTemplate, messageTemplate } from '../../../shared/timeline/template';
import { DEFAULT_FOLD_OPTIONS } from '../../../shared/timeline/types';
import { MAX_SOURCES_PER_EVENT } from '../../../shared/domain';
import type { EventKind } from '../../../shared/domain';
import { MIN, T0 } from './helpers';

function rec(
  at: number,
  message: string,
  extra: { kind?: EventKind; service?: string; region?: string; line?: number; file?: string } = {},
) {
  return {
    at,
    kind: extra.kind ?? ('impact' as EventKind),
    service: extra.service ?? 'api',
    region: extra.region ?? 'eu',
    message,
    repeat: 1,
    endAt: null,
    source: { file: extra.file ?? 'a.log', line: extra.line ?? 1 },
  };
}

/** Folding options that treat any input as too large to read record by record. */
const LARGE = { smallInputMax: 0 };

describe('messageTemplate', () => {
  it('masks variable parts readably', () => {
    expect(messageTemplate('timeout after 30s to 10.0.0.7:443 req 0f3a9c2d1e')).toBe(
      'timeout after <dur> to <ip> req <hex>',
    );
    expect(messageTemplate('user "bob" id 123e4567-e89b-12d3-a456-426614174000 took 12 ms')).toBe(
      'user "…" id <uuid> took <n> ms',
    );
    expect(messageTemplate("can't reach db-7")).toBe("can't reach <id>");
    expect(messageTemplate('VM vm-cabac lost its disk')).toBe('VM <id> lost its disk');
  });
});

describe('foldRecords', () => {
  it('folds a trickling failure over hours into one event per service and region', () => {
    const records = [];
    for (let i = 0; i < 30; i++)
      records.push(rec(T0 + i * 12 * MIN, `timeout to 10.0.0.${i} after ${i}s`, { line: i + 1 }));
    for (let i = 0; i < 30; i++)
      records.push(
        rec(T0 + i * 12 * MIN + 5, `timeout to 10.0.1.${i} after ${i}s`, { region: 'us', line: 100 + i }),
      );
    // Sixty records stand for a large input here: small ones fold exact repeats only.
    const events = foldRecords(records, LARGE);
    expect(events).toHaveLength(2);
    const eu = events.find((e) => e.region === 'eu')!;
    expect(eu.count).toBe(30);
    expect(eu.at).toBe(T0);
    expect(eu.endAt).toBe(T0 + 29 * 12 * MIN);
    expect(eu.title).toBe('timeout to <ip> after <dur>');
  });

  it('splits a group at a pause far longer than its usual gap', () => {
    const records = [];
    for (let i = 0; i < 20; i++) records.push(rec(T0 + i * 1000, 'disk full', { line: i + 1 }));
    for (let i = 0; i < 20; i++)
      records.push(rec(T0 + 3 * 3_600_000 + i * 1000, 'disk full', { line: 50 + i }));
    const events = foldRecords(records);
    expect(events.map((e) => e.count)).toEqual([20, 20]);
    expect(events[0]!.title).toBe('disk full');
  });

  it('keeps kinds, services and templates apart and drops log records', () => {
    const events = foldRecords([
      rec(T0, 'deploy v1', { kind: 'change' }),
      rec(T0, 'deploy v1', { kind: 'impact' }),
      rec(T0, 'deploy v1', { kind: 'impact', service: 'db' }),
      rec(T0, 'something else', { kind: 'impact' }),
      rec(T0, 'noise', { kind: 'log' }),
    ]);
    expect(events).toHaveLength(4);
    expect(events.reduce((n, e) => n + e.count, 0)).toBe(4);
  });

  it('sorts out-of-order input, caps sources and gives stable ids', () => {
    const records = [];
    for (let i = 99; i >= 0; i--) records.push(rec(T0 + i * 1000, `err ${i}`, { line: 100 - i }));
    const a = foldRecords(records, LARGE);
    const b = foldRecords([...records].reverse(), LARGE);
    expect(a).toHaveLength(1);
    expect(a[0]!.sources).toHaveLength(MAX_SOURCES_PER_EVENT);
    expect(a[0]!.sources[0]).toEqual({ file: 'a.log', line: 100 });
    expect(a[0]!.id).toBe(b[0]!.id);
    expect(a[0]!.endAt).toBe(T0 + 99_000);
  });

  it('uses a single record as is, with endAt null', () => {
    const [e] = foldRecords([rec(T0, 'boom')]);
    expect(e).toMatchObject({ count: 1, endAt: null, title: 'boom' });
  });
});

describe('adaptiveGap', () => {
  it('grows with sparse groups and is clamped', () => {
    const dense = Array.from({ length: 100 }, (_, i) => i * 1000);
    const sparse = Array.from({ length: 100 }, (_, i) => i * 20 * MIN);
    expect(adaptiveGap(dense, DEFAULT_FOLD_OPTIONS)).toBe(DEFAULT_FOLD_OPTIONS.minGapMs);
    expect(adaptiveGap(sparse, DEFAULT_FOLD_OPTIONS)).toBe(80 * MIN);
    expect(adaptiveGap([0, 10 * 3_600_000, 20 * 3_600_000], DEFAULT_FOLD_OPTIONS)).toBe(
      DEFAULT_FOLD_OPTIONS.maxGapMs,
    );
  });
});

describe('folding sized to the story', () => {
  const rollout = [
    'Scaled up replica set blob-fe-5d8f to 1',
    'Scaled down replica set blob-fe-7c9a to 9',
    'Scaled up replica set blob-fe-5d8f to 2',
    'Scaled down replica set blob-fe-7c9a to 8',
    'Scaled up replica set blob-fe-5d8f to 3',
  ];

  it('keeps every step of a small rollout as its own event, numbers in the title', () => {
    const records = rollout.map((m, i) => rec(T0 + i * 5_000, m, { kind: 'change', line: i + 1 }));
    const events = foldRecords(records);
    expect(events.map((e) => e.title)).toEqual(rollout);
    expect(events.every((e) => e.count === 1)).toBe(true);
  });

  it('still folds exact repeats in a small input', () => {
    const records = [
      ...Array.from({ length: 5 }, (_, i) => rec(T0 + i * 1_000, 'disk full on /var', { line: i + 1 })),
      rec(T0 + 2_500, 'disk full on /data', { line: 9 }),
    ];
    const events = foldRecords(records);
    expect(events.map((e) => [e.title, e.count])).toEqual([
      ['disk full on /var', 5],
      ['disk full on /data', 1],
    ]);
  });

  it('counts log records towards the input size', () => {
    const records = [
      rec(T0, 'timeout to 10.0.0.1'),
      rec(T0 + 1_000, 'timeout to 10.0.0.2'),
      ...Array.from({ length: 300 }, (_, i) => rec(T0 + i, `routine ${i}`, { kind: 'log' })),
    ];
    expect(foldRecords(records).map((e) => [e.title, e.count])).toEqual([['timeout to <ip>', 2]]);
  });

  it('keeps the numbers that distinguish change steps in a large input', () => {
    const records = [];
    for (let r = 0; r < 3; r++)
      for (const [i, m] of rollout.entries())
        records.push(rec(T0 + r * 3 * 3_600_000 + i * 5_000, m, { kind: 'change', line: r * 10 + i }));
    const events = foldRecords(records, LARGE);
    expect(new Set(events.map((e) => e.title))).toEqual(new Set(rollout));
  });

  it('maps every record to the event that holds it when a group is split by message', () => {
    const folder = new Folder();
    const refs = ['a 1', 'a 2', 'a 1'].map((m, i) =>
      folder.add({
        at: T0 + i,
        kind: 'impact',
        service: null,
        region: null,
        message: m,
        file: 0,
        line: i + 1,
        repeat: 1,
        endAt: null,
      }),
    );
    const result = folder.finish(['f.log']);
    const byTitle = new Map(result.events.map((e) => [e.title, e.id]));
    expect(refs.map((r) => result.eventIdOf(r))).toEqual([
      byTitle.get('a 1'),
      byTitle.get('a 2'),
      byTitle.get('a 1'),
    ]);
  });
});

describe('changeTemplate', () => {
  it('masks only UUIDs and long hashes', () => {
    expect(changeTemplate('Scaled up replica set web-5d8f to 3')).toBe('Scaled up replica set web-5d8f to 3');
    expect(changeTemplate('traffic shifted to 25% (slice 4 of 8)')).toBe(
      'traffic shifted to 25% (slice 4 of 8)',
    );
    expect(changeTemplate('deployed 9fceb02d0ae598e95dc970b74767f19372d61af8 to prod')).toBe(
      'deployed <hex> to prod',
    );
    expect(changeTemplate('config 123e4567-e89b-12d3-a456-426614174000 applied')).toBe(
      'config <uuid> applied',
    );
  });
});
