import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileSource } from '../../../cli/parallel/fileSource';
import { utf8Decoder } from '../../../cli/utf8';
import { PIECE_BYTES, piecesOf } from '../../../shared/import/encoding';

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

describe('piecesOf', () => {
  it('cuts a read into views of at most PIECE_BYTES that add up to it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 * PIECE_BYTES + 3 }), (size) => {
        const chunk = Buffer.alloc(size, 7);
        const pieces = [...piecesOf(chunk)];
        expect(pieces.every((p) => p.length <= PIECE_BYTES && p.buffer === chunk.buffer)).toBe(true);
        expect(pieces.reduce((n, p) => n + p.length, 0)).toBe(size);
        expect(pieces.length).toBe(Math.max(1, Math.ceil(size / PIECE_BYTES)));
      }),
      { numRuns: 50 },
    );
  });

  it('a file read in 1 MB reads and decoded in pieces gives its text (characters cut at the edges)', async () => {
    // Multi-byte characters around every piece edge, ASCII runs between them.
    const parts: string[] = [];
    let bytes = 0;
    for (let k = 1; bytes < 5 * PIECE_BYTES; k++) {
      const run = 'a'.repeat(k * PIECE_BYTES - bytes - 3 - (k % 4));
      parts.push(run, 'é漢🚀\n');
      bytes += Buffer.byteLength(run) + Buffer.byteLength('é漢🚀\n');
    }
    const text = parts.join('');
    const dir = mkdtempSync(join(tmpdir(), 'rootline-pieces-'));
    try {
      const path = join(dir, 'log.txt');
      writeFileSync(path, text);
      const out: string[] = [];
      // A range with an end is read 1 MB at a time.
      await fileSource(path).text(0, Buffer.byteLength(text), (t) => {
        out.push(t);
        return true;
      });
      expect(out.join('')).toBe(text);
      expect(out.every((t) => t.length <= PIECE_BYTES)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
