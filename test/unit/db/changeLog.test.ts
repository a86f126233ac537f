import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  incidentChangedAt,
  markIncidentChanged,
  resetChangeLog,
  subscribeIncidentChanges,
  type IncidentChange,
} from '../../../renderer/db/changeLog';
import { putActions, deleteActions } from '../../../renderer/db/repos/actions';
import { addIncident, updateIncident } from '../../../renderer/db/repos/incidents';
import { putComments } from '../../../renderer/db/repos/comments';
import { freshDb } from './testDb';

// Only the clock is faked: change times come from Date.now(), IndexedDB keeps its real tasks.
beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
afterEach(() => vi.useRealTimers());
/** Lets time pass, so the next change gets a later time. */
const later = () => vi.advanceTimersByTime(5);

describe('incident change log', () => {
  it('records a change of the incident row and of the rows that belong to it', async () => {
    freshDb('changes');
    resetChangeLog();
    const a = await addIncident({ title: 'A' });
    const b = await addIncident({ title: 'B' });
    const afterCreate = incidentChangedAt(a.id);
    expect(afterCreate).not.toBeNull();

    later();
    await updateIncident(a.id, { title: 'A2' });
    const afterUpdate = incidentChangedAt(a.id)!;
    expect(afterUpdate).toBeGreaterThan(afterCreate!);

    later();
    const bBefore = incidentChangedAt(b.id)!;
    await putComments([
      {
        id: 'c1',
        incidentId: b.id,
        targetType: 'incident',
        targetId: b.id,
        parentId: null,
        author: 'R',
        body: 'why?',
        createdAt: 1,
        editedAt: null,
        resolved: false,
        resolvedAt: null,
        resolvedBy: null,
      },
    ]);
    const bAfterComment = incidentChangedAt(b.id)!;
    expect(bAfterComment).toBeGreaterThan(bBefore);
    // A's time did not move.
    expect(incidentChangedAt(a.id)).toBe(afterUpdate);

    later();
    await putActions([
      {
        id: 'x1',
        incidentId: b.id,
        title: 'Gate rollouts',
        description: '',
        owner: '',
        priority: 'P1',
        type: 'prevent',
        dueDate: null,
        status: 'open',
        statusReason: '',
        causeIds: [],
        ticketUrl: '',
        createdAt: 1,
        updatedAt: 1,
        completedAt: null,
      },
    ]);
    const bAfterAction = incidentChangedAt(b.id)!;
    expect(bAfterAction).toBeGreaterThan(bAfterComment);
    later();
    await deleteActions(['x1']);
    expect(incidentChangedAt(b.id)!).toBeGreaterThan(bAfterAction);
  });

  it('keeps the newest time per incident', () => {
    resetChangeLog();
    markIncidentChanged('i', 100);
    markIncidentChanged('i', 200);
    expect(incidentChangedAt('i')).toBe(200);
    expect(incidentChangedAt('unknown')).toBeNull();
  });
});

describe('incident change log: deletes', () => {
  it('marks the incident of rows deleted by key, by query and by clearing a table', async () => {
    const db = freshDb('change-deletes');
    resetChangeLog();
    const rows = ['a', 'b', 'c'].map((id, i) => ({ id, incidentId: `inc-${i}`, title: id }));
    await db.table('causes').bulkPut(rows);
    later();
    const before = ['inc-0', 'inc-1', 'inc-2'].map((id) => incidentChangedAt(id)!);

    await db.table('causes').delete('a');
    expect(incidentChangedAt('inc-0')!).toBeGreaterThan(before[0]!);
    expect(incidentChangedAt('inc-1')).toBe(before[1]);

    later();
    await db.table('causes').where('incidentId').equals('inc-1').delete();
    expect(incidentChangedAt('inc-1')!).toBeGreaterThan(before[1]!);
    expect(incidentChangedAt('inc-2')).toBe(before[2]);

    later();
    await db.table('causes').clear();
    expect(incidentChangedAt('inc-2')!).toBeGreaterThan(before[2]!);
  });

  it('tells listeners, once committed, the keys written per incident and the rows as written (not for a delete)', async () => {
    const db = freshDb('change-rows');
    resetChangeLog();
    const seen: IncidentChange[] = [];
    const off = subscribeIncidentChanges((c) => seen.push(c));
    try {
      const rows = ['a', 'b', 'c'].map((id, i) => ({ id, incidentId: i < 2 ? 'inc-0' : 'inc-1', title: id }));
      await db.table('causes').bulkPut(rows);
      expect(seen).toEqual([
        { incidentId: 'inc-0', table: 'causes', origin: null, keys: ['a', 'b'], rows: rows.slice(0, 2) },
        { incidentId: 'inc-1', table: 'causes', origin: null, keys: ['c'], rows: rows.slice(2) },
      ]);
      seen.length = 0;
      // A partial update writes the whole row: the listener gets it whole.
      await db.table('causes').update('b', { title: 'b2' });
      expect(seen).toEqual([
        {
          incidentId: 'inc-0',
          table: 'causes',
          origin: null,
          keys: ['b'],
          rows: [{ ...rows[1], title: 'b2' }],
        },
      ]);
      seen.length = 0;
      await db.table('causes').delete('c');
      expect(seen).toEqual([{ incidentId: 'inc-1', table: 'causes', origin: null, keys: ['c'] }]);
    } finally {
      off();
    }
  });

  it('leaves untracked tables alone', async () => {
    const db = freshDb('change-untracked');
    resetChangeLog();
    await db.table('prefs').put({ key: 'k', value: 1, incidentId: 'inc-x' });
    expect(incidentChangedAt('inc-x')).toBeNull();
  });
});
