import { shell } from 'electron';
import { isAllowedExternalUrl } from './urls';

/**
 * The app's single call to `shell.openExternal`: http(s) URLs open in the system browser;
 * anything else (javascript:, file:, data:, custom schemes) is refused. Resolves to whether the
 * URL was handed to the OS.
 */
export async function openInBrowser(url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  const safeUrl = new URL(url).href;
  await shell.openExternal(safeUrl);
  return true;
}
