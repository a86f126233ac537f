import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../shared/domain';
import { listActions, listOpenActions, putActions, deleteActions } from '../../../renderer/db/repos/actions';
import { deleteCauses, listCauses, putCauses } from '../../../renderer/db/repos/causes';
import { listComments, listCommentsFor } from '../../../renderer/db/repos/comments';
import {
  countEvents,
  deleteEvents,
  getEvent,
  listEventsWindow,
  putEvents,
} from '../../../renderer/db/repos/events';
import { listImports } from '../../../renderer/db/repos/imports';
import { listLogBlocks } from '../../../renderer/db/repos/logBlocks';
import {
  addIncident,
  deleteIncident,
  duplicateIncident,
  getIncident,
  listIncidents,
  restoreIncident,
  updateIncident,
} from '../../../renderer/db/repos/incidents';
import { getPref, setPref } from '../../../renderer/db/repos/prefs';
import { listSections } from '../../../renderer/db/repos/sections';
import { insertSnapshot, loadIncidentSnapshot } from '../../../renderer/db/repos/snapshot';
import { richSnapshot } from '../bundle/richSnapshot';
import { dumpAll, freshDb } from './testDb';

describe('incident repository', () => {
  it('adds and lists incidents, most recently edited first', async () => {
    freshDb('list');
    const a = await addIncident({ title: 'A' }, 1_000);
    const b = await addIncident({ title: 'B' }, 2_000);
    const c = await addIncident({ title: 'C' }, 3_000);
    expect((await listIncidents()).map((i) => i.title)).toEqual(['C', 'B', 'A']);
    await updateIncident(a.id, { title: 'A2' }, 4_000);
    expect((await listIncidents()).map((i) => i.id)).toEqual([a.id, c.id, b.id]);
    expect(await getIncident(b.id)).toEqual(b);
    expect(b).toMatchObject({
      severity: 'SEV2',
      status: 'draft',
      displayZone: 'UTC',
      tags: [],
      createdAt: 2_000,
    });
  });

  it('update returns the row before and after, and rejects a missing incident', async () => {
    freshDb('update');
    const a = await addIncident({ title: 'Before' }, 1_000);
    const { before, after } = await updateIncident(a.id, { title: 'After', severity: 'SEV1' }, 5_000);
    expect(before).toEqual(a);
    expect(after).toEqual({ ...a, title: 'After', severity: 'SEV1', updatedAt: 5_000 });
    expect(await getIncident(a.id)).toEqual(after);
    await expect(updateIncident('missing', { title: 'x' })).rejects.toThrow(/no longer exists/);
  });

  it('delete returns the full snapshot, and restore puts every row back', async () => {
    const db = freshDb('delete');
    await insertSnapshot(richSnapshot('A'));
    await insertSnapshot(richSnapshot('B'));
    const everything = await dumpAll(db);
    const before = await loadIncidentSnapshot('A-INC');

    const removed = await deleteIncident('A-INC');
    expect(removed).toEqual(before);
    expect(await loadIncidentSnapshot('A-INC')).toBeNull();
    const after = await dumpAll(db);
    for (const [table, rows] of Object.entries(after)) {
      expect(
        rows.every((r) => !JSON.stringify(r).includes('"A-INC"')),
        table,
      ).toBe(true);
    }
    expect(await loadIncidentSnapshot('B-INC')).not.toBeNull();
    expect(await deleteIncident('A-INC')).toBeNull();

    await restoreIncident(removed!);
    expect(await dumpAll(db)).toEqual(everything);
  });

  it('duplicate makes a deep copy under fresh ids with references rewritten', async () => {
    freshDb('duplicate');
    await insertSnapshot(richSnapshot());
    const original = await loadIncidentSnapshot('A-INC');
    const copyIncident = await duplicateIncident('A-INC', 9_000);
    if (!copyIncident) throw new Error('no copy');
    expect(copyIncident.title).toBe(`${original!.incident.title} (copy)`);
    expect(copyIncident.status).toBe('draft');
    expect(copyIncident.createdAt).toBe(9_000);

    const copy = await loadIncidentSnapshot(copyIncident.id);
    if (!copy) throw new Error('copy not stored');
    expect(await loadIncidentSnapshot('A-INC')).toEqual(original);
    const oldIds = new Set(
      [
        original!.incident,
        ...original!.events,
        ...original!.causes,
        ...original!.comments,
        ...original!.actions,
      ].map((r) => r.id),
    );
    const text = JSON.stringify(copy);
    for (const id of oldIds) expect(text.includes(`"${id}"`), `copy still mentions ${id}`).toBe(false);
    expect(copy.events.length).toBe(original!.events.length);
    expect(copy.causes.map((c) => c.title).sort()).toEqual(original!.causes.map((c) => c.title).sort());
    const causeIds = new Set(copy.causes.map((c) => c.id));
    expect(copy.actions.flatMap((a) => a.causeIds).every((id) => causeIds.has(id))).toBe(true);
    expect(await duplicateIncident('missing')).toBeNull();

    await updateIncident('A-INC', { title: 'y'.repeat(500) });
    const long = await duplicateIncident('A-INC');
    expect(long?.title).toBe(`${'y'.repeat(493)} (copy)`);
  });
});

describe('event repository', () => {
  const event = (id: string, incidentId: string, at: number): TimelineEvent => ({
    ...richSnapshot().events[0]!,
    id,
    incidentId,
    at,
    importId: null,
  });

  it('reads windows in time order (ties by id) and counts per incident', async () => {
    freshDb('events');
    const ats = [50, 10, 40, 10, 30, 20, 60, 0];
    await putEvents(ats.map((at, i) => event(`E${i}`, 'I1', at)));
    await putEvents([event('X1', 'I2', 5), event('X2', 'I0', 15)]);
    expect(await countEvents('I1')).toBe(8);
    expect(await countEvents('I2')).toBe(1);
    const all = await listEventsWindow('I1', 0, 100);
    expect(all.map((e) => e.at)).toEqual([0, 10, 10, 20, 30, 40, 50, 60]);
    expect(all.slice(1, 3).map((e) => e.id)).toEqual(['E1', 'E3']);
    const page = await listEventsWindow('I1', 3, 2);
    expect(page.map((e) => e.id)).toEqual(['E5', 'E4']);
    expect(await listEventsWindow('I1', 8, 5)).toEqual([]);

    await deleteEvents(['E0', 'E7']);
    expect(await countEvents('I1')).toBe(6);
    expect(await getEvent('E0')).toBeUndefined();
  });
});

describe('other repositories', () => {
  it('list causes, comments, actions, sections, imports and blocks of one incident', async () => {
    freshDb('lists');
    await insertSnapshot(richSnapshot('A'));
    await insertSnapshot(richSnapshot('B'));
    expect((await listCauses('A-INC')).length).toBe(4);
    expect((await listComments('A-INC')).map((c) => c.id)).toEqual([
      'A-M1',
      'A-M2',
      'A-M3',
      'A-M4',
      'A-M5',
      'A-M6',
    ]);
    expect((await listCommentsFor('cause', 'A-C2')).map((c) => c.id)).toEqual(['A-M1', 'A-M2']);
    expect((await listSections('A-INC')).map((s) => s.key)).toEqual(['summary', 'impact', 'internal-notes']);
    expect((await listActions('A-INC')).map((a) => a.id)).toEqual(['A-AC1', 'A-AC0']);
    expect((await listOpenActions()).map((a) => a.id).sort()).toEqual(['A-AC1', 'B-AC1']);
    expect((await listImports('A-INC')).map((i) => i.id)).toEqual(['A-IMP1']);
    expect((await listLogBlocks('A-IMP1', 0, 10)).map((b) => b.seq)).toEqual([0, 1]);
    expect((await listLogBlocks('A-IMP1', 1, 10)).map((b) => b.seq)).toEqual([1]);

    await deleteCauses(['A-C3']);
    expect((await listCauses('A-INC')).length).toBe(3);
    const [first] = await listCauses('A-INC');
    await putCauses([{ ...first!, title: 'renamed' }]);
    expect((await listCauses('A-INC')).find((c) => c.id === first!.id)?.title).toBe('renamed');
    const [action] = await listActions('A-INC');
    await putActions([{ ...action!, status: 'done' }]);
    expect((await listOpenActions()).map((a) => a.id)).toEqual(['B-AC1']);
    await deleteActions([action!.id]);
    expect((await listActions('A-INC')).length).toBe(1);
  });

  it('stores preferences with a fallback', async () => {
    freshDb('prefs');
    expect(await getPref('theme', 'light')).toBe('light');
    await setPref('theme', 'dark');
    expect(await getPref('theme', 'light')).toBe('dark');
  });
});

describe('untouched new incidents', () => {
  it('discards an incident still exactly as created, and nothing else', async () => {
    const { discardIfUntouched } = await import('../../../renderer/db/repos/incidents');
    freshDb('untouched');
    const untouched = await addIncident({}, 1000);
    const zoned = await addIncident({ displayZone: 'Europe/Berlin' }, 1000);
    const titled = await addIncident({}, 1000);
    await updateIncident(titled.id, { title: 'Typed' }, 2000);
    const edited = await addIncident({}, 1000);
    await updateIncident(edited.id, { summary: 'x' }, 2000);
    await updateIncident(edited.id, { summary: '' }, 3000);
    const withEvent = await addIncident({}, 1000);
    await putEvents([
      {
        ...(richSnapshot().events[0] as TimelineEvent),
        id: 'E-untouched',
        incidentId: withEvent.id,
      },
    ]);

    expect(await discardIfUntouched(untouched.id)).toBe(true);
    expect(await discardIfUntouched(zoned.id)).toBe(true);
    expect(await discardIfUntouched(titled.id)).toBe(false);
    // Edited and edited back: updatedAt moved, so someone worked on it.
    expect(await discardIfUntouched(edited.id)).toBe(false);
    expect(await discardIfUntouched(withEvent.id)).toBe(false);
    expect(await discardIfUntouched('missing')).toBe(false);
    expect((await listIncidents()).map((i) => i.id).sort()).toEqual(
      [titled.id, edited.id, withEvent.id].sort(),
    );
  });
});
