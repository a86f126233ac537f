// Stored per-import densities must draw exactly the strip that counting every raw record of
// the incident drew before (the density worker's old pass over all blocks), spans included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlockDensity, DensityAccumulator, mergeDensities } from '../../../shared/chart';
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
            const merged = mergeDensities(blocks.map((b, k) => stored(`imp${k}`, b)));
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
