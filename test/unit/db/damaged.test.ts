import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../shared/domain';
import {
  exportRawIncident,
  getIncident,
  listAllActions,
  listIncidents,
  readAllActions,
  readIncident,
  readIncidents,
} from '../../../renderer/db/repos';
import { insertSnapshot } from '../../../renderer/db/repos/snapshot';
import { richSnapshot } from '../bundle/richSnapshot';
import { freshDb } from './testDb';

/** Issue 11, item 1: rows damaged directly in IndexedDB are set apart by name, never rendered. */
describe('rows read back from IndexedDB are checked', () => {
  it('a damaged incident is named apart; the healthy ones still list', async () => {
    const db = freshDb('damaged-incidents');
    const healthy = richSnapshot();
    await insertSnapshot(healthy);
    const bad = { ...healthy.incident, id: 'BAD-ZONE', title: 'Mars base', displayZone: 'Mars/Olympus' };
    const far = {
      ...healthy.incident,
      id: 'BAD-TIME',
      title: 'Far future',
      updatedAt: Number.MAX_SAFE_INTEGER,
    };
    await db.incidents.bulkPut([bad, far] as Incident[]);

    const { good, damaged } = await readIncidents();
    expect(good.map((i) => i.id)).toEqual([healthy.incident.id]);
    expect(damaged.map((d) => [d.id, d.name]).sort()).toEqual([
      ['BAD-TIME', 'Far future'],
      ['BAD-ZONE', 'Mars base'],
    ]);
    expect(damaged.find((d) => d.id === 'BAD-ZONE')?.reason).toMatch(/displayZone: unknown time zone/);
    expect((await listIncidents()).map((i) => i.id)).toEqual([healthy.incident.id]);
    expect(await getIncident('BAD-ZONE')).toBeUndefined();
    expect(await readIncident('BAD-ZONE')).toMatchObject({ damaged: { name: 'Mars base' } });
    expect(await readIncident('NOPE')).toBeNull();
    // "Export raw" gives the stored row back as it is.
    expect(JSON.parse(await exportRawIncident('BAD-ZONE'))).toMatchObject({
      rawRootlineRows: { incident: { displayZone: 'Mars/Olympus' } },
    });
  });

  it('a damaged action item is named apart from the valid ones', async () => {
    const db = freshDb('damaged-actions');
    const healthy = richSnapshot();
    await insertSnapshot(healthy);
    const first = healthy.actions[0]!;
    await db.actions.put({ ...first, id: 'BAD-DUE', title: 'Bad due', dueDate: '2026-99-99' });
    const { good, damaged } = await readAllActions();
    expect(good).toHaveLength(healthy.actions.length);
    expect(damaged).toEqual([{ id: 'BAD-DUE', name: 'Bad due', reason: expect.stringMatching(/dueDate/) }]);
    expect((await listAllActions()).some((a) => a.id === 'BAD-DUE')).toBe(false);
  });
});
