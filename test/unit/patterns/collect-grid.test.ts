import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PatternCollector } from '../../../shared/patterns/collect';
import type { PatternInput } from '../../../shared/patterns/collect';
import { TimeGrid } from '../../../shared/patterns/timeGrid';

const MESSAGES = ['worker # started', 'disk # full', 'user # logged in', 'cache evicted # entries'];

const record = fc
  .record({
    kind: fc.integer({ min: 0, max: MESSAGES.length - 1 }),
    n: fc.nat(1000),
    at: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_000 + 86_400_000 }),
    level: fc.constantFrom('info' as const, 'error' as const, null),
  })
  .map((r): PatternInput => ({
    at: r.at,
    level: r.level,
    message: MESSAGES[r.kind]!.replace('#', String(r.n)),
    file: r.kind % 2,
    line: r.n + 1,
  }));

function summarise(records: PatternInput[], exactRecords?: number) {
  const c = new PatternCollector({ buckets: 24, ...(exactRecords === undefined ? {} : { exactRecords }) });
  for (const r of records) c.add(r);
  return c.finish(['a.log', 'b.log']);
}

describe('PatternCollector past its exact records (times on a grid)', () => {
  it('keeps counts, levels, first/last seen and files exact; buckets move only across an edge', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 400 }), (records) => {
        const exact = summarise(records);
        const grid = summarise(records, 0);
        expect(grid.stats).toEqual(exact.stats);
        expect(grid.patterns.map(({ histogram: _h, ...p }) => p)).toEqual(
          exact.patterns.map(({ histogram: _h, ...p }) => p),
        );
        const span = exact.stats.lastAt! - exact.stats.firstAt!;
        grid.patterns.forEach((p, i) => {
          const want = exact.patterns[i]!.histogram;
          expect(p.histogram.reduce((a, b) => a + b, 0)).toBe(p.count);
          // A record can only have moved to a neighbouring bucket: the cumulative counts differ
          // by no more than the records within one grid cell (span / 512 at most) of each edge.
          let a = 0;
          let b = 0;
          for (let k = 0; k < 24; k++) {
            a += want[k]!;
            b += p.histogram[k]!;
            const edge = exact.stats.firstAt! + ((k + 1) * span) / 24;
            const word = `${p.template.split(' ')[0]!} `;
            const near = records.filter(
              (r) => r.message.startsWith(word) && Math.abs(r.at - edge) <= span / 512 + 1,
            ).length;
            expect(Math.abs(a - b)).toBeLessThanOrEqual(near);
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same result whatever order the records come in, and wherever the switch falls', () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 2, maxLength: 300 }),
        fc.nat(300),
        fc.integer(),
        (records, switchAt, seed) => {
          const shuffled = [...records];
          let s = seed;
          for (let i = shuffled.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) & 0x7fffffff;
            const j = s % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          const a = summarise(records, 0).patterns.map((p) => [p.template, p.histogram]);
          const b = summarise(shuffled, switchAt).patterns.map((p) => [p.template, p.histogram]);
          if (switchAt >= records.length) return; // both exact: covered by the exact tests
          expect(new Set(b.map((x) => JSON.stringify(x)))).toEqual(new Set(a.map((x) => JSON.stringify(x))));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('TimeGrid', () => {
  it('stays within its cells and entries however wide and dense the input', () => {
    const grid = new TimeGrid(64, 500);
    let total = 0;
    for (let i = 0; i < 20_000; i++) {
      grid.add(i % 50, ((i * 7919) % 100_003) * 1000 - 5e9, 2);
      total += 2;
    }
    let cells = 0;
    let counted = 0;
    let lo = Infinity;
    let hi = -Infinity;
    let width = 0;
    grid.forEach((_c, start, w, n) => {
      cells++;
      counted += n;
      lo = Math.min(lo, start);
      hi = Math.max(hi, start);
      width = w;
    });
    expect(counted).toBe(total);
    expect(cells).toBeLessThanOrEqual(500);
    expect((hi - lo) / width + 1).toBeLessThanOrEqual(64);
    expect(Math.log2(width) % 1).toBe(0);
  });

  it('places each record in the cell that holds its time', () => {
    const grid = new TimeGrid(8, 100);
    const times = [-13, 0, 5, 17, 31];
    for (const t of times) grid.add(0, t);
    grid.forEach((_c, start, width, n) => {
      expect(times.filter((t) => t >= start && t < start + width)).toHaveLength(n);
    });
  });
});
