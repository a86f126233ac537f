import type { PickedFile } from '../../platform';
import { getDb } from '../../db/db';
import { discardStagedBlocks } from '../../db/repos';
import type { FromWorker, JobFile, JobOptions, JobResult } from '../../workers/importProtocol';
import type { ImportWorkerClient } from './workerClient';

export interface PlannedFile extends JobFile {
  picked: PickedFile;
  gzip: boolean;
}

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  records: number;
  elapsedMs: number;
}

/** Held (shared) by every running import so the start-up sweep never removes its staged blocks. */
export const IMPORT_LOCK = 'rootline-import';

/** Chunks posted but not yet parsed; past this the reader waits (memory stays flat). */
const MAX_IN_FLIGHT = 8;

export class ImportCancelled extends Error {
  constructor() {
    super('Import cancelled.');
  }
}

/**
 * Streams the files to the worker, stages the raw-record blocks it sends back, and resolves
 * with the proposed timeline. Blocks stay invisible until the import is committed; on cancel
 * or failure every staged block is removed, so nothing is left half-imported.
 */
export async function runImport(
  client: ImportWorkerClient,
  files: PlannedFile[],
  options: Omit<JobOptions, 'dbName'>,
  hooks: { signal: AbortSignal; onProgress(p: ImportProgress): void },
): Promise<JobResult> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return runLocked(client, files, options, hooks);
  return locks.request(IMPORT_LOCK, { mode: 'shared' }, () => runLocked(client, files, options, hooks));
}

async function runLocked(
  client: ImportWorkerClient,
  files: PlannedFile[],
  options: Omit<JobOptions, 'dbName'>,
  hooks: { signal: AbortSignal; onProgress(p: ImportProgress): void },
): Promise<JobResult> {
  const jobId = client.newId();
  const started = performance.now();
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  let bytesRead = 0;
  let records = 0;
  let inFlight = 0;
  let wake: (() => void) | null = null;
  // A 'blob' file being read by the worker: its index, bytes before it, and who waits for it.
  let reading: { fileIndex: number; base: number; done: () => void } | null = null;
  let workerCleaned: (() => void) | null = null;
  let settle: { resolve(r: JobResult): void; reject(e: unknown): void } | null = null;
  const done = new Promise<JobResult>((resolve, reject) => (settle = { resolve, reject }));
  done.catch(() => undefined);

  const report = () =>
    hooks.onProgress({ bytesRead, totalBytes, records, elapsedMs: performance.now() - started });

  const stop = client.listen((msg: FromWorker) => {
    if (!('jobId' in msg) || msg.jobId !== jobId) return;
    if (msg.type === 'ack') {
      inFlight--;
      wake?.();
    } else if (msg.type === 'progress') {
      records = msg.records;
      report();
    } else if (msg.type === 'fileProgress' && reading?.fileIndex === msg.fileIndex) {
      // Shown with the 'progress' that follows it (one render per update).
      bytesRead = reading.base + msg.bytes;
    } else if (msg.type === 'fileRead' && reading?.fileIndex === msg.fileIndex) {
      reading.done();
    } else if (msg.type === 'done') settle?.resolve(msg.job);
    else if (msg.type === 'cancelled') workerCleaned?.();
    else if (msg.type === 'failed') {
      settle?.reject(
        msg.quota ? storageProblem(new DOMException(msg.error, 'QuotaExceededError')) : new Error(msg.error),
      );
    }
  });

  const importIds = files.map((f) => f.importId);
  // A reader waiting for the worker to catch up must notice a cancel at once.
  hooks.signal.addEventListener('abort', () => wake?.(), { once: true });
  const cancelled = aborted(hooks.signal);
  cancelled.catch(() => undefined);
  try {
    client.post({
      type: 'begin',
      jobId,
      options: { ...options, dbName: getDb().name },
      files: files.map(({ name, size, importId, format, container, mapping, capturedAt }) => ({
        name,
        size,
        importId,
        format,
        container,
        mapping,
        capturedAt,
      })),
    });
    for (const [fileIndex, file] of files.entries()) {
      await pump(file, fileIndex);
    }
    client.post({ type: 'finish', jobId });
    return await Promise.race([done, cancelled]);
  } catch (e) {
    // The worker deletes what it staged once its writes have settled; wait for that (bounded),
    // then make sure from this side too, so nothing of the import is left behind.
    const cleaned = new Promise<void>((resolve) => {
      workerCleaned = resolve;
      setTimeout(resolve, 10_000);
    });
    client.post({ type: 'cancel', jobId });
    await cleaned;
    await discardStagedBlocks(importIds).catch(() => undefined);
    throw e;
  } finally {
    stop();
  }

  async function pump(file: PlannedFile, fileIndex: number): Promise<void> {
    const blob = file.picked.blob;
    if (file.container === 'blob' && blob !== undefined) {
      // The worker reads it (in parallel segments); the next file waits, as files go in order.
      const base = bytesRead;
      const read = new Promise<void>((resolve) => (reading = { fileIndex, base, done: resolve }));
      client.post({ type: 'blob', jobId, fileIndex, blob });
      await Promise.race([read, cancelled, done]);
      reading = null;
      bytesRead = base + file.size;
      report();
      return;
    }
    let stream = file.picked.stream();
    if (file.gzip)
      stream = stream.pipeThrough(
        new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>,
      );
    const reader = stream.getReader();
    try {
      for (;;) {
        if (hooks.signal.aborted) throw new ImportCancelled();
        while (inFlight >= MAX_IN_FLIGHT && !hooks.signal.aborted) await new Promise<void>((r) => (wake = r));
        if (hooks.signal.aborted) throw new ImportCancelled();
        let next: ReadableStreamReadResult<Uint8Array>;
        try {
          next = await reader.read();
        } catch (e) {
          const reason = file.gzip
            ? `${file.name}: the gzip data is truncated or corrupt (${messageOf(e)}); the lines before the damage were imported.`
            : `${file.name}: the file could not be read (${messageOf(e)}).`;
          client.post({ type: 'fileFailed', jobId, fileIndex, reason });
          return;
        }
        if (next.done) break;
        const bytes = next.value;
        bytesRead += file.gzip ? 0 : bytes.byteLength;
        inFlight++;
        client.post({ type: 'chunk', jobId, fileIndex, bytes }, [bytes.buffer]);
        report();
      }
      if (file.gzip) bytesRead += file.size;
      client.post({ type: 'fileEnd', jobId, fileIndex });
    } finally {
      reader.releaseLock();
    }
  }
}

function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(new ImportCancelled());
    signal.addEventListener('abort', () => reject(new ImportCancelled()), { once: true });
  });
}

/** The plain-language message for a failed block write; a full disk says nothing was imported. */
export function storageProblem(e: unknown): Error {
  const name = e instanceof Error ? e.name : '';
  if (name === 'QuotaExceededError' || /quota/i.test(messageOf(e))) {
    return new Error(
      'The browser ran out of storage space for this import, so nothing was imported. Free some space (or delete old incidents) and try again.',
    );
  }
  return new Error(`Storing the imported records failed, so nothing was imported: ${messageOf(e)}`);
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
