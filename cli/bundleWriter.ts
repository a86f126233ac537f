import { appendFileSync, createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { bundleAroundBlocks, logBlockText, serializeBundle } from '../shared/bundle/serialize';
import type { SerializeOptions } from '../shared/bundle/serialize';
import type { IncidentSnapshot, LogBlock } from '../shared/domain';

/**
 * Log blocks written to temporary files as the import makes them, then streamed into the
 * bundle: memory holds one block at a time, whatever the size of the logs (a bundle built as
 * one string failed with "Invalid string length" past ~200 MB of logs). Same bytes as
 * `serializeBundle` of the whole snapshot.
 */
export class BlockSpool {
  private dir: string | null = null;
  private readonly parts = new Map<string, { path: string; count: number }>();

  /** Adds one block (blocks of one import arrive in seq order). */
  add(block: LogBlock): void {
    this.dir ??= mkdtempSync(join(tmpdir(), 'rootline-blocks-'));
    let part = this.parts.get(block.importId);
    if (part === undefined) {
      part = { path: join(this.dir, `${this.parts.size}.part`), count: 0 };
      this.parts.set(block.importId, part);
    }
    appendFileSync(part.path, `${part.count > 0 ? ',\n' : ''}${logBlockText(block)}`);
    part.count++;
  }

  /** Writes the bundle of `snapshot` (its logBlocks ignored) with the spooled blocks to `out`. */
  async writeBundle(out: string, snapshot: IncidentSnapshot, options: SerializeOptions): Promise<void> {
    if (this.parts.size === 0) {
      await writeFile(out, serializeBundle({ ...snapshot, logBlocks: [] }, options), 'utf8');
      return;
    }
    const { head, tail } = bundleAroundBlocks(snapshot, options);
    const file = createWriteStream(out, { encoding: 'utf8' });
    const write = async (text: string | Buffer): Promise<void> => {
      if (!file.write(text)) await once(file, 'drain');
    };
    try {
      await write(head);
      const ids = [...this.parts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [i, id] of ids.entries()) {
        if (i > 0) await write(',\n');
        for await (const chunk of createReadStream(this.parts.get(id)!.path)) await write(chunk as Buffer);
      }
      await write(tail);
    } finally {
      file.end();
      await once(file, 'close');
    }
  }

  /** Removes the temporary files. */
  dispose(): void {
    if (this.dir !== null) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
    this.parts.clear();
  }
}
