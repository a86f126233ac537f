import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { SegmentPool } from '../../shared/import/segmentPool';
import type { PoolWorker, SegmentReply } from '../../shared/import/segmentPool';
import { packageRoot } from '../paths';
import type { SegmentRequest, WorkerSetup } from './protocol';
import { segmentServer } from './server';

/** The default pool size: one parser per core. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** The CLI's import pool (see importPool), kept for the command. */
export type ImportPool = SegmentPool<Omit<SegmentRequest, 'id'>>;

type Member = PoolWorker<Omit<SegmentRequest, 'id'>>;
type Reply = (member: Member, reply: SegmentReply) => void;

/**
 * A pool of `size` segment parsers set up with `setup`, started when first needed: the command's
 * own thread is one of them (it merges the segments anyway, and its batches need no packing or
 * copying between threads), the others are worker_threads running dist/cli/import-worker.mjs.
 */
export function importPool(size: number, setup: WorkerSetup): ImportPool {
  return new SegmentPool(size, (reply, crash, index) =>
    index === 0 ? inThisThread(setup, reply) : workerThread(setup, reply, crash),
  );
}

function inThisThread(setup: WorkerSetup, reply: Reply): Member {
  const serve = segmentServer(setup, false);
  const member: Member = {
    inThread: true,
    post: (request) => serve(request, (r) => reply(member, r)),
    terminate: () => undefined,
  };
  return member;
}

function workerThread(
  setup: WorkerSetup,
  reply: Reply,
  crash: (member: Member, error: Error) => void,
): Member {
  const worker = new Worker(join(packageRoot(), 'dist', 'cli', 'import-worker.mjs'), { workerData: setup });
  const member: Member = {
    post: (request: SegmentRequest) => worker.postMessage(request),
    terminate: () => worker.terminate(),
  };
  worker.on('message', (r: SegmentReply) => reply(member, r));
  worker.on('error', (e) => crash(member, e));
  return member;
}
