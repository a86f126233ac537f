/// <reference lib="webworker" />
// Log import off the main thread: bytes arrive in chunks, are decoded, parsed, classified and
// folded here; raw records are written to IndexedDB in blocks as they fill (never crossing to the
// main thread), and only the proposed timeline is sent back at the end.
import { strFromU8 } from 'fflate';
import { archiveTextMessage, createZipStream, MAX_ARCHIVE_TEXT, ZipError } from '../../shared/import/zip';
import { createBlockBuilder } from '../../shared/import/blocks';
import { piecesOf } from '../../shared/import/encoding';
import { BlockDensity } from '../../shared/chart/blockDensity';
import { finalizeImport } from '../../shared/import/finalize';
import { createImport, type FileInput, type Import } from '../../shared/import/pipeline';
import { userFormats } from './userFormats';
import type { ImportError, LogBlock } from '../../shared/domain';
import { BlockWriter } from './blockWriter';
import { readBlobFile } from './blobFile';
import { segmentWorkers } from './segmentWorkers';
import { createFileDecoder, type FileDecoder } from './decode';
import type { FromWorker, JobFile, JobOptions, ToWorker } from './importProtocol';
import { previewSample } from './preview';

declare const self: DedicatedWorkerGlobalScope;

const post = (msg: FromWorker, transfer: Transferable[] = []): void => self.postMessage(msg, transfer);

/** Blocks are written a few per transaction: fewer commits, each still quick. */
const BLOCKS_PER_WRITE = 5;
/** Past this many unfinished writes, chunk acks are held so the reader waits (memory stays flat). */
const MAX_PENDING_WRITES = 4;
const PROGRESS_EVERY_MS = 100;

interface Job {
  id: number;
  files: JobFile[];
  options: JobOptions;
  importer: Import;
  inputs: (FileInput | null)[];
  decoders: (FileDecoder | null)[];
  zips: (ZipJob | null)[];
  builders: Map<string, ReturnType<typeof createBlockBuilder>>;
  blockCounts: Map<string, number>;
  /** Each import's density, counted as its blocks are made (showing it then reads no block). */
  densities: Map<string, BlockDensity>;
  pending: LogBlock[];
  writer: BlockWriter;
  heldAcks: number[];
  /** Readers of 'blob' files waiting for the block writer to catch up. */
  waitingForRoom: (() => void)[];
  /** Aborted on cancel: segment workers stop, nothing more is staged. */
  abort: AbortController;
  failures: ImportError[];
  bytes: number;
  records: number;
  lastProgress: number;
}

let job: Job | null = null;

function flushBlocks(j: Job, all: boolean): void {
  if (j.abort.signal.aborted) return;
  while (j.pending.length >= BLOCKS_PER_WRITE || (all && j.pending.length > 0)) {
    j.writer.write(j.pending.splice(0, BLOCKS_PER_WRITE), () => releaseAcks(j));
  }
}

function ack(j: Job, fileIndex: number): void {
  if (j.writer.pending > MAX_PENDING_WRITES) j.heldAcks.push(fileIndex);
  else post({ type: 'ack', jobId: j.id, fileIndex });
}

function releaseAcks(j: Job): void {
  while (j.heldAcks.length > 0 && j.writer.pending <= MAX_PENDING_WRITES) {
    post({ type: 'ack', jobId: j.id, fileIndex: j.heldAcks.shift()! });
  }
  if (j.writer.pending <= MAX_PENDING_WRITES) for (const wake of j.waitingForRoom.splice(0)) wake();
}

/** Resolves once the block writer has room (at once when it has, or the import was cancelled). */
function room(j: Job): Promise<void> {
  if (j.writer.pending <= MAX_PENDING_WRITES || j.abort.signal.aborted) return Promise.resolve();
  return new Promise((resolve) => j.waitingForRoom.push(resolve));
}

function begin(msg: Extract<ToWorker, { type: 'begin' }>): void {
  const importIdByFile = new Map(msg.files.map((f) => [f.name, f.importId]));
  const j: Job = {
    id: msg.jobId,
    files: msg.files,
    options: msg.options,
    importer: null as unknown as Import,
    inputs: msg.files.map(() => null),
    decoders: msg.files.map((f) => createFileDecoder(f.name)),
    zips: msg.files.map(() => null),
    builders: new Map(),
    blockCounts: new Map(),
    densities: new Map(),
    pending: [],
    writer: new BlockWriter(msg.options.dbName),
    heldAcks: [],
    waitingForRoom: [],
    abort: new AbortController(),
    failures: [],
    bytes: 0,
    records: 0,
    lastProgress: 0,
  };
  j.importer = createImport(
    {
      zone: msg.options.zone,
      year: msg.options.year,
      aliases: msg.options.aliases,
      findingOptions: { changeWindowMs: msg.options.changeWindowMinutes * 60_000 },
      onRecord(record) {
        if (j.abort.signal.aborted) return;
        j.records++;
        const importId = importIdByFile.get(record.source.file);
        if (importId === undefined) return;
        let builder = j.builders.get(importId);
        if (builder === undefined) {
          const density = new BlockDensity();
          j.densities.set(importId, density);
          builder = createBlockBuilder({
            importId,
            incidentId: msg.options.incidentId,
            onBlock: (b) => {
              j.pending.push(b);
              j.blockCounts.set(importId, (j.blockCounts.get(importId) ?? 0) + 1);
              density.add(b);
            },
          });
          j.builders.set(importId, builder);
        }
        builder.add(record);
      },
    },
    userFormats(msg.options.formatFiles),
  );
  job = j;
}

function inputFor(j: Job, index: number): FileInput {
  let input = j.inputs[index] ?? null;
  if (input === null) {
    const f = j.files[index]!;
    input = j.importer.addFile(f.name, { format: f.format, mapping: f.mapping, capturedAt: f.capturedAt });
    j.inputs[index] = input;
  }
  return input;
}

function chunk(j: Job, index: number, bytes: Uint8Array): void {
  consume(j, index, bytes);
  ack(j, index);
}

/** A chunk of a file's bytes, in order: unpacked, or decoded and parsed. */
function consume(j: Job, index: number, bytes: Uint8Array): void {
  j.bytes += bytes.byteLength;
  const file = j.files[index]!;
  if (file.container === 'zip') {
    zipFor(j, index)?.stream.push(bytes, false);
  } else {
    const decoder = j.decoders[index];
    if (decoder) {
      for (const piece of piecesOf(bytes)) {
        const text = decoder.push(piece);
        if (typeof text === 'string') inputFor(j, index).push(text);
        else {
          fail(j, index, text.problem);
          break;
        }
      }
    }
  }
  progressed(j);
}

/** Writes the blocks that filled and reports progress (at most every PROGRESS_EVERY_MS). */
function progressed(j: Job, file?: { index: number; bytes: number }): void {
  flushBlocks(j, false);
  const now = performance.now();
  if (now - j.lastProgress > PROGRESS_EVERY_MS) {
    j.lastProgress = now;
    // The file's bytes first: the main thread renders progress once, on 'progress'.
    if (file !== undefined)
      post({ type: 'fileProgress', jobId: j.id, fileIndex: file.index, bytes: file.bytes });
    post({ type: 'progress', jobId: j.id, bytes: j.bytes, records: j.records });
  }
}

/** A 'blob' file: read here (by the segment pool when it splits), then 'fileRead'. */
async function readBlob(j: Job, index: number, blob: Blob): Promise<void> {
  const file = j.files[index]!;
  await readBlobFile(
    j.importer,
    file,
    blob,
    {
      zone: j.options.zone,
      year: j.options.year,
      workers: j.options.workers,
      startPool: (size, b) => segmentWorkers(size, b, j.options.formatFiles),
    },
    {
      chunk: (bytes) => consume(j, index, bytes),
      end: () => fileEnd(j, index),
      progressed: (bytes) => progressed(j, { index, bytes }),
      room: () => room(j),
    },
    j.abort.signal,
  );
  if (!j.abort.signal.aborted) post({ type: 'fileRead', jobId: j.id, fileIndex: index });
}

/** A file that cannot be read at all: one error for it, the other files go on. */
function fail(j: Job, index: number, reason: string): void {
  j.decoders[index] = null;
  const file = j.files[index]!;
  // An empty entry list gives the file an accounted-for, empty result; the reason is its error.
  const input = inputFor(j, index);
  input.end();
  j.failures.push({ file: file.name, line: 0, reason });
}

function fileEnd(j: Job, index: number): void {
  const file = j.files[index]!;
  if (file.container === 'zip') {
    readZip(j, index);
    return;
  }
  const decoder = j.decoders[index];
  if (!decoder) return;
  const input = inputFor(j, index);
  input.push(decoder.end());
  input.end();
}

/** A zip being unpacked as its bytes arrive: its Slack entries, or null once it failed. */
interface ZipJob {
  stream: { push(chunk: Uint8Array, final: boolean): void };
  entries: { path: string; text: string }[];
}

/* A zip is a Slack export: its .json entries are kept as text (at most MAX_ARCHIVE_TEXT),
 * the rest is skipped without unpacking; the zip limits stop a zip bomb as it unpacks. */
function zipFor(j: Job, index: number): ZipJob | null {
  const existing = j.zips[index];
  if (existing !== undefined && existing !== null) return existing;
  if (j.failures.some((f) => f.file === j.files[index]!.name)) return null;
  const file = j.files[index]!;
  const entries: { path: string; text: string }[] = [];
  let total = 0;
  const inner = createZipStream(file.name, (path) => {
    if (!path.endsWith('.json') || path.startsWith('__MACOSX/')) return null;
    const parts: Uint8Array[] = [];
    return {
      data: (bytes) => {
        total += bytes.length;
        if (total > MAX_ARCHIVE_TEXT) throw new ZipError(archiveTextMessage(file.name));
        parts.push(bytes.slice());
      },
      end: () => entries.push({ path, text: strFromU8(concatBytes(parts)) }),
    };
  });
  const zip: ZipJob = {
    entries,
    stream: {
      push: (bytes, final) => {
        try {
          inner.push(bytes, final);
        } catch (e) {
          // The file's one error; its later chunks are dropped (zipFor sees the failure).
          j.zips[index] = null;
          j.failures.push({ file: file.name, line: 0, reason: e instanceof Error ? e.message : String(e) });
        }
      },
    },
  };
  j.zips[index] = zip;
  return zip;
}

function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

function readZip(j: Job, index: number): void {
  const file = j.files[index]!;
  const zip = zipFor(j, index);
  if (zip === null) return;
  zip.stream.push(new Uint8Array(0), true);
  if (j.zips[index] !== zip) return;
  j.zips[index] = null;
  j.importer.addEntries(file.name, zip.entries, { format: file.format ?? 'slack' });
}

async function finish(j: Job): Promise<void> {
  for (const b of j.builders.values()) b.flush();
  flushBlocks(j, true);
  await j.writer.settled();
  const writeError = j.writer.error;
  if (writeError !== null) {
    await j.writer.discard(j.files.map((f) => f.importId)).catch(() => undefined);
    const quota = writeError.name === 'QuotaExceededError' || /quota/i.test(writeError.message);
    post({ type: 'failed', jobId: j.id, error: writeError.message, quota });
    job = null;
    return;
  }
  const result = j.importer.finish();
  for (const failure of j.failures) {
    result.stats.errors.unshift(failure);
    result.stats.errorCount++;
  }
  const { events, imports, patterns } = finalizeImport(result, {
    incidentId: j.options.incidentId,
    files: j.files.map((f) => ({
      importId: f.importId,
      fileName: f.name,
      format: result.stats.perFile.find((s) => s.file === f.name)?.format ?? f.format ?? 'unknown',
      bytes: f.size,
      blockCount: j.blockCounts.get(f.importId) ?? 0,
    })),
    options: { zone: j.options.zone, year: j.options.year },
    now: Date.now(),
  });
  post({ type: 'progress', jobId: j.id, bytes: j.bytes, records: j.records });
  const densities = imports.map((i) =>
    (j.densities.get(i.id) ?? new BlockDensity()).result({
      importId: i.id,
      incidentId: i.incidentId,
      importedAt: i.importedAt,
      blockCount: i.blockCount,
    }),
  );
  post({
    type: 'done',
    jobId: j.id,
    job: {
      result,
      events,
      imports,
      patterns,
      densities,
      changeWindowMinutes: j.options.changeWindowMinutes,
    },
  });
  job = null;
}

async function cancel(j: Job): Promise<void> {
  job = null;
  j.abort.abort();
  for (const wake of j.waitingForRoom.splice(0)) wake();
  await j.writer.discard(j.files.map((f) => f.importId)).catch(() => undefined);
  post({ type: 'cancelled', jobId: j.id });
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  const reportFailure = (err: unknown): void => {
    const id = 'jobId' in msg ? msg.jobId : -1;
    post({
      type: 'failed',
      jobId: id,
      error: err instanceof Error ? err.message : String(err),
      quota: false,
    });
    job = null;
  };
  try {
    if (msg.type === 'preview') {
      post({ type: 'previewed', requestId: msg.requestId, preview: previewSample(msg) });
      return;
    }
    if (msg.type === 'begin') {
      begin(msg);
      return;
    }
    const j = job;
    if (j === null || j.id !== msg.jobId) return;
    switch (msg.type) {
      case 'chunk':
        chunk(j, msg.fileIndex, msg.bytes);
        break;
      case 'fileEnd':
        fileEnd(j, msg.fileIndex);
        break;
      case 'blob':
        readBlob(j, msg.fileIndex, msg.blob).catch((err: unknown) => {
          // A stopped pool's segments fail too: after a cancel that is no failure.
          if (!j.abort.signal.aborted) reportFailure(err);
        });
        break;
      case 'fileFailed':
        fail(j, msg.fileIndex, msg.reason);
        break;
      case 'finish':
        finish(j).catch(reportFailure);
        break;
      case 'cancel':
        void cancel(j);
        break;
    }
  } catch (err) {
    reportFailure(err);
  }
};
