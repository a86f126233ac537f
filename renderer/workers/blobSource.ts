import { piecesOf } from '../../shared/import/encoding';
import type { SegmentSource } from '../../shared/import/segment';

/** Bytes looked at per read when finding a line start (and reading a segment's short tail). */
const BLOCK = 64 * 1024;

/**
 * A Blob (a File the user picked) as a segment source: byte ranges read with `slice`, decoded
 * as UTF-8 by one streaming TextDecoder per range (a character cut by a read is carried over).
 * The byte-order mark is kept: the segment reader accounts for it as the CLI's reader does.
 */
export function blobSource(blob: Blob, chunk = 1 << 20): SegmentSource {
  const bytesOf = async (from: number, to: number): Promise<Uint8Array> =>
    new Uint8Array(await blob.slice(from, to).arrayBuffer());
  return {
    async lineStart(offset) {
      if (offset <= 0) return 0;
      for (let at = offset - 1; at < blob.size; at += BLOCK) {
        const i = (await bytesOf(at, at + BLOCK)).indexOf(10);
        if (i >= 0) return at + i + 1;
      }
      return Math.max(offset, blob.size);
    },
    async text(start, end, each) {
      const stop = end ?? blob.size;
      if (stop <= start) return;
      const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
      // The part past a segment's range is usually a few lines: read it in small pieces.
      const step = end === null ? BLOCK : chunk;
      for (let at = start; at < stop; at += step) {
        for (const piece of piecesOf(await bytesOf(at, Math.min(stop, at + step)))) {
          const text = decoder.decode(piece, { stream: true });
          if (text.length > 0 && !each(text)) return;
        }
      }
      const rest = decoder.decode();
      if (rest.length > 0) each(rest);
    },
  };
}
