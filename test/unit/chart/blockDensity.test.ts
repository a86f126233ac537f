// Stored per-import densities must draw exactly the strip that counting every raw record of
// the incident drew before (the density worker's old pass over all blocks), spans included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BlockDensity,
  DensityAccumulator,
  isImportDensity,
  MAX_DENSITY_BUCKETS,
  mergeDensities,
} from '../../../shared/chart';
import type { BlockSpan, DensitySeries } from '../../../shared/chart';
import type { LogBlock, LogRecord } from '../../../shared/domain';
import { packLogBlock, unpackLogRecords } from '../../../shared/domain';

function record(at: number, impact: boolean): LogRecord {
  return {
    at,
    level: impact ? 'error' : 'info',
    kind: impact ? 'impact' : 'log',
    service: 'api',
    region: null,
    message: 'm',
    attrs: {},
    source: { file: 'app.log', line: 1 },
  } as LogRecord;
}

/** Blocks of one import: records cut into blocks of `size` in the order given. */
function blocksOf(importId: string, records: LogRecord[], size: number): LogBlock[] {
  const out: LogBlock[] = [];
  for (let i = 0; i < records.length; i += size) {
    const recs = records.slice(i, i + size);
    out.push(
      packLogBlock(
        {
          id: `${importId}:${String(out.length).padStart(6, '0')}`,
          importId,
          incidentId: 'inc',
          seq: out.length,
        },
        recs,
      ),
    );
  }
  return out;
}

/** The old pass: every block of the incident by first instant, every record counted. */
function oldPass(blocks: LogBlock[]): { density: DensitySeries | null; spans: BlockSpan[]; records: number } {
  const ordered = [...blocks].sort((a, b) => a.firstAt - b.firstAt || (a.id < b.id ? -1 : 1));
  const acc = new DensityAccumulator(60_000);
  const spans: BlockSpan[] = [];
  for (const b of ordered) {
    spans.push({ id: b.id, firstAt: b.firstAt, lastAt: b.lastAt });
    for (const r of unpackLogRecords(b)) acc.add(r.at, r.kind === 'impact');
  }
  return { density: acc.finish(), spans, records: acc.records };
}

const plain = (s: DensitySeries | null) =>
  s && { start: s.start, bucketMs: s.bucketMs, total: Array.from(s.total), impact: Array.from(s.impact) };

function stored(importId: string, blocks: LogBlock[]) {
  const d = new BlockDensity();
  // Blocks are counted as they are written, in any order.
  for (const b of [...blocks].reverse()) d.add(b);
  return d.result({ importId, incidentId: 'inc', importedAt: 1, blockCount: blocks.length });
}

const MINUTE = 60_000;
const recordsArb = (spanMinutes: number) =>
  fc.array(
    fc
      .tuple(fc.integer({ min: -5 * MINUTE, max: spanMinutes * MINUTE }), fc.boolean())
      .map(([at, i]) => record(1_700_000_000_000 + at, i)),
    { maxLength: 300 },
  );

describe('stored densities', () => {
  for (const [label, span, runs] of [
    ['minutes', 90, 150],
    ['a month (coarsened buckets)', 60 * 24 * 40, 25],
  ] as const) {
    it(`merge to the old strip, records and spans over ${label}`, () => {
      fc.assert(
        fc.property(
          fc.array(recordsArb(span), { minLength: 0, maxLength: 4 }),
          fc.integer({ min: 1, max: 40 }),
          (imports, size) => {
            const blocks = imports.map((recs, k) => blocksOf(`imp${k}`, recs, size));
            const rows = blocks.map((b, k) => stored(`imp${k}`, b));
            // Whatever an import counts passes the check made on rows read back from storage.
            for (const row of rows) expect(isImportDensity(structuredClone(row))).toBe(true);
            const merged = mergeDensities(rows);
            const old = oldPass(blocks.flat());
            expect(plain(merged.density)).toEqual(plain(old.density));
            expect(merged.records).toBe(old.records);
            expect(merged.spans).toEqual(old.spans);
          },
        ),
        { numRuns: runs },
      );
    });
  }

  it('survives a trip through storage (plain arrays, no class instances)', () => {
    const blocks = blocksOf('imp', [record(0, true), record(61_000, false), record(62_000, true)], 2);
    const row = structuredClone(stored('imp', blocks));
    expect(row.counts).toEqual({
      bucketMs: 60_000,
      buckets: [0, 1],
      total: [1, 2],
      impact: [1, 1],
      records: 3,
    });
    expect(plain(mergeDensities([row]).density)).toEqual(plain(oldPass(blocks).density));
  });
});

/** Issue 11, item 5: records far apart kept a bucket each (3.6M of them took the worker past 1 GB). */
describe('density memory', () => {
  const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);
  const HOURS_3 = 3 * 3_600_000;

  it('keeps at most MAX_DENSITY_BUCKETS buckets whatever the times, every record counted', () => {
    const acc = new DensityAccumulator(60_000);
    const n = MAX_DENSITY_BUCKETS * 3;
    for (let i = 0; i < n; i++) acc.add(946_684_800_000 + i * HOURS_3, i % 5 === 0);
    const counts = acc.counts();
    expect(counts.buckets.length).toBeLessThanOrEqual(MAX_DENSITY_BUCKETS);
    expect(counts.bucketMs % 60_000).toBe(0);
    expect(sum(counts.total)).toBe(n);
    expect(sum(counts.impact)).toBe(Math.ceil(n / 5));
    const series = acc.finish()!;
    expect(sum(series.total)).toBe(n);
    expect(series.start).toBeLessThanOrEqual(946_684_800_000);
    expect(series.start + series.bucketMs * series.total.length).toBeGreaterThan(
      946_684_800_000 + (n - 1) * HOURS_3,
    );
  });

  it('merges imports whose buckets widened with ones that did not, to the same strip', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 200 }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.integer({ min: 4, max: 64 }),
        (imports, cap) => {
          // A small cap so some imports widen and others keep one-minute buckets.
          const rows = imports.map((mins) => {
            const acc = new DensityAccumulator(60_000, cap);
            for (const m of mins) acc.add(m * 60_000 * 7, m % 3 === 0);
            return acc.counts();
          });
          const merged = new DensityAccumulator(60_000, cap);
          for (const r of rows) merged.addCounts(r);
          const all = new DensityAccumulator(60_000, cap);
          for (const mins of imports) for (const m of mins) all.add(m * 60_000 * 7, m % 3 === 0);
          const total = imports.flat().length;
          expect(merged.records).toBe(total);
          expect(sum(merged.counts().total)).toBe(total);
          expect(sum(merged.counts().impact)).toBe(imports.flat().filter((m) => m % 3 === 0).length);
          expect(merged.counts().buckets.length).toBeLessThanOrEqual(cap);
          // Whatever widened where, a record lands in the bucket that holds its time.
          const wide = Math.max(merged.counts().bucketMs, all.counts().bucketMs);
          const regroup = (c: ReturnType<DensityAccumulator['counts']>) => {
            const out = new Map<number, number>();
            c.buckets.forEach((b, i) => {
              const k = Math.floor((b * c.bucketMs) / wide);
              out.set(k, (out.get(k) ?? 0) + c.total[i]!);
            });
            return [...out].sort((a, b) => a[0] - b[0]);
          };
          expect(regroup(merged.counts())).toEqual(regroup(all.counts()));
        },
      ),
      {
        numRuns: 100,
        // Widening to a wider import's width went on doubling; its counts were then placed by
        // the ratio from before (found by this property; kept as a fixed case).
        examples: [[[[5, 0, 10], [2341, 2342, 2343, 0, 2344], []], 4]],
      },
    );
  });
});
