import { packBatch } from './pack';
import type { PackedBatch } from './pack';
import { readSegment } from './segment';
import type { SegmentBatch, SegmentSource, SegmentTask, SegmentTotals } from './segment';
import type { FormatDef } from './types';

/**
 * Worker → pool, for one segment request (the CLI's worker_threads and the app's Web Workers).
 * A batch comes packed from another thread, as it is from a member running in the pool's own.
 */
export type SegmentReply =
  | { type: 'batch'; id: number; batch: PackedBatch | SegmentBatch }
  | { type: 'end'; id: number; totals: SegmentTotals }
  | { type: 'fail'; id: number; message: string };

/** One worker as the pool drives it, whatever kind of thread it is. */
export interface PoolWorker<R> {
  /** True for a member that parses in the pool's own thread (its batches are not packed). */
  inThread?: boolean;
  post(request: R & { id: number }): void;
  terminate(): Promise<unknown> | undefined;
}

interface Pending<R> {
  request: R & { id: number };
  onBatch: (batch: PackedBatch | SegmentBatch) => void;
  resolve: (totals: SegmentTotals) => void;
  reject: (error: Error) => void;
}

/**
 * Segment workers, started when first needed (or by `warm()`) and kept until `close()`: requests
 * queue and go to the next free worker; each worker's batches are handed, still packed, to its
 * request's callback. A member in the pool's own thread (`inThread`, the CLI's) takes the
 * earliest waiting segment, whose batches are merged as they come; workers then take the latest,
 * whose packed batches can wait. `start` makes a worker (the `index`th started) and wires its
 * replies to `reply` and its crashes to `crash`.
 */
export class SegmentPool<R> {
  private readonly idle: PoolWorker<R>[] = [];
  private readonly busy = new Map<PoolWorker<R>, Pending<R>>();
  private readonly queue: Pending<R>[] = [];
  private started = 0;
  private nextId = 0;
  private closed = false;
  private hasInThread = false;

  constructor(
    readonly size: number,
    private readonly start: (
      reply: (worker: PoolWorker<R>, reply: SegmentReply) => void,
      crash: (worker: PoolWorker<R>, error: Error) => void,
      index: number,
    ) => PoolWorker<R>,
  ) {}

  /** Parses one segment in a worker; `onBatch` gets its batches in order. */
  run(request: R, onBatch: (batch: PackedBatch | SegmentBatch) => void): Promise<SegmentTotals> {
    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(new Error('The import workers were stopped.'));
        return;
      }
      this.queue.push({ request: { ...request, id: this.nextId++ }, onBatch, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Starts every member now rather than when the first segments are queued, so their start-up
   * overlaps what the caller does before it has segments to give (reading the file's head…).
   */
  warm(): void {
    while (!this.closed && this.started < this.size) this.idle.push(this.spawn());
  }

  /** Stops every worker; segments still queued or running fail. */
  async close(): Promise<void> {
    this.closed = true;
    const stopped = new Error('The import workers were stopped.');
    for (const job of [...this.queue.splice(0), ...this.busy.values()]) job.reject(stopped);
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    this.busy.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      // A member in this thread first: it takes the earliest segment, merged as it is parsed.
      const own = this.idle.findIndex((w) => w.inThread === true);
      const worker =
        (own >= 0 ? this.idle.splice(own, 1)[0] : this.idle.pop()) ??
        (this.started < this.size ? this.spawn() : null);
      if (worker === null) return;
      const job = (worker.inThread === true || !this.hasInThread ? this.queue.shift() : this.queue.pop())!;
      this.busy.set(worker, job);
      worker.post(job.request);
    }
  }

  private spawn(): PoolWorker<R> {
    const index = this.started++;
    const member = this.start(
      (worker, reply) => {
        const job = this.busy.get(worker);
        if (job === undefined || job.request.id !== reply.id) return;
        if (reply.type === 'batch') {
          job.onBatch(reply.batch);
          return;
        }
        this.busy.delete(worker);
        this.idle.push(worker);
        if (reply.type === 'end') job.resolve(reply.totals);
        else job.reject(new Error(reply.message));
        this.dispatch();
      },
      (worker, error) => {
        const job = this.busy.get(worker);
        this.busy.delete(worker);
        job?.reject(error);
      },
      index,
    );
    if (member.inThread === true) this.hasInThread = true;
    return member;
  }
}

/** What every segment request carries, besides where the bytes are. */
export interface SegmentJob {
  id: number;
  task: SegmentTask;
  from: number;
  to: number;
}

/**
 * A worker's side of one request: finds the format and its split rule (the same head and
 * context give the rule the main thread decided on), parses the segment and posts its batches
 * packed (buffers transferred; `pack` false: as they are, for a member in the pool's own thread),
 * then its totals, or why it failed.
 */
export async function serveSegment(
  formats: readonly FormatDef[],
  source: SegmentSource,
  request: SegmentJob,
  send: (reply: SegmentReply, transfer?: ArrayBuffer[]) => void,
  pack = true,
): Promise<void> {
  try {
    const { task } = request;
    const def = formats.find((f) => f.id === task.format);
    const ctx = {
      file: '',
      zone: task.zone,
      year: task.year,
      mapping: task.mapping,
      sink: { record: () => undefined, error: () => undefined, skip: () => undefined },
    };
    const rule = def?.split?.(task.head, ctx) ?? null;
    if (def === undefined || rule === null) throw new Error(`format "${task.format}" cannot be split`);
    const totals = await readSegment(source, def, rule, task, request.from, request.to, (batch) => {
      if (!pack) {
        send({ type: 'batch', id: request.id, batch });
        return;
      }
      const [packed, transfer] = packBatch(batch, task.keepAttrs);
      send({ type: 'batch', id: request.id, batch: packed }, transfer);
    });
    send({ type: 'end', id: request.id, totals });
  } catch (e) {
    send({ type: 'fail', id: request.id, message: e instanceof Error ? e.message : String(e) });
  }
}
