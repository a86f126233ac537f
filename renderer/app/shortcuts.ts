import { MENU_ACCELERATORS } from '../../shared/ipc/menu';
import { nullProto } from '../../shared/domain/lookup';

export interface ShortcutRow {
  keys: string;
  action: string;
}

/** Every keyboard shortcut, as listed in the shortcuts sheet. `mod` is Ctrl or ⌘. */
export function shortcutRows(mod: string, desktop: boolean): ShortcutRow[] {
  const rows: ShortcutRow[] = [
    { keys: 'Alt+N', action: 'New incident (kept once you change something in it)' },
    { keys: 'Alt+O', action: 'Open bundle…' },
    { keys: '/', action: 'Search incidents (on the list)' },
    { keys: `${mod}+Z`, action: 'Undo (outside text fields; in a field it undoes typing)' },
    { keys: `${mod}+Shift+Z  or  ${mod}+Y`, action: 'Redo' },
    { keys: '← →  Home  End', action: 'Move between incident tabs (when a tab has focus)' },
    { keys: 'Enter', action: 'Add a service, region or person in a list field' },
    { keys: 'Escape', action: 'Close a dialog or cancel a rename' },
    { keys: `Enter  /  ${mod}+Enter`, action: 'Cause outline: add a cause after / below the current one' },
    { keys: 'Tab  /  Shift+Tab', action: 'Cause outline: indent / outdent the cause' },
    { keys: 'Alt+↑  /  Alt+↓', action: 'Cause outline: move the cause among its siblings' },
    {
      keys: `Delete (caret at the end)  /  ${mod}+Delete  /  Backspace when empty`,
      action: 'Cause outline: remove the cause (asks first when causes or action items hang on it)',
    },
    { keys: '↑  /  ↓', action: 'Cause outline: previous / next cause' },
    { keys: `${mod}+Enter`, action: 'Post a comment or reply' },
    { keys: '+  −  0  and arrows', action: 'Diagram: zoom in, out, reset, pan (when the diagram has focus)' },
    { keys: '?', action: 'Show this list' },
  ];
  if (desktop) {
    const names: Record<string, string> = nullProto({
      'new-incident': 'New incident (menu)',
      'open-bundle': 'Open bundle… (menu)',
      'import-logs': 'Import logs… (menu)',
      export: 'Export bundle (menu)',
      shortcuts: 'Keyboard shortcuts (menu)',
    });
    for (const [action, accel] of Object.entries(MENU_ACCELERATORS)) {
      if (accel === null) continue;
      rows.push({ keys: accel.replace('CmdOrCtrl', mod), action: names[action] ?? action });
    }
  }
  return rows;
}
