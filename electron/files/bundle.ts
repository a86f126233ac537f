import { promises as fsPromises } from 'node:fs';
import nodePath from 'node:path';
import { MAX_BUNDLE_BYTES, type MenuAction } from '../../shared/ipc/menu';
import { isBundleFileName } from '../../shared/bundle/fileName';

/**
 * The `.rootline.json` path the OS passed on the command line (Windows/Linux file association,
 * or a second instance), resolved against `cwd`; the last one wins. Chromium switches are skipped.
 */
export function findBundlePathInArgv(argv: readonly string[], cwd: string): string | null {
  for (let i = argv.length - 1; i >= 0; i--) {
    const arg = argv[i];
    if (arg === undefined || arg.startsWith('-')) continue;
    if (isBundleFileName(arg)) return nodePath.resolve(cwd, arg);
  }
  return null;
}

function describeReadError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'The file does not exist (it may have been moved or deleted).';
    case 'EACCES':
    case 'EPERM':
      return 'Rootline is not allowed to read this file (permission denied).';
    case 'EISDIR':
      return 'This is a folder, not a bundle file.';
    default:
      return `The file could not be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Reads a bundle for the renderer. Never throws: failures become a `bundle-open-failed` action
 * whose reason names the problem, so the renderer can show it.
 */
export async function readBundleAction(
  filePath: string,
  fs: Pick<typeof fsPromises, 'stat' | 'readFile'> = fsPromises,
  maxBytes: number = MAX_BUNDLE_BYTES,
): Promise<MenuAction> {
  const name = nodePath.basename(filePath) || filePath;
  try {
    const info = await fs.stat(filePath);
    if (!info.isFile()) return { type: 'bundle-open-failed', name, reason: 'This is not a regular file.' };
    if (info.size > maxBytes) {
      const mb = (n: number) => Math.round(n / (1024 * 1024));
      return {
        type: 'bundle-open-failed',
        name,
        reason: `The file is ${mb(info.size)} MB; bundles larger than ${mb(maxBytes)} MB cannot be opened.`,
      };
    }
    const text = await fs.readFile(filePath, 'utf8');
    // A UTF-8 BOM (Windows editors add one) is not part of the JSON.
    return { type: 'bundle-opened', name, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch (error) {
    return { type: 'bundle-open-failed', name, reason: describeReadError(error) };
  }
}

/** The question shown before opening a bundle the OS handed over (double-click, file association). */
export function openQuestion(filePath: string): {
  type: 'question';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: true;
} {
  const name = nodePath.basename(filePath) || filePath;
  return {
    type: 'question',
    title: 'Open bundle',
    message: `Open “${name}” in Rootline?`,
    detail:
      `${filePath}\n\nOpening adds its incident to this profile (as a copy if it is already here). ` +
      'Open bundles only from people you trust.',
    buttons: ['Open', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
}

/**
 * A bundle the OS handed over, read only after the user said yes: a file can be made to open
 * in Rootline without the user meaning to (a download opened by the browser, a crafted link),
 * so nothing of it reaches the app unasked. Null when the user declined.
 */
export async function readBundleAfterAsking(
  filePath: string,
  ask: (question: ReturnType<typeof openQuestion>) => Promise<boolean>,
  read: (filePath: string) => Promise<MenuAction> = readBundleAction,
): Promise<MenuAction | null> {
  if (!(await ask(openQuestion(filePath)))) return null;
  return read(filePath);
}
