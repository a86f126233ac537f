import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { folderToFiles } from '../../../../renderer/features/import/folder';
import { isSlackExport } from '../../../../shared/import/folder';
import {
  folderFromList,
  FolderTooLargeError,
  MAX_FOLDER_FILES,
  toPicked,
  walkDirectory,
  type EntryLike,
} from '../../../../renderer/platform/folder';
import type { PickedFolder } from '../../../../renderer/platform';
import { createImport } from '../../../../shared/import/pipeline';

const SLACK_DIR = join(__dirname, '../../../fixtures/logs/slack-export-folder');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

function pickedFolder(dir: string, name: string): PickedFolder {
  return {
    name,
    files: listFiles(dir).map((full) => ({
      path: relative(dir, full).split('\\').join('/'),
      file: toPicked(new File([readFileSync(full)], full.split('/').pop() ?? full)),
    })),
  };
}

/* A directory tree in the shape of the File and Directory Entries API; readEntries hands out
 * at most `batch` children per call, as Chromium does (100). */
type Tree = { [name: string]: string | Tree };
function entryOf(name: string, node: string | Tree, batch: number): EntryLike {
  if (typeof node === 'string') {
    return {
      name,
      isFile: true,
      isDirectory: false,
      file: (ok: (f: File) => void) => ok(new File([node], name)),
    } as EntryLike;
  }
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader() {
      const children = Object.entries(node).map(([n, c]) => entryOf(n, c, batch));
      let at = 0;
      return {
        readEntries(ok: (e: EntryLike[]) => void) {
          const part = children.slice(at, at + batch);
          at += part.length;
          ok(part);
        },
      };
    },
  } as EntryLike;
}

describe('isSlackExport', () => {
  it('knows an unzipped Slack export from other folders', () => {
    expect(isSlackExport(['channels.json', 'users.json', 'general/2024-05-01.json'])).toBe(true);
    expect(isSlackExport(['general/2024-05-01.json', 'incident/2024-05-02.json'])).toBe(true);
    expect(isSlackExport(['app.log', 'db/2024-05-01.log'])).toBe(false);
    expect(isSlackExport(['users.json'])).toBe(false);
    expect(isSlackExport(['notes.txt', 'general/2024-05-01.json'])).toBe(false);
    // A zip made of the export folder wraps everything in one more folder.
    expect(isSlackExport(['export/channels.json', 'export/general/2024-05-01.json'])).toBe(true);
  });
});

describe('folderToFiles', () => {
  it('packs a Slack export folder into one archive that imports like the zip', async () => {
    const files = await folderToFiles(pickedFolder(SLACK_DIR, 'slack-export'));
    expect(files.map((f) => f.name)).toEqual(['slack-export/']);
    const bytes = new Uint8Array(await new Response(files[0]!.stream()).arrayBuffer());
    const entries = Object.entries(unzipSync(bytes)).map(([path, data]) => ({ path, text: strFromU8(data) }));
    expect(entries.map((e) => e.path).sort()).toContain('enrique/2016-01-14.json');

    const imp = createImport({ zone: 'UTC' });
    imp.addEntries('slack-export/', entries, { format: 'slack' });
    const result = imp.finish();
    expect(result.stats.errorCount).toBe(0);
    expect(result.stats.records).toBe(147);
  });

  it('adds every file of another folder, named by its path inside it', async () => {
    const folder: PickedFolder = {
      name: 'var-log',
      files: [
        { path: 'app.log', file: toPicked(new File(['2024-05-01T00:00:00Z error boom\n'], 'app.log')) },
        { path: 'db/db.log', file: toPicked(new File(['x'], 'db.log')) },
      ],
    };
    const files = await folderToFiles(folder);
    expect(files.map((f) => [f.name, f.size])).toEqual([
      ['var-log/app.log', 32],
      ['var-log/db/db.log', 1],
    ]);
    expect(await files[0]!.text()).toContain('error boom');
  });
});

describe('walkDirectory', () => {
  it('reads every batch of entries, keeps paths and leaves hidden files out', async () => {
    const children: Tree = { '.DS_Store': 'x', __MACOSX: { 'a.json': '{}' }, 'users.json': '[]' };
    for (let i = 0; i < 7; i++) children[`c${i}`] = { '2024-05-01.json': `[${i}]`, '.hidden': 'h' };
    const folder = await walkDirectory(entryOf('export', children, 3));
    expect(folder.name).toBe('export');
    expect(folder.files.map((f) => f.path).sort()).toEqual([
      'c0/2024-05-01.json',
      'c1/2024-05-01.json',
      'c2/2024-05-01.json',
      'c3/2024-05-01.json',
      'c4/2024-05-01.json',
      'c5/2024-05-01.json',
      'c6/2024-05-01.json',
      'users.json',
    ]);
    const c6 = folder.files.find((f) => f.path === 'c6/2024-05-01.json');
    expect(await c6?.file.text()).toBe('[6]');
  });

  it('refuses a folder with too many files, naming it', async () => {
    const children: Tree = {};
    for (let i = 0; i <= MAX_FOLDER_FILES; i++) children[`f${i}.log`] = '';
    await expect(walkDirectory(entryOf('home', children, 100))).rejects.toThrow(FolderTooLargeError);
    await expect(walkDirectory(entryOf('home', children, 100))).rejects.toThrow(
      /"home" holds more than 20,000 files/,
    );
  });
});

describe('folderFromList', () => {
  const withPath = (path: string, text: string): File => {
    const f = new File([text], path.split('/').pop() ?? path);
    Object.defineProperty(f, 'webkitRelativePath', { value: path });
    return f;
  };
  it('takes the folder name and inner paths from webkitRelativePath', () => {
    const folder = folderFromList([
      withPath('export/users.json', '[]'),
      withPath('export/general/2024-05-01.json', '[]'),
      withPath('export/.git/config', ''),
    ]);
    expect(folder?.name).toBe('export');
    expect(folder?.files.map((f) => f.path)).toEqual(['users.json', 'general/2024-05-01.json']);
  });
  it('is null for an empty choice', () => {
    expect(folderFromList([])).toBeNull();
  });
});
