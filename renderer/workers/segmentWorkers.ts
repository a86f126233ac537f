import { SegmentPool, type SegmentJob, type SegmentReply } from '../../shared/import/segmentPool';
import type { FormatFileText } from '../../shared/import/textformats/load';
import type { BlobSegmentRequest } from './segmentProtocol';

/** A pool of segment workers (segment.worker.ts) reading byte ranges of `blob`. */
export function segmentWorkers(
  size: number,
  blob: Blob,
  formatFiles: FormatFileText[],
): SegmentPool<Omit<SegmentJob, 'id'>> {
  return new SegmentPool(size, (reply, crash) => {
    const worker = new Worker(new URL('./segment.worker.ts', import.meta.url), { type: 'module' });
    const handle = {
      post: (request: SegmentJob) =>
        worker.postMessage({ ...request, blob, formatFiles } satisfies BlobSegmentRequest),
      terminate: () => {
        worker.terminate();
        return undefined;
      },
    };
    worker.onmessage = (e: MessageEvent<SegmentReply>) => reply(handle, e.data);
    worker.onerror = (e) => crash(handle, new Error(e.message || 'An import worker failed.'));
    return handle;
  });
}
