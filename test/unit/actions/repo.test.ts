import { describe, expect, it } from 'vitest';
import {
  addActionForCauses,
  getActionPrefs,
  listActions,
  listAllActions,
  putActions,
  setActionPrefs,
  unlinkCauses,
} from '../../../renderer/db/repos/actions';
import { setPref } from '../../../renderer/db/repos/prefs';
import { ACTION_PREF_KEYS, DEFAULT_DUE_DAYS, calendarDateAt, addCalendarDays } from '../../../shared/actions';
import { ActionItem, DEFAULT_ACTION_TYPES } from '../../../shared/domain';
import { freshDb } from '../db/testDb';
import { item } from './fixtures';

describe('action item repository', () => {
  it('stores preferences and upgrades bad stored values', async () => {
    freshDb('action-prefs');
    expect(await getActionPrefs()).toEqual({ dueDays: DEFAULT_DUE_DAYS, types: [...DEFAULT_ACTION_TYPES] });
    await setActionPrefs({ dueDays: { ...DEFAULT_DUE_DAYS, P3: 84 }, types: ['fix', 'learn'] });
    expect(await getActionPrefs()).toEqual({
      dueDays: { ...DEFAULT_DUE_DAYS, P3: 84 },
      types: ['fix', 'learn'],
    });
    await setPref(ACTION_PREF_KEYS.dueDays, { P0: 'soon' });
    expect((await getActionPrefs()).dueDays).toEqual(DEFAULT_DUE_DAYS);
  });

  it('adds an item for causes with the default due date and type from preferences', async () => {
    freshDb('action-add');
    await setActionPrefs({ dueDays: { ...DEFAULT_DUE_DAYS, P2: 10 }, types: ['fix'] });
    const now = Date.parse('2026-03-08T12:00:00Z');
    const created = await addActionForCauses({
      incidentId: 'inc',
      causeIds: ['c1'],
      title: 'Add alert',
      now,
    });
    expect(ActionItem.parse(created)).toEqual(created);
    expect(created).toMatchObject({ causeIds: ['c1'], type: 'fix', priority: 'P2', status: 'open' });
    expect(created.dueDate).toBe(addCalendarDays(calendarDateAt(now), 10));
    expect(await listActions('inc')).toEqual([created]);
  });

  it('unlinks deleted causes and returns the previous versions for undo', async () => {
    freshDb('action-unlink');
    const a = item({ id: 'a', incidentId: 'inc', causeIds: ['c1', 'c2'] });
    const b = item({ id: 'b', incidentId: 'inc', causeIds: ['c3'] });
    const other = item({ id: 'x', incidentId: 'other', causeIds: ['c1'] });
    await putActions([a, b, other]);
    const before = await unlinkCauses('inc', ['c1']);
    expect(before).toEqual([a]);
    const all = await listAllActions();
    expect(all.map((r) => [r.id, r.causeIds])).toEqual([
      ['a', ['c2']],
      ['b', ['c3']],
      ['x', ['c1']],
    ]);
    await putActions(before);
    expect((await listActions('inc'))[0]!.causeIds).toEqual(['c1', 'c2']);
  });
});
