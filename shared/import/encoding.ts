/** Text encodings Rootline reads log files in, or `binary` for files it refuses. */
export type SniffedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'binary';

/** How many leading bytes the sniffer looks at. */
export const SNIFF_BYTES = 4096;

/**
 * Guesses the encoding of a log file from its first bytes: a UTF-16 byte-order mark; UTF-16
 * without one (NUL in every other byte, as ASCII text in UTF-16 has); otherwise NUL bytes mean a
 * binary file; anything else is read as UTF-8 (whose BOM the decoder drops).
 */
export function sniffEncoding(bytes: Uint8Array): SniffedEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  if (bytes.length % 2 === 1 && bytes[bytes.length - 1] === 0 && n < SNIFF_BYTES) evenZeros++;
  const pairs = n / 2;
  if (evenZeros + oddZeros === 0) return 'utf-8';
  // Mostly-ASCII UTF-16: the high byte of (nearly) every code unit is zero, the low byte never.
  if (pairs >= 2 && oddZeros >= pairs * 0.9 && evenZeros === 0) return 'utf-16le';
  if (pairs >= 2 && evenZeros >= pairs * 0.9 && oddZeros === 0) return 'utf-16be';
  return 'binary';
}

/** The message for a file that is not text, naming it. */
export function binaryFileMessage(fileName: string): string {
  return `${fileName}: it contains NUL bytes, so it is a binary file (or text in an encoding other than UTF-8 or UTF-16); Rootline reads UTF-8 and UTF-16 logs.`;
}

/**
 * A read is decoded in pieces of at most this many bytes: their text is small enough to be
 * allocated young and die young, where the text of a whole 1 MB read is a large object, old from
 * birth, that brings a full garbage collection every few megabytes (18 for 320 MB of log read
 * 1 MB at a time, 3 in pieces; 128 KB pieces are large objects again). UTF-16 text of a piece is
 * at most 64 KB too.
 */
export const PIECE_BYTES = 64 * 1024;

/** `bytes` cut into pieces of at most PIECE_BYTES (views, not copies), to decode one by one. */
export function* piecesOf<T extends Uint8Array>(bytes: T): Generator<T> {
  if (bytes.length <= PIECE_BYTES) {
    yield bytes;
    return;
  }
  for (let at = 0; at < bytes.length; at += PIECE_BYTES) yield bytes.subarray(at, at + PIECE_BYTES) as T;
}
