import type { FormatFileText } from '../../shared/import/textformats/load';
import type { SegmentJob } from '../../shared/import/segmentPool';

/** Import worker → segment worker: parse one segment of `blob` (replies: SegmentReply). */
export interface BlobSegmentRequest extends SegmentJob {
  blob: Blob;
  /** The user's own format definitions (a segment's format may be one of them). */
  formatFiles: FormatFileText[];
}
