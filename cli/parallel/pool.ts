import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SegmentBatch, SegmentTask, SegmentTotals } from '../../shared/import/segment';
import { unpackBatch } from '../../shared/import/pack';
import { packageRoot } from '../paths';
import type { SegmentReply, SegmentRequest, WorkerSetup } from './protocol';

/** The default pool size: one worker per core. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

interface Pending {
  request: SegmentRequest;
  onBatch: (batch: SegmentBatch) => void;
  resolve: (totals: SegmentTotals) => void;
  reject: (error: Error) => void;
}

/**
 * Import workers (worker_threads running dist/cli/import-worker.mjs), started when first
 * needed and kept for the whole command: segments queue and go to the next free worker.
 */
export class ImportPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private started = 0;
  private nextId = 0;

  constructor(
    readonly size: number,
    private readonly setup: WorkerSetup,
  ) {}

  /** Parses one segment of `path` in a worker. */
  run(
    path: string,
    task: SegmentTask,
    from: number,
    to: number,
    onBatch: (batch: SegmentBatch) => void,
  ): Promise<SegmentTotals> {
    return new Promise((resolve, reject) => {
      const request: SegmentRequest = { id: this.nextId++, path, task, from, to };
      this.queue.push({ request, onBatch, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.started < this.size ? this.start() : null);
      if (worker === null) return;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.postMessage(job.request);
    }
  }

  private start(): Worker {
    this.started++;
    const worker = new Worker(join(packageRoot(), 'dist', 'cli', 'import-worker.mjs'), {
      workerData: this.setup,
    });
    worker.on('message', (reply: SegmentReply) => {
      const job = this.busy.get(worker);
      if (job === undefined || job.request.id !== reply.id) return;
      if (reply.type === 'batch') {
        job.onBatch(unpackBatch(reply.batch));
        return;
      }
      this.busy.delete(worker);
      this.idle.push(worker);
      if (reply.type === 'end') job.resolve(reply.totals);
      else job.reject(new Error(reply.message));
      this.dispatch();
    });
    worker.on('error', (e) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      job?.reject(e);
    });
    return worker;
  }
}
