// The CLI's import worker (worker_threads): parses segments of large files (parallel import).
// Built to dist/cli/import-worker.mjs; started by cli/parallel/pool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { formatsWith } from '../../shared/import/formats/user';
import type { FormatDef } from '../../shared/import/types';
import { serveSegment } from '../../shared/import/segmentPool';
import { loadFormatFiles } from '../formatFiles';
import { fileSource } from './fileSource';
import type { SegmentRequest, WorkerSetup } from './protocol';

const port = parentPort;
const setup = workerData as WorkerSetup;
let formats: Promise<readonly FormatDef[]> | null = null;

port?.on('message', (request: SegmentRequest) => {
  formats ??= loadFormatFiles(setup.formatFiles).then(formatsWith);
  formats
    .then((all) =>
      serveSegment(all, fileSource(request.path), request, (reply, transfer) =>
        port.postMessage(reply, transfer),
      ),
    )
    .catch((e: unknown) => {
      port.postMessage({ type: 'fail', id: request.id, message: e instanceof Error ? e.message : String(e) });
    });
});
