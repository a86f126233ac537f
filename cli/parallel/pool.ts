import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { SegmentPool } from '../../shared/import/segmentPool';
import type { SegmentReply } from '../../shared/import/segmentPool';
import { packageRoot } from '../paths';
import type { SegmentRequest, WorkerSetup } from './protocol';

/** The default pool size: one worker per core. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** The CLI's import pool: worker_threads running dist/cli/import-worker.mjs, kept for the command. */
export type ImportPool = SegmentPool<Omit<SegmentRequest, 'id'>>;

/** Starts (lazily) a pool of `size` import workers set up with `setup`. */
export function importPool(size: number, setup: WorkerSetup): ImportPool {
  return new SegmentPool(size, (reply, crash) => {
    const worker = new Worker(join(packageRoot(), 'dist', 'cli', 'import-worker.mjs'), { workerData: setup });
    const handle = {
      post: (request: SegmentRequest) => worker.postMessage(request),
      terminate: () => worker.terminate(),
    };
    worker.on('message', (r: SegmentReply) => reply(handle, r));
    worker.on('error', (e) => crash(handle, e));
    return handle;
  });
}
