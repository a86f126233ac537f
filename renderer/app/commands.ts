import { MENU_ACCELERATORS, type MenuCommand } from '../../shared/ipc/menu';
import { INCIDENT_TAB_LABELS, INCIDENT_TABS, type Route } from '../routing/route';

/** What the commands act on; AppShell provides them. */
export interface CommandActions {
  navigate(route: Route): void;
  newIncident(): void;
  openBundle(): void;
  trySample(): void;
  importLogs(): void;
  openExport(): void;
  /** Opens Share… for the open incident (a sync server and an invite). */
  openShare(): void;
  exportBundle(): void;
  undo(): void;
  redo(): void;
  focusSearch(): boolean;
  showShortcuts(): void;
  showPalette(): void;
  showAbout(): void;
}

/** Where the user is: which commands apply. */
export interface CommandContext {
  route: Route;
}

/** A key that runs a command. `mod` in labels is Ctrl or ⌘. */
export interface KeyBinding {
  label(mod: string): string;
  /**
   * The keydown the app-wide handler runs the command on. Absent when the key is handled in
   * place (undo keeps the browser's own undo inside text fields: features/undo).
   */
  match?: (e: KeyboardEvent) => boolean;
  /** A key without modifiers: ignored while typing or while a dialog is open. */
  single?: boolean;
}

export interface AppCommand {
  id: string;
  title: string;
  group: 'Go to' | 'Incident' | 'File' | 'Edit' | 'Help';
  keys?: KeyBinding;
  /** The desktop menu item that runs the same command (its accelerator is listed too). */
  menu?: MenuCommand;
  /** Offered only where this holds (default: everywhere). */
  when?: (ctx: CommandContext) => boolean;
  /** Runs it; false when it could not (the key then does what it does by default). */
  run(a: CommandActions, ctx: CommandContext): boolean | void;
}

const inIncident = (ctx: CommandContext) => ctx.route.name === 'incident';
const onList = (ctx: CommandContext) => ctx.route.name === 'list';
const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey;
// e.code for Alt+letter: Alt types special characters on some layouts (macOS).
const alt = (code: string) => (e: KeyboardEvent) =>
  e.altKey && !e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === code;

const tabCommands: AppCommand[] = INCIDENT_TABS.map((tab) => ({
  id: `tab-${tab}`,
  title: `${INCIDENT_TAB_LABELS[tab]} tab`,
  group: 'Go to',
  when: inIncident,
  run: (a, ctx) => {
    if (ctx.route.name === 'incident') a.navigate({ name: 'incident', id: ctx.route.id, tab });
  },
}));

/**
 * Every app-wide command: the palette lists them, the app-wide key handler runs their keys, and
 * the shortcuts sheet lists their keys together with CONTEXT_SHORTCUTS. A single key never
 * creates data (a keystroke meant for a field that lost focus would): new incident is Alt+N.
 */
export const APP_COMMANDS: readonly AppCommand[] = [
  { id: 'go-list', title: 'Incidents', group: 'Go to', run: (a) => a.navigate({ name: 'list' }) },
  {
    id: 'go-actions',
    title: 'Action items of every incident',
    group: 'Go to',
    run: (a) => a.navigate({ name: 'actions' }),
  },
  {
    id: 'go-trends',
    title: 'Trends across incidents',
    group: 'Go to',
    run: (a) => a.navigate({ name: 'trends' }),
  },
  ...tabCommands,
  {
    id: 'new-incident',
    title: 'New incident',
    group: 'File',
    keys: { label: () => 'Alt+N', match: alt('KeyN') },
    menu: 'new-incident',
    run: (a) => a.newIncident(),
  },
  {
    id: 'open-bundle',
    title: 'Open bundle…',
    group: 'File',
    keys: { label: () => 'Alt+O', match: alt('KeyO') },
    menu: 'open-bundle',
    run: (a) => a.openBundle(),
  },
  { id: 'try-sample', title: 'Try the sample incident', group: 'File', run: (a) => a.trySample() },
  {
    id: 'import-logs',
    title: 'Import logs…',
    group: 'Incident',
    menu: 'import-logs',
    when: inIncident,
    run: (a) => a.importLogs(),
  },
  {
    id: 'export',
    title: 'Export…',
    group: 'Incident',
    menu: 'export',
    when: inIncident,
    run: (a) => a.openExport(),
  },
  {
    id: 'share',
    title: 'Share…',
    group: 'Incident',
    when: inIncident,
    run: (a) => a.openShare(),
  },
  {
    id: 'export-bundle',
    title: 'Export bundle',
    group: 'Incident',
    when: inIncident,
    run: (a) => a.exportBundle(),
  },
  {
    id: 'undo',
    title: 'Undo',
    group: 'Edit',
    keys: { label: (mod) => `${mod}+Z` },
    run: (a) => a.undo(),
  },
  {
    id: 'redo',
    title: 'Redo',
    group: 'Edit',
    keys: { label: (mod) => `${mod}+Shift+Z  or  ${mod}+Y` },
    run: (a) => a.redo(),
  },
  {
    id: 'search',
    title: 'Search incidents',
    group: 'Edit',
    keys: { label: () => '/', match: (e) => plain(e) && e.key === '/', single: true },
    when: onList,
    run: (a) => a.focusSearch(),
  },
  {
    id: 'palette',
    title: 'Command palette',
    group: 'Help',
    keys: {
      label: (mod) => `${mod}+K`,
      match: (e) => (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k',
    },
    run: (a) => a.showPalette(),
  },
  {
    id: 'shortcuts',
    title: 'Keyboard shortcuts',
    group: 'Help',
    keys: { label: () => '?', match: (e) => plain(e) && e.key === '?', single: true },
    menu: 'shortcuts',
    run: (a) => a.showShortcuts(),
  },
  { id: 'about', title: 'About Rootline', group: 'Help', menu: 'about', run: (a) => a.showAbout() },
];

/** Keys that work in one place, handled by the component that owns the place. */
export const CONTEXT_SHORTCUTS: readonly { keys: (mod: string) => string; action: string }[] = [
  { keys: (mod) => `${mod}+Z (in a text field)`, action: 'Undo typing in that field' },
  { keys: () => '← →  Home  End', action: 'Move between incident tabs (when a tab has focus)' },
  { keys: () => 'Enter', action: 'Add a service, region or person in a list field' },
  { keys: () => 'Escape', action: 'Close a dialog or cancel a rename' },
  { keys: () => '↑  ↓  Shift  Ctrl', action: 'Timeline table: move, extend or add to the selection' },
  { keys: () => 'Enter  T  Y', action: 'Timeline table: edit the title, time or kind of the event' },
  {
    keys: () => 'K  M  E  Delete',
    action: 'Timeline table: key event, merge, evidence, delete the selection',
  },
  { keys: () => 'A', action: 'Timeline: add an event' },
  {
    keys: (mod) => `Enter  /  ${mod}+Enter`,
    action: 'Cause outline: add a cause after / below the current one',
  },
  { keys: () => 'Tab  /  Shift+Tab', action: 'Cause outline: indent / outdent the cause' },
  { keys: () => 'Alt+↑  /  Alt+↓', action: 'Cause outline: move the cause among its siblings' },
  {
    keys: (mod) => `Delete (caret at the end)  /  ${mod}+Delete  /  Backspace when empty`,
    action: 'Cause outline: remove the cause (asks first when causes or action items hang on it)',
  },
  { keys: () => '↑  /  ↓', action: 'Cause outline: previous / next cause' },
  { keys: (mod) => `${mod}+Enter`, action: 'Post a comment or reply' },
  {
    keys: () => '+  −  0  and arrows',
    action: 'Diagram: zoom in, out, reset, pan (when the diagram has focus)',
  },
];

export interface ShortcutRow {
  keys: string;
  action: string;
}

/** The keys of a command as the sheet and the palette show them; on desktop its menu accelerator too. */
export function commandKeys(c: AppCommand, mod: string, desktop: boolean): string | null {
  const keys = [c.keys?.label(mod)];
  const accel = desktop && c.menu ? MENU_ACCELERATORS[c.menu] : null;
  if (accel) keys.push(accel.replace('CmdOrCtrl', mod));
  const shown = keys.filter((k) => k !== undefined);
  return shown.length > 0 ? shown.join('  or  ') : null;
}

/** The shortcuts sheet: every command with a key, then the keys that work in one place. */
export function shortcutRows(mod: string, desktop: boolean): ShortcutRow[] {
  const rows: ShortcutRow[] = [];
  for (const c of APP_COMMANDS) {
    const keys = commandKeys(c, mod, desktop);
    if (keys !== null) rows.push({ keys, action: c.title });
  }
  for (const r of CONTEXT_SHORTCUTS) rows.push({ keys: r.keys(mod), action: r.action });
  return rows;
}

/** The command a keydown runs app-wide, given whether focus is in a text field or a dialog is open. */
export function commandForKey(e: KeyboardEvent, busy: boolean, ctx: CommandContext): AppCommand | null {
  for (const c of APP_COMMANDS) {
    const k = c.keys;
    if (!k?.match || !k.match(e)) continue;
    if (k.single && busy) continue;
    if (c.when && !c.when(ctx)) continue;
    return c;
  }
  return null;
}
