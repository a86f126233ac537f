import { sniffEncoding } from '../../shared/import/encoding';
import {
  HEAD_BYTES,
  headOf,
  importInSegments,
  planSplit,
  segmentOffsets,
} from '../../shared/import/parallel';
import type { Import } from '../../shared/import/pipeline';
import type { SegmentJob, SegmentPool } from '../../shared/import/segmentPool';
import { blobSource } from './blobSource';
import type { JobFile } from './importProtocol';

/** Bytes per read when one worker reads the file in order. */
const CHUNK = 1 << 20;

/** What reading a file given as a Blob needs from the import it belongs to. */
export interface BlobFileHooks {
  /** One worker's path: the file's bytes in order, read as streamed chunks are. */
  chunk(bytes: Uint8Array): void;
  /** One worker's path: the file has ended. */
  end(): void;
  /** Something was read (records merged, blocks to write): `bytes` of the file so far. */
  progressed(bytes: number): void;
  /** Resolves once the block writer has caught up enough to read on. */
  room(): Promise<void>;
}

export interface BlobFileOptions {
  zone: string;
  year: number | null;
  /** Segment workers; 0: this worker reads the file alone. */
  workers: number;
  /** Starts the segment workers for this file (segmentWorkers.ts; in-process in tests). */
  startPool: (size: number, blob: Blob) => SegmentPool<Omit<SegmentJob, 'id'>>;
}

/**
 * Reads a large file the user picked: in segments by a pool of `workers` segment workers when
 * it is UTF-8 and its format splits (decided once on its head, as the CLI does), merged in
 * file order so the import is the one a single parser gives; otherwise in order, here. Aborting
 * `signal` stops every segment worker at once.
 */
export async function readBlobFile(
  imp: Import,
  file: JobFile,
  blob: Blob,
  options: BlobFileOptions,
  hooks: BlobFileHooks,
  signal: AbortSignal,
): Promise<void> {
  const head = new Uint8Array(await blob.slice(0, HEAD_BYTES).arrayBuffer());
  const plan =
    options.workers >= 1 && sniffEncoding(head) === 'utf-8'
      ? planSplit(imp, file.name, headOf(new TextDecoder('utf-8', { ignoreBOM: true }).decode(head)), {
          format: file.format,
          zone: options.zone,
          year: options.year,
          mapping: file.mapping,
          // Stored raw records keep their attributes.
          keepAttrs: true,
        })
      : null;
  if (plan === null) {
    for (let at = 0; at < blob.size && !signal.aborted; at += CHUNK) {
      await hooks.room();
      hooks.chunk(new Uint8Array(await blob.slice(at, at + CHUNK).arrayBuffer()));
      hooks.progressed(Math.min(blob.size, at + CHUNK));
    }
    if (!signal.aborted) hooks.end();
    return;
  }
  const pool = options.startPool(options.workers, blob);
  const stop = (): void => void pool.close();
  signal.addEventListener('abort', stop, { once: true });
  let read = 0;
  try {
    await importInSegments(
      imp,
      file.name,
      plan,
      blobSource(blob),
      segmentOffsets(blob.size, pool.size),
      async (index, from, to, onBatch) => {
        await hooks.room();
        const totals = await pool.run({ task: { ...plan.task, index }, from, to }, (batch) => {
          onBatch(batch);
          hooks.progressed(read);
        });
        read += to - from;
        hooks.progressed(read);
        return totals;
      },
      // Two segments per worker in flight: one parsing, one ready, while the merge catches up.
      2 * pool.size,
    );
  } finally {
    signal.removeEventListener('abort', stop);
    await pool.close();
  }
}
