import { describe, expect, it } from 'vitest';
import {
  APP_COMMANDS,
  CONTEXT_SHORTCUTS,
  commandForKey,
  shortcutRows,
  type CommandContext,
} from '../../../renderer/app/commands';
import { INCIDENT_TABS } from '../../../renderer/routing/route';

const LIST: CommandContext = { route: { name: 'list' } };
const INCIDENT: CommandContext = { route: { name: 'incident', id: 'i1', tab: 'overview' } };

function key(init: Partial<KeyboardEvent>): KeyboardEvent {
  return {
    key: '',
    code: '',
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...init,
  } as KeyboardEvent;
}

describe('the command table', () => {
  it('has unique ids and titles', () => {
    expect(new Set(APP_COMMANDS.map((c) => c.id)).size).toBe(APP_COMMANDS.length);
    expect(new Set(APP_COMMANDS.map((c) => c.title)).size).toBe(APP_COMMANDS.length);
  });

  it('the shortcuts sheet lists exactly the commands with keys, then the in-place keys', () => {
    const rows = shortcutRows('Ctrl', false);
    const withKeys = APP_COMMANDS.filter((c) => c.keys);
    expect(rows.map((r) => r.action)).toEqual([
      ...withKeys.map((c) => c.title),
      ...CONTEXT_SHORTCUTS.map((r) => r.action),
    ]);
  });

  it('the app-wide handler runs the command whose key was pressed', () => {
    expect(commandForKey(key({ altKey: true, code: 'KeyN', key: 'ñ' }), false, LIST)?.id).toBe(
      'new-incident',
    );
    expect(commandForKey(key({ altKey: true, code: 'KeyO' }), true, LIST)?.id).toBe('open-bundle');
    expect(commandForKey(key({ ctrlKey: true, key: 'k' }), true, INCIDENT)?.id).toBe('palette');
    expect(commandForKey(key({ metaKey: true, key: 'K' }), false, LIST)?.id).toBe('palette');
    expect(commandForKey(key({ key: '?' }), false, INCIDENT)?.id).toBe('shortcuts');
    expect(commandForKey(key({ key: '/' }), false, LIST)?.id).toBe('search');
  });

  it('single keys do nothing while typing or in a dialog, nor where their command does not apply', () => {
    expect(commandForKey(key({ key: '?' }), true, LIST)).toBeNull();
    expect(commandForKey(key({ key: '/' }), false, INCIDENT)).toBeNull();
    expect(commandForKey(key({ key: 'n' }), false, LIST)).toBeNull();
  });

  it('no single key creates data', () => {
    const single = APP_COMMANDS.filter((c) => c.keys?.single).map((c) => c.id);
    expect(single).not.toContain('new-incident');
    expect(single).not.toContain('try-sample');
  });

  it('reaches every tab of an incident, and incident commands only inside one', () => {
    const here = APP_COMMANDS.filter((c) => !c.when || c.when(INCIDENT)).map((c) => c.id);
    for (const tab of INCIDENT_TABS) expect(here).toContain(`tab-${tab}`);
    const onList = APP_COMMANDS.filter((c) => !c.when || c.when(LIST)).map((c) => c.id);
    expect(onList).not.toContain('export');
    expect(onList).toContain('new-incident');
  });
});
