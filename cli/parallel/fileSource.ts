import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { SegmentSource } from '../../shared/import/segment';
import { piecesOf } from '../../shared/import/encoding';
import { utf8Decoder } from '../utf8';

const BLOCK = 64 * 1024;

/**
 * A file on disk as a segment source. Text is decoded by utf8Decoder (no TextDecoder per
 * chunk); a character cut by a chunk edge is carried to the next chunk.
 */
export function fileSource(path: string, chunk = 1 << 20): SegmentSource {
  return {
    async lineStart(offset) {
      if (offset <= 0) return 0;
      const file = await open(path, 'r');
      try {
        const buffer = Buffer.allocUnsafe(BLOCK);
        for (let at = offset - 1; ; at += BLOCK) {
          const { bytesRead } = await file.read(buffer, 0, BLOCK, at);
          if (bytesRead === 0) return at;
          const i = buffer.subarray(0, bytesRead).indexOf(10);
          if (i >= 0) return at + i + 1;
        }
      } finally {
        await file.close();
      }
    },
    async text(start, end, each) {
      if (end !== null && end <= start) return;
      // The part past a segment's range is usually a few lines: read it in small chunks.
      const highWaterMark = end === null ? Math.min(chunk, BLOCK) : chunk;
      const stream = createReadStream(path, {
        start,
        ...(end === null ? {} : { end: end - 1 }),
        highWaterMark,
      });
      const decoder = utf8Decoder();
      try {
        let more = true;
        reading: for await (const bytes of stream as AsyncIterable<Buffer>) {
          for (const piece of piecesOf(bytes)) {
            const text = decoder.write(piece);
            if (text.length > 0 && !each(text)) {
              more = false;
              break reading;
            }
          }
        }
        if (more) {
          const rest = decoder.end();
          if (rest.length > 0) each(rest);
        }
      } finally {
        stream.destroy();
      }
    },
  };
}
