import { describe, expect, it } from 'vitest';
import { importTexts } from '../../../shared/import/pipeline';
import { Folder } from '../../../shared/timeline/fold';
import type { FoldInput } from '../../../shared/timeline/fold';

const T0 = Date.UTC(2024, 2, 1, 10);
const iso = (ms: number): string => new Date(ms).toISOString();

function input(at: number, message: string, key?: string): FoldInput {
  return {
    at,
    kind: 'impact',
    service: 'api',
    region: null,
    message,
    file: 0,
    line: at - T0 + 1,
    repeat: 1,
    endAt: null,
    ...(key === undefined ? {} : { key }),
  };
}

describe('Folder regroup', () => {
  it('merges groups whose keys resolve to one, titles them, and maps every record to its event', () => {
    const folder = new Folder({ smallInputMax: 0 });
    const refs = [
      folder.add(input(T0, 'cache alpha down', 'c1')),
      folder.add(input(T0 + 1, 'cache beta down', 'c2')),
      folder.add(input(T0 + 2, 'cache alpha down', 'c1')),
      folder.add(input(T0 + 3, 'disk full', 'c3')),
    ];
    const result = folder.finish(['a.log'], {
      regroup: (key) => (key === 'c3' ? null : { key: 'P', title: 'cache <*> down' }),
      keyName: 'pattern',
    });
    const titles = result.events.map((e) => [e.title, e.count]);
    expect(titles).toEqual([
      ['cache <*> down', 3],
      ['disk full', 1],
    ]);
    const cache = result.events[0]!.id;
    const disk = result.events[1]!.id;
    expect(refs.map((r) => result.eventIdOf(r))).toEqual([cache, cache, cache, disk]);
    expect(result.events[0]!.sources.map((s) => s.line)).toEqual([1, 2, 3]);
  });

  it('never merges across kind, service or region', () => {
    const folder = new Folder({ smallInputMax: 0 });
    folder.add(input(T0, 'x 1', 'c1'));
    folder.add({ ...input(T0 + 1, 'x 2', 'c2'), service: 'db' });
    const result = folder.finish(['a.log'], { regroup: () => ({ key: 'P', title: 'x <*>' }) });
    expect(result.events.map((e) => e.service)).toEqual(['api', 'db']);
  });

  it('keeps exact messages apart in a small input even when their groups merge', () => {
    const folder = new Folder();
    folder.add(input(T0, 'cache alpha down', 'c1'));
    folder.add(input(T0 + 1, 'cache beta down', 'c2'));
    const result = folder.finish(['a.log'], { regroup: () => ({ key: 'P', title: 'cache <*> down' }) });
    expect(result.events.map((e) => e.title)).toEqual(['cache alpha down', 'cache beta down']);
  });
});

describe('importing folds by mined pattern', () => {
  /* 300 errors a second apart naming 60 different hosts by word: masks keep every host apart
   * (60 events), the miner sees one pattern. */
  const hosts = Array.from(
    { length: 60 },
    (_, i) => `host${String.fromCharCode(97 + (i % 26))}${'q'.repeat(Math.floor(i / 26))}`,
  );
  const errors = Array.from(
    { length: 300 },
    (_, i) =>
      `${iso(T0 + i * 1000)} ERROR api: lost connection to ${hosts[i % 60]!.replace(/\d/g, '')} while reading`,
  );

  it('folds a burst of one pattern into one event titled by the pattern', () => {
    const result = importTexts([{ name: 'app.log', text: errors.join('\n') }], { zone: 'UTC' });
    const impact = result.events.filter((e) => e.kind === 'impact');
    expect(impact).toHaveLength(1);
    expect(impact[0]!.title).toBe('lost connection to <*> while reading');
    expect(impact[0]!.count).toBe(300);
    // The pattern lists the event its records folded into.
    const pattern = result.patterns.find((p) => p.template === impact[0]!.title);
    expect(pattern?.eventIds).toEqual([impact[0]!.id]);
  });

  it('keeps the numbers that tell change steps apart, however large the input', () => {
    const steps = [3, 5, 8].map(
      (n, i) => `${iso(T0 + 400_000 + i * 1000)} INFO deploy: rollout of web-5d8f scaled to ${n} replicas`,
    );
    const result = importTexts([{ name: 'app.log', text: [...errors, ...steps].join('\n') }], {
      zone: 'UTC',
    });
    const changes = result.events.filter((e) => e.kind === 'change').map((e) => e.title);
    expect(changes).toEqual([
      'rollout of web-5d8f scaled to 3 replicas',
      'rollout of web-5d8f scaled to 5 replicas',
      'rollout of web-5d8f scaled to 8 replicas',
    ]);
  });
});

describe("a pattern's events", () => {
  /* Errors three hours apart (each its own event) of three patterns, and change steps. */
  const SHAPES = ['disk full on vol', 'lost connection to db', 'queue backed up at'];
  const lines = Array.from({ length: 40 }, (_, i) =>
    i % 5 === 4
      ? `${iso(T0 + i * 3 * 3_600_000)} INFO deploy: rollout step ${i} of web started`
      : `${iso(T0 + i * 3 * 3_600_000)} ERROR api${i % 3}: ${SHAPES[(i * 7) % 3]!} ${i}`,
  );

  for (const maxGroups of [1000, 2]) {
    it(`are every event holding one of its records, in timeline order (maxGroups ${maxGroups})`, () => {
      const result = importTexts([{ name: 'app.log', text: lines.join('\n') }], {
        zone: 'UTC',
        patternLines: true,
        foldOptions: { maxGroups, smallInputMax: 0 },
      });
      const order = new Map(result.events.map((e, i) => [e.id, i]));
      for (const p of result.patterns) {
        const mine = new Set(p.lines!.map((l) => l.line));
        const holding = result.events.filter((e) => e.sources.some((s) => mine.has(s.line))).map((e) => e.id);
        expect(p.eventIds).toEqual(holding);
        expect(p.eventIds).toEqual([...p.eventIds].sort((a, b) => order.get(a)! - order.get(b)!));
      }
      expect(result.patterns.flatMap((p) => p.eventIds)).toHaveLength(result.events.length);
    });
  }
});
