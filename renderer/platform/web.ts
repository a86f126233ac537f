import { FolderTooLargeError, openFolder, toPicked, walkDirectory } from './folder';
import type { EntryLike } from './folder';
import type { Dropped, PickedFile, Platform } from './types';

/**
 * Shows the browser's file chooser. Resolves with no files when the user cancels (the `cancel`
 * event, supported by current Chromium and Firefox).
 */
function openFiles(opts: { accept: string[]; multiple: boolean }): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = opts.accept.join(',');
    input.multiple = opts.multiple;
    input.style.display = 'none';
    const done = (files: PickedFile[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done(Array.from(input.files ?? []).map((f) => toPicked(f))), {
      once: true,
    });
    input.addEventListener('cancel', () => done([]), { once: true });
    document.body.append(input);
    input.click();
  });
}

/** Downloads data under `name` through a temporary blob URL. */
async function saveFile(name: string, data: Blob | string, mime: string): Promise<void> {
  const blob = typeof data === 'string' ? new Blob([data], { type: mime }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Opens only http(s) links, in a new tab without access back to this window. */
async function openExternal(url: string): Promise<boolean> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  window.open(parsed.href, '_blank', 'noopener');
  return true;
}

export const webPlatform: Platform = {
  kind: 'web',
  openFiles,
  openFolder,
  saveFile,
  openExternal,
  // A browser has no application menu; the in-app buttons and shortcuts cover the same actions.
  onMenuAction: () => () => undefined,
  appInfo: async () => ({ version: __APP_VERSION__, platform: navigator.platform || 'web' }),
};

/**
 * Files and folders dropped anywhere on the window (works in the browser and in Electron's
 * renderer). Returns the unsubscribe function.
 */
export function onFilesDropped(fn: (dropped: Dropped) => void): () => void {
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  const over = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };
  const drop = (e: DragEvent) => {
    if (!hasFiles(e) || !e.dataTransfer) return;
    e.preventDefault();
    // Entries must be taken while the event runs: the DataTransfer is emptied afterwards.
    const files: PickedFile[] = [];
    const dirs: EntryLike[] = [];
    const items = Array.from(e.dataTransfer.items ?? []).filter((i) => i.kind === 'file');
    for (const item of items) {
      const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
      if (entry?.isDirectory) {
        dirs.push(entry);
        continue;
      }
      const file = item.getAsFile();
      if (file) files.push(toPicked(file));
    }
    if (items.length === 0) files.push(...Array.from(e.dataTransfer.files).map((f) => toPicked(f)));
    void readFolders(dirs).then(({ folders, problems }) => {
      if (files.length + folders.length + problems.length > 0) fn({ files, folders, problems });
    });
  };
  window.addEventListener('dragover', over);
  window.addEventListener('drop', drop);
  return () => {
    window.removeEventListener('dragover', over);
    window.removeEventListener('drop', drop);
  };
}

async function readFolders(dirs: EntryLike[]): Promise<Pick<Dropped, 'folders' | 'problems'>> {
  const folders: Dropped['folders'] = [];
  const problems: string[] = [];
  for (const dir of dirs) {
    try {
      folders.push(await walkDirectory(dir));
    } catch (e) {
      problems.push(
        e instanceof FolderTooLargeError
          ? e.message
          : `The folder "${dir.name}" could not be read (${e instanceof Error ? e.message : String(e)}).`,
      );
    }
  }
  return { folders, problems };
}
