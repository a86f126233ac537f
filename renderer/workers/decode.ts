/**
 * Byte → text decoding for log files of unknown encoding: UTF-8 by default (BOM dropped),
 * UTF-16 when the file starts with a UTF-16 BOM, and a refusal for binary data.
 */
export interface FileDecoder {
  /** Text of this chunk, or a reason the file cannot be read as text. */
  push(bytes: Uint8Array): string | { problem: string };
  end(): string;
}

export function createFileDecoder(fileName: string): FileDecoder {
  let decoder: TextDecoder | null = null;
  return {
    push(bytes) {
      if (decoder === null) {
        const encoding = sniffEncoding(bytes);
        if (encoding === 'binary') {
          return {
            problem: `${fileName}: it contains NUL bytes, so it is a binary file or UTF-16 text without a byte-order mark; Rootline reads UTF-8 and UTF-16 logs.`,
          };
        }
        decoder = new TextDecoder(encoding);
      }
      return decoder.decode(bytes, { stream: true });
    },
    end() {
      return decoder === null ? '' : decoder.decode();
    },
  };
}

function sniffEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | 'binary' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return 'binary';
  return 'utf-8';
}
