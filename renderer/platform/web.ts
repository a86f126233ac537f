import type { PickedFile, Platform } from './types';

/** Wraps a browser File in the platform's picked-file shape. */
function toPicked(file: File): PickedFile {
  return {
    name: file.name,
    size: file.size,
    stream: () => file.stream(),
    text: () => file.text(),
  };
}

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
    input.addEventListener('change', () => done(Array.from(input.files ?? []).map(toPicked)), { once: true });
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
  saveFile,
  openExternal,
  // A browser has no application menu; the in-app buttons and shortcuts cover the same actions.
  onMenuAction: () => () => undefined,
  appInfo: async () => ({ version: __APP_VERSION__, platform: navigator.platform || 'web' }),
};

/**
 * Files dropped anywhere on the window (works in the browser and in Electron's renderer).
 * Returns the unsubscribe function.
 */
export function onFilesDropped(fn: (files: PickedFile[]) => void): () => void {
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  const over = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };
  const drop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    const files = Array.from(e.dataTransfer?.files ?? []).map(toPicked);
    if (files.length > 0) fn(files);
  };
  window.addEventListener('dragover', over);
  window.addEventListener('drop', drop);
  return () => {
    window.removeEventListener('dragover', over);
    window.removeEventListener('drop', drop);
  };
}
