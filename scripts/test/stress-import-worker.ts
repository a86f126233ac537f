// Runs the app's import worker (renderer/workers/import.worker.ts, unchanged) in a Node process
// and feeds it files the way the app does (runImport: chunks with at most 8 in flight, gzip
// unpacked before the worker, a zip posted as is), so GNU time can measure the import path's
// peak RSS. IndexedDB is replaced by a store that serialises each block with V8's structured
// clone (what the browser does in the worker before handing the bytes to its storage process)
// and keeps only the byte count. Prints one JSON line: records, events, blocks, stored bytes.
//
// Usage: tsx scripts/test/stress-import-worker.ts <file>... (used by scripts/test/stress-import.mjs)
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { serialize } from 'node:v8';
import { createGunzip } from 'node:zlib';
import type { FromWorker, ToWorker } from '../../renderer/workers/importProtocol';

const MAX_IN_FLIGHT = 8;
let storedBytes = 0;
let storedBlocks = 0;

/** The few IndexedDB calls BlockWriter makes, against a store that only counts. */
const fakeIndexedDb = {
  open() {
    const req: Record<string, unknown> = {};
    const db = {
      transaction() {
        const tx: Record<string, unknown> = {};
        tx.objectStore = () => ({
          put(value: unknown) {
            storedBytes += serialize(value).byteLength;
            storedBlocks++;
          },
          delete() {},
        });
        setImmediate(() => (tx.oncomplete as () => void)());
        return tx;
      },
    };
    setImmediate(() => {
      req.result = db;
      (req.onsuccess as () => void)();
    });
    return req;
  },
};

const listeners: ((msg: FromWorker) => void)[] = [];
const scope = {
  postMessage: (msg: FromWorker) => listeners.forEach((l) => l(msg)),
  onmessage: null as ((e: { data: ToWorker }) => void) | null,
};
Object.assign(globalThis, {
  self: scope,
  indexedDB: fakeIndexedDb,
  IDBKeyRange: { bound: (lower: string, upper: string) => ({ lower, upper }) },
});
await import('../../renderer/workers/import.worker');
const send = (msg: ToWorker): void => scope.onmessage!({ data: msg });

const files = parseArgs({ allowPositionals: true, options: {} }).positionals;
let inFlight = 0;
let wake: (() => void) | null = null;
const done = new Promise<FromWorker>((resolve) =>
  listeners.push((msg) => {
    if (msg.type === 'ack') {
      inFlight--;
      wake?.();
    } else if (msg.type === 'done' || msg.type === 'failed') resolve(msg);
  }),
);

const jobFiles = files.map((path, i) => {
  const name = basename(path).replace(/\.gz$/, '');
  const zip = name.endsWith('.zip');
  return {
    name,
    size: 0,
    importId: `IMP${i}`,
    format: null,
    container: zip ? 'zip' : 'stream',
    mapping: null,
    capturedAt: null,
  } as const;
});
send({
  type: 'begin',
  jobId: 1,
  files: jobFiles,
  options: {
    incidentId: 'INC',
    dbName: 'stress',
    zone: 'UTC',
    year: null,
    formatFiles: [],
    aliases: {},
    changeWindowMinutes: 60,
    workers: 1,
  },
});
for (const [fileIndex, path] of files.entries()) {
  const raw = createReadStream(path, { highWaterMark: 1 << 16 });
  const stream = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((r) => (wake = r));
    inFlight++;
    send({ type: 'chunk', jobId: 1, fileIndex, bytes: new Uint8Array(chunk) });
    // Let the worker's writes and acks run, as separate threads would.
    await new Promise<void>((r) => setImmediate(r));
  }
  send({ type: 'fileEnd', jobId: 1, fileIndex });
}
send({ type: 'finish', jobId: 1 });
const end = await done;
if (end.type === 'failed') {
  console.log(JSON.stringify({ error: end.error }));
} else if (end.type === 'done') {
  const { result, events, imports } = end.job;
  console.log(
    JSON.stringify({
      records: result.stats.records,
      lines: result.stats.lines,
      errors: result.stats.errors.map((e) => e.reason).slice(0, 3),
      events: events.length,
      blocks: imports.reduce((n, i) => n + i.blockCount, 0),
      storedBlocks,
      storedBytes,
    }),
  );
}
