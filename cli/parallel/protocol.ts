import type { SegmentJob } from '../../shared/import/segmentPool';

/** What the CLI's import workers are started with. */
export interface WorkerSetup {
  /** `--format-file` paths: a worker compiles the user's definitions once. */
  formatFiles: string[];
}

/** Main → worker: parse one segment of the file at `path` (replies: SegmentReply). */
export interface SegmentRequest extends SegmentJob {
  path: string;
}
