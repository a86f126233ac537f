import { forEachRecordTime, type LogBlock } from '../domain';
import { DensityAccumulator, type DensityCounts } from './density';
import type { DensitySeries } from './layout';

/** Where a raw-record block starts and ends, so readers can fetch only the blocks they overlap. */
export interface BlockSpan {
  id: string;
  firstAt: number;
  lastAt: number;
}

/**
 * One import's raw-record density (records per minute, impact apart) and block spans: what the
 * density strip and the evidence viewer need, kept so that showing an incident reads no raw
 * record. Valid while the import still has the same `importedAt` and `blockCount`.
 */
export interface ImportDensity {
  importId: string;
  incidentId: string;
  importedAt: number;
  blockCount: number;
  counts: DensityCounts;
  /** By first instant, then id (the order blocks are listed in). */
  spans: BlockSpan[];
}

/** The one-minute buckets every stored density uses (the strip coarsens them when drawing). */
export const DENSITY_BUCKET_MS = 60_000;

const bySpan = (a: BlockSpan, b: BlockSpan) =>
  a.firstAt - b.firstAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Counts the blocks of one import as they are written (or read back), in any order. */
export class BlockDensity {
  private readonly acc = new DensityAccumulator(DENSITY_BUCKET_MS);
  private readonly spans: BlockSpan[] = [];

  add(block: LogBlock): void {
    this.spans.push({ id: block.id, firstAt: block.firstAt, lastAt: block.lastAt });
    forEachRecordTime(block, (at, kind) => this.acc.add(at, kind === 'impact'));
  }

  /** The stored form, for the import as it is committed. */
  result(of: Pick<ImportDensity, 'importId' | 'incidentId' | 'importedAt' | 'blockCount'>): ImportDensity {
    return { ...of, counts: this.acc.counts(), spans: [...this.spans].sort(bySpan) };
  }
}

/**
 * The density strip of an incident from its imports' stored densities: the same series, record
 * count and spans as counting every raw record of those imports.
 */
export function mergeDensities(rows: readonly ImportDensity[]): {
  density: DensitySeries | null;
  spans: BlockSpan[];
  records: number;
} {
  const acc = new DensityAccumulator(DENSITY_BUCKET_MS);
  for (const r of rows) acc.addCounts(r.counts);
  return { density: acc.finish(), spans: rows.flatMap((r) => r.spans).sort(bySpan), records: acc.records };
}
