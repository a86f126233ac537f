import type { MenuItemConstructorOptions } from 'electron';
import { MENU_ACCELERATORS, type MenuCommand } from '../../shared/ipc/menu';

export interface MenuTemplateInput {
  appName: string;
  isMac: boolean;
  /** Reload and DevTools items exist only in development builds. */
  isDev: boolean;
  /** Runs a menu command: main handles `open-bundle` itself and forwards the rest to the renderer. */
  dispatch(command: MenuCommand): void;
}

function actionItem(
  label: string,
  command: MenuCommand,
  dispatch: MenuTemplateInput['dispatch'],
): MenuItemConstructorOptions {
  const accelerator = MENU_ACCELERATORS[command];
  return {
    id: command,
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => dispatch(command),
  };
}

/** The application menu; click handlers only dispatch actions, so the template is testable without Electron. */
export function buildMenuTemplate(input: MenuTemplateInput): MenuItemConstructorOptions[] {
  const { appName, isMac, isDev, dispatch } = input;
  const about = actionItem(`About ${appName}`, 'about', dispatch);

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: appName,
          submenu: [
            about,
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      actionItem('New incident', 'new-incident', dispatch),
      actionItem('Open bundle…', 'open-bundle', dispatch),
      actionItem('Import logs…', 'import-logs', dispatch),
      { type: 'separator' },
      actionItem('Export…', 'export', dispatch),
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };

  const devItems: MenuItemConstructorOptions[] = isDev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...devItems,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions[] = isMac ? [{ role: 'windowMenu' }] : [];

  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      actionItem('Keyboard shortcuts', 'shortcuts', dispatch),
      ...(isMac ? [] : [{ type: 'separator' as const }, about]),
    ],
  };

  return [...appMenu, file, edit, view, ...windowMenu, help];
}
