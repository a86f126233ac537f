import { StringDecoder } from 'node:string_decoder';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Decoder } from '../../../cli/utf8';

/** `bytes` cut at `cuts` (sorted, deduplicated, inside the array). */
function chunksOf(bytes: Uint8Array, cuts: number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    out.push(Buffer.from(bytes.subarray(from, c)));
    from = c;
  }
  return out;
}

function decodeAll(decoder: { write(b: Buffer): string; end(): string }, chunks: Buffer[]): string {
  return chunks.map((c) => decoder.write(c)).join('') + decoder.end();
}

describe('utf8Decoder', () => {
  it("gives Node's StringDecoder text for any bytes cut anywhere (invalid UTF-8 too)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.array(fc.nat(), { maxLength: 8 }), (bytes, cuts) => {
        const chunks = chunksOf(bytes, cuts);
        expect(decodeAll(utf8Decoder(), chunks)).toBe(decodeAll(new StringDecoder('utf8'), chunks));
      }),
    );
  });

  it('reads mostly-ASCII text with characters cut by chunk edges', () => {
    const piece = fc.oneof(fc.string({ unit: 'grapheme-ascii' }), fc.string({ unit: 'grapheme' }));
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (pieces, cuts) => {
          const text = pieces.join('\n');
          expect(decodeAll(utf8Decoder(), chunksOf(Buffer.from(text, 'utf8'), cuts))).toBe(text);
        },
      ),
    );
  });
});
