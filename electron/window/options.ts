import type { BrowserWindowConstructorOptions } from 'electron';
import { PDF_PARTITION } from '../constants';

/** Security settings shared by every window we create; none of them may be relaxed. */
const LOCKED_DOWN = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const;

export interface MainWindowOptionsInput {
  preloadPath: string;
  /** Dev builds keep DevTools available; packaged builds do not. */
  isDev: boolean;
  /** Window icon (Linux/Windows only; macOS takes it from the bundle). */
  iconPath?: string;
}

/** Options for the app window: sandboxed, isolated, preload-only access to main. */
export function buildMainWindowOptions(input: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 880,
    minWidth: 900,
    minHeight: 600,
    title: 'Rootline',
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      ...LOCKED_DOWN,
      preload: input.preloadPath,
      devTools: input.isDev,
      spellcheck: true,
    },
  };
}

/**
 * Options for the hidden window that renders an export for printToPDF: no preload, no script,
 * its own throwaway session, never shown.
 */
export function buildPdfWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    paintWhenInitiallyHidden: true,
    width: 1024,
    height: 1400,
    webPreferences: {
      ...LOCKED_DOWN,
      javascript: false,
      devTools: false,
      spellcheck: false,
      partition: PDF_PARTITION,
    },
  };
}
