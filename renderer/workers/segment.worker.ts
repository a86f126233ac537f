/// <reference lib="webworker" />
// One of the import's segment workers: parses a byte range of a large file (parallel import)
// and posts its outcomes packed; the import worker merges them in file order.
import { formatsWith } from '../../shared/import/formats/user';
import { serveSegment } from '../../shared/import/segmentPool';
import { blobSource } from './blobSource';
import type { BlobSegmentRequest } from './segmentProtocol';
import { userFormats } from './userFormats';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (e: MessageEvent<BlobSegmentRequest>) => {
  const request = e.data;
  void serveSegment(
    formatsWith(userFormats(request.formatFiles)),
    blobSource(request.blob),
    request,
    (reply, transfer = []) => self.postMessage(reply, transfer),
  );
};
