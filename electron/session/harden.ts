import type { Session, WebContents } from 'electron';
import { buildAppCsp } from '../security/csp';
import type { SyncServerAllowList } from '../sync/servers';
import { isAllowedExternalUrl, isAllowedRequestUrl, isPermissionAllowed } from '../security/urls';

/**
 * Locks down the app session: no permissions (bar clipboard writes from the app itself), no
 * network requests but WebSockets to the configured sync servers, and the CSP header on every
 * response, even ones not served by app://.
 */
export function hardenSession(ses: Session, syncServers?: SyncServerAllowList): void {
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl ?? contents.getURL()));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({
      cancel: !isAllowedRequestUrl(details.url) && !(syncServers?.allowsRequest(details.url) ?? false),
    });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (details.url.startsWith('devtools:')) {
      callback({});
      return;
    }
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    const csp = buildAppCsp(syncServers?.list());
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } });
  });
}

/**
 * Applied to every webContents as it is created: no pop-ups, no navigation away from the app,
 * no <webview>. http(s) links the user clicks (target=_blank) open in the system browser instead.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
  // A page can navigate itself without any user gesture (location.href, meta refresh), so a
  // navigation opens nothing; links reach the browser only from an explicit click (window open).
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
