import { forEachRecordTime, isDateMs, MAX_DATE_MS, type LogBlock } from '../domain';
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

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/**
 * True when a row read back from storage is a density the strip can merge: a row changed by
 * another tool or by hand (a bucket width that is not a whole number of minutes, arrays of
 * different lengths, a time no Date holds) would throw or draw nonsense. Densities are derived,
 * so a row that fails is counted again from the raw records rather than shown as damaged.
 */
export function isImportDensity(row: unknown): row is ImportDensity {
  if (typeof row !== 'object' || row === null) return false;
  const r = row as Partial<Record<keyof ImportDensity, unknown>>;
  if (typeof r.importId !== 'string' || typeof r.incidentId !== 'string') return false;
  if (!isDateMs(r.importedAt) || !isCount(r.blockCount)) return false;
  const c = r.counts as Partial<Record<keyof DensityCounts, unknown>> | null | undefined;
  if (typeof c !== 'object' || c === null) return false;
  const { bucketMs, buckets, total, impact, records } = c;
  if (!isCount(bucketMs) || bucketMs < DENSITY_BUCKET_MS || bucketMs % DENSITY_BUCKET_MS !== 0) return false;
  if (!Number.isInteger(Math.log2(bucketMs / DENSITY_BUCKET_MS)) || !isCount(records)) return false;
  if (!Array.isArray(buckets) || !Array.isArray(total) || !Array.isArray(impact)) return false;
  if (total.length !== buckets.length || impact.length !== buckets.length) return false;
  const maxBucket = Math.floor(MAX_DATE_MS / bucketMs);
  for (let i = 0; i < buckets.length; i++) {
    const b: unknown = buckets[i];
    if (typeof b !== 'number' || !Number.isInteger(b) || Math.abs(b) > maxBucket) return false;
    if (!isCount(total[i]) || !isCount(impact[i]) || impact[i] > total[i]) return false;
  }
  if (!Array.isArray(r.spans)) return false;
  for (const s of r.spans as unknown[]) {
    const span = s as Partial<BlockSpan> | null;
    if (typeof span !== 'object' || span === null || typeof span.id !== 'string') return false;
    if (!isDateMs(span.firstAt) || !isDateMs(span.lastAt) || span.lastAt < span.firstAt) return false;
  }
  return true;
}

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
