import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';

/** Decodes a byte stream chunk by chunk (a character cut by a chunk edge is carried over). */
export interface ChunkDecoder {
  write(chunk: Buffer): string;
  end(): string;
}

/**
 * A UTF-8 stream decoder with a fast path for chunks of plain ASCII (most logs, most chunks):
 * those are copied as Latin-1, which is the same text, at a fraction of the cost of decoding
 * UTF-8. Any other chunk goes through Node's StringDecoder. The fast path is taken only after a
 * chunk that ended in an ASCII byte, when the decoder cannot be holding part of a character.
 */
export function utf8Decoder(): ChunkDecoder {
  const decoder = new StringDecoder('utf8');
  let settled = true;
  return {
    write(chunk) {
      if (chunk.length === 0) return '';
      const fast = settled && isAscii(chunk);
      settled = chunk[chunk.length - 1]! < 0x80;
      return fast ? chunk.toString('latin1') : decoder.write(chunk);
    },
    end: () => decoder.end(),
  };
}
