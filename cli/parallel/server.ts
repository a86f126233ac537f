import { formatsWith } from '../../shared/import/formats/user';
import { serveSegment } from '../../shared/import/segmentPool';
import type { SegmentReply } from '../../shared/import/segmentPool';
import type { FormatDef } from '../../shared/import/types';
import { loadFormatFiles } from '../formatFiles';
import { fileSource } from './fileSource';
import type { SegmentRequest, WorkerSetup } from './protocol';

/** Replies to the pool; `transfer` lists the buffers a thread hands over rather than copies. */
export type Send = (reply: SegmentReply, transfer?: ArrayBuffer[]) => void;

/**
 * A pool member's side of the requests it gets: the formats (shipped, and the user's
 * `--format-file` definitions, compiled once on the first request), then each segment parsed
 * and its replies sent. `pack`: batches are packed for another thread (false for the member that
 * runs in the command's own thread).
 */
export function segmentServer(
  setup: WorkerSetup,
  pack: boolean,
): (request: SegmentRequest, send: Send) => void {
  let formats: Promise<readonly FormatDef[]> | null = null;
  return (request, send) => {
    formats ??= loadFormatFiles(setup.formatFiles).then(formatsWith);
    formats
      .then((all) => serveSegment(all, fileSource(request.path), request, send, pack))
      .catch((e: unknown) => {
        send({ type: 'fail', id: request.id, message: e instanceof Error ? e.message : String(e) });
      });
  };
}
