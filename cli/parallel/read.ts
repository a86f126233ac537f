import { open, stat } from 'node:fs/promises';
import { sniffEncoding } from '../../shared/import/encoding';
import {
  HEAD_BYTES,
  headOf,
  importInSegments,
  planSplit,
  segmentOffsets,
} from '../../shared/import/parallel';
import type { SplitOptions } from '../../shared/import/parallel';
import type { Import } from '../../shared/import/pipeline';
import { fileSource } from './fileSource';
import type { ImportPool } from './pool';

/** By default (no --jobs), files from this size on are read by the whole pool. */
export const AUTO_SPLIT_BYTES = 32 * 1024 * 1024;
/** With --jobs N, files from this size on are read in N segments or more. */
export const JOBS_SPLIT_BYTES = 64 * 1024;

/** How a command reads large files in parallel. */
export interface ParallelRead {
  pool: ImportPool;
  /** True when --jobs was given (then smaller files are split too). */
  explicit: boolean;
  options: Omit<SplitOptions, 'format'>;
}

async function readHead(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * Reads a plain file with the worker pool when it is large enough, UTF-8, and of a format that
 * splits (decided once on its head). False when it should be read by one parser instead.
 */
export async function addInParallel(
  imp: Import,
  path: string,
  name: string,
  format: string | null,
  parallel: ParallelRead,
): Promise<boolean> {
  const size = (await stat(path)).size;
  if (size < (parallel.explicit ? JOBS_SPLIT_BYTES : AUTO_SPLIT_BYTES)) return false;
  // Workers start while the head is read and the zone checked (unused if it does not split).
  parallel.pool.warm();
  const head = await readHead(path);
  if (sniffEncoding(head) !== 'utf-8') return false;
  const plan = planSplit(imp, name, headOf(head.toString('utf8')), { ...parallel.options, format });
  if (plan === null) return false;
  await importInSegments(
    imp,
    name,
    plan,
    fileSource(path),
    segmentOffsets(size, parallel.pool.size),
    (index, from, to, onBatch) =>
      parallel.pool.run({ path, task: { ...plan.task, index }, from, to }, onBatch),
    // Two segments per worker in flight: one parsing, one ready, while the merge catches up.
    2 * parallel.pool.size,
  );
  return true;
}
