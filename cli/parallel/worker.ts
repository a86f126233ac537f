// The CLI's import worker (worker_threads): parses segments of large files (parallel import).
// Built to dist/cli/import-worker.mjs; started by cli/parallel/pool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { formatsWith } from '../../shared/import/formats/user';
import type { FormatDef } from '../../shared/import/types';
import { packBatch } from '../../shared/import/pack';
import { readSegment } from '../../shared/import/segment';
import { loadFormatFiles } from '../formatFiles';
import { fileSource } from './fileSource';
import type { SegmentReply, SegmentRequest, WorkerSetup } from './protocol';

const port = parentPort;
const setup = workerData as WorkerSetup;
let formats: Promise<readonly FormatDef[]> | null = null;

async function run(request: SegmentRequest): Promise<void> {
  const send = (reply: SegmentReply): void => port?.postMessage(reply);
  formats ??= loadFormatFiles(setup.formatFiles).then(formatsWith);
  const def = (await formats).find((f) => f.id === request.task.format);
  const ctx = {
    file: '',
    zone: request.task.zone,
    year: request.task.year,
    mapping: request.task.mapping,
    sink: { record: () => undefined, error: () => undefined, skip: () => undefined },
  };
  // The same head and context give the rule the main thread decided on.
  const rule = def?.split?.(request.task.head, ctx) ?? null;
  if (def === undefined || rule === null) throw new Error(`format "${request.task.format}" cannot be split`);
  const totals = await readSegment(
    fileSource(request.path),
    def,
    rule,
    request.task,
    request.from,
    request.to,
    (batch) => {
      const [packed, transfer] = packBatch(batch, request.task.keepAttrs);
      port?.postMessage({ type: 'batch', id: request.id, batch: packed } satisfies SegmentReply, transfer);
    },
  );
  send({ type: 'end', id: request.id, totals });
}

port?.on('message', (request: SegmentRequest) => {
  run(request).catch((e: unknown) => {
    port.postMessage({
      type: 'fail',
      id: request.id,
      message: e instanceof Error ? e.message : String(e),
    } satisfies SegmentReply);
  });
});
