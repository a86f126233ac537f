import { randomUUID } from 'node:crypto';
import { promises as fsPromises } from 'node:fs';
import type { PickedFileInfo } from '../../shared/ipc/contract';

interface PickedEntry {
  path: string;
  name: string;
  size: number;
  /** Modification time (epoch ms): the capture time of records that carry none. */
  lastModified?: number;
}

/**
 * Files the user picked in a native dialog, by opaque token. The renderer never learns a path
 * and can read only what was picked, in chunks (so a 2 GB log is streamed, not cloned at once).
 */
export class PickedFileRegistry {
  private readonly entries = new Map<string, PickedEntry>();

  constructor(
    private readonly newToken: () => string = randomUUID,
    private readonly limit = 512,
  ) {}

  register(entry: PickedEntry): PickedFileInfo {
    const token = this.newToken();
    this.entries.set(token, entry);
    // Oldest picks are forgotten first; Map keeps insertion order.
    while (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    const info: PickedFileInfo = { token, name: entry.name, size: entry.size };
    if (entry.lastModified !== undefined) info.lastModified = Math.floor(entry.lastModified);
    return info;
  }

  get(token: string): PickedEntry | undefined {
    return this.entries.get(token);
  }
}

/** Reads up to `length` bytes at `offset`; a short (or empty) result means end of file. */
export async function readFileChunk(
  filePath: string,
  offset: number,
  length: number,
  fs: Pick<typeof fsPromises, 'open'> = fsPromises,
): Promise<Uint8Array> {
  const handle = await fs.open(filePath, 'r');
  try {
    const buffer = new Uint8Array(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    return bytesRead === length ? buffer : buffer.slice(0, bytesRead);
  } finally {
    await handle.close();
  }
}
