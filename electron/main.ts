import { promises as fsPromises, existsSync } from 'node:fs';
import nodePath from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, webContents } from 'electron';
import type { OpenDialogOptions } from 'electron';
import { MENU_EVENT_CHANNEL } from '../shared/ipc/channels';
import type { MenuAction, MenuCommand } from '../shared/ipc/menu';
import { APP_ENTRY_URL, APP_SCHEME, PDF_SCHEME } from './constants';
import { findBundlePathInArgv, readBundleAction, readBundleAfterAsking } from './files/bundle';
import { PickedFileRegistry } from './files/picked';
import { createBackupStore } from './backup/store';
import { createIpcDispatcher } from './ipc/dispatch';
import { createIpcHandlers, type DesktopServices } from './ipc/handlers';
import { registerIpc } from './ipc/register';
import { buildMenuTemplate } from './menu/template';
import { MenuActionOutbox } from './menu/outbox';
import { printHtmlToPdf, registerPdfSession } from './pdf';
import { createAppProtocolHandler } from './protocol/handler';
import { openInBrowser } from './security/external';
import { hardenSession, hardenWebContents } from './session/harden';
import { buildAppCsp } from './security/csp';
import { SyncServerAllowList } from './sync/servers';
import { findInviteInArgv, INVITE_SCHEME, inviteFromUrl } from './sync/deepLink';
import type { Invite } from '../shared/sync/tokens';
import { createLockedWindow } from './window/create';
import { buildMainWindowOptions } from './window/options';
import { BUNDLE_EXTENSION } from '../shared/bundle/fileName';

// Privileged schemes must be registered before `ready`; `standard` gives app:// a real origin
// (IndexedDB, workers, relative URLs) and `secure` makes it count as a secure context.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
  },
  { scheme: PDF_SCHEME, privileges: { standard: true, secure: true } },
]);

const RENDERER_ROOT = nodePath.join(__dirname, '..', 'renderer');
const PRELOAD_PATH = nodePath.join(__dirname, 'preload.cjs');
const isDev = !app.isPackaged;

app.setName('Rootline');
// Tests (and anyone wanting a throwaway profile) point userData somewhere fresh.
if (process.env.ROOTLINE_USER_DATA_DIR) app.setPath('userData', process.env.ROOTLINE_USER_DATA_DIR);

let mainWindow: BrowserWindow | null = null;
/** Set once protocol, IPC and menu are in place and windows may be created. */
let rendererReady = false;
/** Bundles the OS asked us to open before the window existed. */
const pendingBundlePaths: string[] = [];
/** An invite link the OS opened before the window existed. */
let pendingInvite: Invite | null = null;

/** Shows an invite on the join screen of the main window (made when there is none). */
function openInvite(invite: Invite): void {
  if (!rendererReady) {
    pendingInvite = invite;
    return;
  }
  mainWindow ??= createMainWindow();
  focusMainWindow();
  outbox.push(mainWindow.webContents.id, { type: 'join-invite', ...invite });
}

const outbox = new MenuActionOutbox((targetId, action) => {
  webContents.fromId(targetId)?.send(MENU_EVENT_CHANNEL, action);
});

function openExternal(url: string): void {
  openInBrowser(url).catch((error: unknown) => console.error(`Could not open ${url}:`, error));
}

/**
 * Opens a bundle file in the main window. `from: 'os'` (double-click, file association, a second
 * instance) asks first; `from: 'menu'` is the user's own choice in the open dialog.
 */
async function openBundlePath(filePath: string, from: 'os' | 'menu'): Promise<void> {
  if (!mainWindow) {
    if (!rendererReady) {
      pendingBundlePaths.push(filePath);
      return;
    }
    // macOS keeps running with no window; a double-clicked bundle opens a fresh one.
    mainWindow = createMainWindow();
  }
  const window = mainWindow;
  const action =
    from === 'menu'
      ? await readBundleAction(filePath)
      : await readBundleAfterAsking(filePath, async (question) => {
          const { response } = await dialog.showMessageBox(window, question);
          return response === 0;
        });
  if (!action) return;
  if (action.type === 'bundle-opened') app.addRecentDocument(filePath);
  outbox.push(window.webContents.id, action);
}

function windowFor(senderId: number): BrowserWindow | null {
  const contents = webContents.fromId(senderId);
  return contents ? BrowserWindow.fromWebContents(contents) : null;
}

async function showOpenDialog(senderId: number, options: OpenDialogOptions): Promise<string[]> {
  const owner = windowFor(senderId);
  const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

const syncServers = new SyncServerAllowList(nodePath.join(app.getPath('userData'), 'sync-servers.json'));

const services: DesktopServices = {
  backups: createBackupStore(nodePath.join(app.getPath('userData'), 'backups')),
  syncServers,
  appInfo: () => ({
    version: app.getVersion(),
    platform: process.platform,
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
    packaged: app.isPackaged,
  }),
  showOpenDialog: (senderId, { title, filters, multiple }) =>
    showOpenDialog(senderId, {
      title,
      filters,
      properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
    }),
  async showSaveDialog(senderId, { defaultName, filters }) {
    const owner = windowFor(senderId);
    const options = { defaultPath: defaultName, filters };
    const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
  openInBrowser,
  printToPdf: printHtmlToPdf,
  listenForMenu: (senderId) => outbox.listen(senderId),
};

function runMenuCommand(command: MenuCommand): void {
  const window = BrowserWindow.getFocusedWindow() ?? mainWindow;
  if (!window) return;
  if (command === 'open-bundle') {
    void showOpenDialog(window.webContents.id, {
      title: 'Open Rootline bundle',
      filters: [{ name: 'Rootline bundle', extensions: [BUNDLE_EXTENSION] }],
      properties: ['openFile'],
    }).then(([filePath]) => (filePath === undefined ? undefined : openBundlePath(filePath, 'menu')));
    return;
  }
  const action: MenuAction = { type: command };
  outbox.push(window.webContents.id, action);
}

function createMainWindow(): BrowserWindow {
  // Linux and Windows show this in the task bar; macOS takes the bundle's icon.
  const iconPath = nodePath.join(RENDERER_ROOT, 'icon.png');
  const window = createLockedWindow(
    buildMainWindowOptions({
      preloadPath: PRELOAD_PATH,
      isDev,
      ...(existsSync(iconPath) ? { iconPath } : {}),
    }),
  );
  const id = window.webContents.id;
  window.once('ready-to-show', () => window.show());
  // Keep "Rootline" in the title whatever the page calls itself.
  window.on('page-title-updated', (event, title) => {
    event.preventDefault();
    window.setTitle(title.includes('Rootline') ? title : `${title} — Rootline`);
  });
  // The page asks before unloading while an edit is not yet committed (beforeunload); Electron
  // would otherwise cancel the close silently. Leaving is safe: the edit is journaled and
  // replayed next time, so the question only informs.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Leave', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      message: 'Changes are still being saved or sent to the sync server.',
      detail:
        'If you leave now, they are kept on this computer: saved the next time the incident opens, and sent the next time the sync server is reachable.',
    });
    if (choice === 0) event.preventDefault();
  });
  window.webContents.on('did-navigate', () => outbox.pause(id));
  window.webContents.once('destroyed', () => outbox.forget(id));
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function onReady(): Promise<void> {
  if (!existsSync(nodePath.join(RENDERER_ROOT, 'index.html'))) {
    dialog.showErrorBox(
      'Rootline is not built',
      `The app files are missing (${nodePath.join(RENDERER_ROOT, 'index.html')}). Run "npm run build" and start again.`,
    );
    app.quit();
    return;
  }
  await syncServers.load();
  hardenSession(session.defaultSession, syncServers);
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler(
      RENDERER_ROOT,
      {
        isFile: (filePath) =>
          fsPromises.stat(filePath).then(
            (s) => s.isFile(),
            () => false,
          ),
        readFile: (filePath) => fsPromises.readFile(filePath),
        realPath: (filePath) => fsPromises.realpath(filePath),
      },
      () => buildAppCsp(syncServers.list()),
    ),
  );
  registerPdfSession();
  registerIpc(
    ipcMain,
    createIpcDispatcher(createIpcHandlers(services, new PickedFileRegistry()), console.warn),
  );
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        appName: 'Rootline',
        isMac: process.platform === 'darwin',
        isDev,
        dispatch: runMenuCommand,
      }),
    ),
  );

  rendererReady = true;
  mainWindow = createMainWindow();
  const fromArgv = findBundlePathInArgv(process.argv.slice(1), process.cwd());
  if (fromArgv) pendingBundlePaths.push(fromArgv);
  for (const filePath of pendingBundlePaths.splice(0)) await openBundlePath(filePath, 'os');
  const invite = findInviteInArgv(process.argv.slice(1)) ?? pendingInvite;
  pendingInvite = null;
  if (invite) openInvite(invite);
}

function start(): void {
  // Invite links (rootline://join?server=…&token=…) reach the app through the scheme packaged
  // builds declare (electron-builder.yml), never registered from a development run.
  if (app.isPackaged && !app.isDefaultProtocolClient(INVITE_SCHEME))
    app.setAsDefaultProtocolClient(INVITE_SCHEME);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusMainWindow();
    const filePath = findBundlePathInArgv(argv.slice(1), workingDirectory);
    if (filePath) void openBundlePath(filePath, 'os');
    const invite = findInviteInArgv(argv.slice(1));
    if (invite) openInvite(invite);
  });
  // macOS delivers opened rootline:// links here, possibly before `ready`.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const invite = inviteFromUrl(url);
    if (invite) openInvite(invite);
  });
  // macOS delivers double-clicked files here, possibly before `ready`.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    void openBundlePath(filePath, 'os');
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (rendererReady && BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
  app.whenReady().then(onReady, (error: unknown) => {
    console.error('Rootline failed to start:', error);
    app.quit();
  });
}

// A second copy hands its arguments to the first (via 'second-instance') and exits.
if (app.requestSingleInstanceLock()) start();
else app.quit();
