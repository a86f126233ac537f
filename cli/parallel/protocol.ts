import type { PackedBatch } from '../../shared/import/pack';
import type { SegmentTask, SegmentTotals } from '../../shared/import/segment';

/** What the CLI's import workers are started with. */
export interface WorkerSetup {
  /** `--format-file` paths: a worker compiles the user's definitions once. */
  formatFiles: string[];
}

/** Main → worker: parse one segment of a file. */
export interface SegmentRequest {
  id: number;
  path: string;
  task: SegmentTask;
  from: number;
  to: number;
}

/** Worker → main. */
export type SegmentReply =
  | { type: 'batch'; id: number; batch: PackedBatch }
  | { type: 'end'; id: number; totals: SegmentTotals }
  | { type: 'fail'; id: number; message: string };
