import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { isHiddenPath } from '../shared/import/folder';

/** The files under a folder (hidden ones left out), as paths relative to it, sorted. */
export async function listFolder(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (isHiddenPath(entry.name)) continue;
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) out.push(relative(root, full).split('\\').join('/'));
    }
  };
  await walk(root);
  return out.sort((a, b) => (a < b ? -1 : 1));
}
