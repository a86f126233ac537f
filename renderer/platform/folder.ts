import { isHiddenPath } from '../../shared/import/folder';
import type { PickedFile, PickedFolder } from './types';

/** More files than this in one folder is refused (a home directory dropped by mistake). */
export const MAX_FOLDER_FILES = 20_000;

/** Wraps a browser File in the platform's picked-file shape. */
export function toPicked(file: File, name = file.name): PickedFile {
  return {
    name,
    size: file.size,
    lastModified: file.lastModified,
    stream: () => file.stream(),
    text: () => file.text(),
    blob: file,
  };
}

/** Thrown when a folder holds more than MAX_FOLDER_FILES files; the message says which. */
export class FolderTooLargeError extends Error {
  constructor(folder: string, verb: 'drop' | 'choose') {
    super(
      `The folder "${folder}" holds more than ${MAX_FOLDER_FILES.toLocaleString('en-US')} files; ${verb} the log files or a smaller folder.`,
    );
  }
}

/** The subset of the File and Directory Entries API that walking a dropped folder needs. */
export interface EntryLike {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
}
interface FileEntryLike extends EntryLike {
  file(ok: (file: File) => void, fail: (e: unknown) => void): void;
}
interface DirectoryEntryLike extends EntryLike {
  createReader(): { readEntries(ok: (entries: EntryLike[]) => void, fail: (e: unknown) => void): void };
}

function fileOf(entry: FileEntryLike): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function childrenOf(dir: DirectoryEntryLike): Promise<EntryLike[]> {
  const reader = dir.createReader();
  const all: EntryLike[] = [];
  // readEntries hands out a batch (100 in Chromium) per call, and [] once done.
  for (;;) {
    const batch = await new Promise<EntryLike[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

/**
 * Every file under a dropped directory entry, with its path inside it (`general/2024-05-01.json`).
 * Hidden files are left out; more than MAX_FOLDER_FILES throws FolderTooLargeError.
 */
export async function walkDirectory(root: EntryLike): Promise<PickedFolder> {
  const files: PickedFolder['files'] = [];
  const visit = async (entry: EntryLike, prefix: string): Promise<void> => {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (isHiddenPath(entry.name)) return;
    if (entry.isFile) {
      if (files.length >= MAX_FOLDER_FILES) {
        throw new FolderTooLargeError(root.name, 'drop');
      }
      const file = await fileOf(entry as FileEntryLike);
      files.push({ path, file: toPicked(file) });
    } else if (entry.isDirectory) {
      for (const child of await childrenOf(entry as DirectoryEntryLike)) await visit(child, path);
    }
  };
  for (const child of await childrenOf(root as DirectoryEntryLike)) await visit(child, '');
  return { name: root.name, files };
}

/**
 * A folder chosen with `<input webkitdirectory>`: the browser gives a flat list whose
 * `webkitRelativePath` starts with the folder's name.
 */
export function folderFromList(list: readonly File[]): PickedFolder | null {
  const first = list[0];
  if (first === undefined) return null;
  const rel = (f: File): string => f.webkitRelativePath || f.name;
  const name = rel(first).split('/')[0] ?? first.name;
  const files: PickedFolder['files'] = [];
  for (const f of list) {
    const path = rel(f).split('/').slice(1).join('/') || f.name;
    if (isHiddenPath(path)) continue;
    if (files.length >= MAX_FOLDER_FILES) {
      throw new FolderTooLargeError(name, 'choose');
    }
    files.push({ path, file: toPicked(f) });
  }
  return { name, files };
}

/** Shows the browser's folder chooser; resolves to null when the user cancels. */
export function openFolder(): Promise<PickedFolder | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.webkitdirectory = true;
    input.style.display = 'none';
    const done = (run: () => void) => {
      input.remove();
      run();
    };
    input.addEventListener(
      'change',
      () => {
        try {
          const folder = folderFromList(Array.from(input.files ?? []));
          done(() => resolve(folder));
        } catch (e) {
          done(() => reject(e instanceof Error ? e : new Error(String(e))));
        }
      },
      { once: true },
    );
    input.addEventListener('cancel', () => done(() => resolve(null)), { once: true });
    document.body.append(input);
    input.click();
  });
}
