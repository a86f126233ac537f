import { APP_HOST, APP_SCHEME } from '../constants';

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** Only http(s) links leave the app, via the OS browser; javascript:, file:, data: … never do. */
export function isAllowedExternalUrl(value: string): boolean {
  const url = parseUrl(value);
  if (!url) return false;
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

/** True for URLs on our own app://rootline origin. */
export function isAppUrl(value: string): boolean {
  const url = parseUrl(value);
  return url !== null && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

/** The frame an IPC message came from, as main sees it. */
export interface SenderFrameInfo {
  url: string;
  /** False for iframes; only the top-level app document may call main. */
  isMainFrame: boolean;
}

/** IPC is accepted only from the top-level frame of our own app:// origin. */
export function isTrustedSender(frame: SenderFrameInfo | null | undefined): boolean {
  return frame != null && frame.isMainFrame && isAppUrl(frame.url);
}

/**
 * Permission requests are denied, with one exception: the app itself may write (sanitised) text
 * to the clipboard, which "Copy as Markdown" relies on.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl);
}

/** Network requests the main session lets through: the app's own origin and in-memory data. */
export function isAllowedRequestUrl(value: string): boolean {
  const url = parseUrl(value);
  if (!url) return false;
  if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'devtools:') return true;
  return isAppUrl(value);
}
