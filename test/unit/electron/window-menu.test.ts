import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../../shared/ipc/menu';
import { buildMenuTemplate } from '../../../electron/menu/template';
import { MenuActionOutbox } from '../../../electron/menu/outbox';
import { buildMainWindowOptions, buildPdfWindowOptions } from '../../../electron/window/options';

describe('window options', () => {
  it('locks down the main window', () => {
    const options = buildMainWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs', isDev: false });
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      preload: '/app/dist/electron/preload.cjs',
    });
    expect(options.title).toContain('Rootline');
    expect(buildMainWindowOptions({ preloadPath: 'p', isDev: true }).webPreferences?.devTools).toBe(true);
  });

  it('renders PDFs hidden, without script, preload or the app session', () => {
    const options = buildPdfWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
    });
    expect(options.webPreferences?.preload).toBeUndefined();
    expect(options.webPreferences?.partition).toBeTruthy();
    expect(options.webPreferences?.partition?.startsWith('persist:')).toBe(false);
  });
});

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label || item.role === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
}

function click(item: MenuItemConstructorOptions | undefined): void {
  // Our handlers ignore Electron's arguments, so none are needed here.
  (item?.click as (() => void) | undefined)?.();
}

describe('application menu', () => {
  const build = (isMac: boolean, isDev: boolean) => {
    const sent: MenuCommand[] = [];
    const template = buildMenuTemplate({ appName: 'Rootline', isMac, isDev, dispatch: (c) => sent.push(c) });
    return { template, sent };
  };

  it('has the File items, each dispatching its action', () => {
    const { template, sent } = build(false, false);
    const file = submenu(template, 'File');
    const labels = file.filter((i) => i.label).map((i) => i.label);
    expect(labels).toEqual(['New incident', 'Open bundle…', 'Import logs…', 'Export…', 'Quit']);
    for (const label of ['New incident', 'Open bundle…', 'Import logs…', 'Export…']) {
      click(file.find((i) => i.label === label));
    }
    expect(sent).toEqual(['new-incident', 'open-bundle', 'import-logs', 'export']);
    expect(file.find((i) => i.label === 'Quit')?.role).toBe('quit');
    expect(file.find((i) => i.label === 'New incident')?.accelerator).toBe('CmdOrCtrl+N');
  });

  it('has Edit roles and Help items', () => {
    const { template, sent } = build(false, false);
    const roles = submenu(template, 'Edit')
      .map((i) => i.role)
      .filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    const help = submenu(template, 'help');
    click(help.find((i) => i.label === 'Keyboard shortcuts'));
    click(help.find((i) => i.label === 'About Rootline'));
    expect(sent).toEqual(['shortcuts', 'about']);
  });

  it('offers reload and DevTools only in development', () => {
    const roles = (isDev: boolean) => submenu(build(false, isDev).template, 'View').map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(
      expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']),
    );
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('follows macOS conventions: app menu with About/Quit, Close in File', () => {
    const { template } = build(true, false);
    expect(template[0]?.label).toBe('Rootline');
    const appItems = submenu(template, 'Rootline');
    expect(appItems.some((i) => i.role === 'quit')).toBe(true);
    expect(appItems.some((i) => i.label === 'About Rootline')).toBe(true);
    expect(submenu(template, 'File').some((i) => i.role === 'close')).toBe(true);
  });
});

describe('MenuActionOutbox', () => {
  it('queues until the renderer listens, then delivers in order', () => {
    const sent: Array<[number, string]> = [];
    const outbox = new MenuActionOutbox((id, action) => sent.push([id, action.type]));
    outbox.push(1, { type: 'bundle-opened', name: 'a.rootline.json', text: '{}' });
    outbox.push(1, { type: 'new-incident' });
    expect(sent).toEqual([]);
    expect(outbox.listen(1)).toBe(2);
    outbox.push(1, { type: 'export' });
    expect(sent).toEqual([
      [1, 'bundle-opened'],
      [1, 'new-incident'],
      [1, 'export'],
    ]);
  });

  it('queues again after a reload and drops everything for destroyed targets', () => {
    const sent: string[] = [];
    const outbox = new MenuActionOutbox((_id, action) => sent.push(action.type));
    outbox.listen(3);
    outbox.pause(3);
    outbox.push(3, { type: 'about' });
    expect(sent).toEqual([]);
    outbox.forget(3);
    expect(outbox.listen(3)).toBe(0);
  });
});
