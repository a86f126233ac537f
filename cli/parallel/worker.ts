// The CLI's import worker (worker_threads): parses segments of large files (parallel import).
// Built to dist/cli/import-worker.mjs; started by cli/parallel/pool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import type { SegmentRequest, WorkerSetup } from './protocol';
import { segmentServer } from './server';

const port = parentPort;
const serve = segmentServer(workerData as WorkerSetup, true);

port?.on('message', (request: SegmentRequest) => {
  serve(request, (reply, transfer) => port.postMessage(reply, transfer));
});
