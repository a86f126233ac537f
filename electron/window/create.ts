import { BrowserWindow } from 'electron';
import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The only place a BrowserWindow is constructed. The security switches are restated here as
 * literals, after the caller's options, so that (1) no caller can relax them by accident and
 * (2) static auditors such as Electronegativity (`npm run audit:electron`) can see them — they
 * cannot follow values returned from `buildMainWindowOptions()`.
 */
export function createLockedWindow(options: BrowserWindowConstructorOptions): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // Middle-click would otherwise ask for a new window; it is denied anyway, this avoids the ask.
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
