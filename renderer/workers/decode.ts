import { binaryFileMessage, sniffEncoding } from '../../shared/import/encoding';

/**
 * Byte → text decoding for log files of unknown encoding: UTF-8 by default (BOM dropped),
 * UTF-16 with a BOM or recognisably without one, and a refusal for binary data.
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
          return { problem: binaryFileMessage(fileName) };
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
