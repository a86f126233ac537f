import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../shared/domain';
import { exportHtml, exportMarkdown } from '../../../shared/export';
import {
  exportBundleText,
  getEvent,
  getEventsByIds,
  listAllEvents,
  searchEvidenceEvents,
  deleteDamagedRow,
  exportRawIncident,
  exportRawRow,
  listCauses,
  listSections,
  loadDocumentSnapshot,
  readDamagedRows,
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

  it('a damaged cause or section row is named apart; the other rows still list', async () => {
    const db = freshDb('damaged-rows');
    const healthy = richSnapshot();
    await insertSnapshot(healthy);
    const inc = healthy.incident.id;
    const cause = healthy.causes[1]!;
    const section = healthy.sections[1]!;
    await db.causes.put({ ...cause, id: 'BAD-CAUSE', title: 'Broken cause', updatedAt: 8.64e15 + 1 });
    await db.sections.put({
      ...section,
      id: 'BAD-SECTION',
      title: 'Broken section',
      updatedAt: Number.MAX_SAFE_INTEGER,
    });

    expect((await listCauses(inc)).map((c) => c.id).sort()).toEqual(healthy.causes.map((c) => c.id).sort());
    expect((await listSections(inc)).map((x) => x.id).sort()).toEqual(
      healthy.sections.map((x) => x.id).sort(),
    );
    const doc = await loadDocumentSnapshot(inc);
    expect(doc?.causes.some((c) => c.id === 'BAD-CAUSE')).toBe(false);

    expect(await readDamagedRows('causes', inc)).toEqual([
      {
        id: 'BAD-CAUSE',
        name: 'Broken cause',
        reason: expect.stringMatching(/updatedAt: a time must be within/),
      },
    ]);
    const [badSection] = await readDamagedRows('sections', inc);
    expect(badSection).toMatchObject({ id: 'BAD-SECTION', name: 'Broken section' });
    expect(JSON.parse(await exportRawRow('sections', 'BAD-SECTION'))).toMatchObject({
      rawRootlineRows: { sections: [{ id: 'BAD-SECTION', title: 'Broken section' }] },
    });
    await deleteDamagedRow('causes', 'BAD-CAUSE');
    expect(await readDamagedRows('causes', inc)).toEqual([]);
    expect(await db.causes.get(cause.id)).toBeDefined();
  });

  it('a damaged event row is named apart; lists, the document and its exports keep the rest', async () => {
    const db = freshDb('damaged-events');
    const healthy = richSnapshot();
    await insertSnapshot(healthy);
    const inc = healthy.incident.id;
    const model = healthy.events[0]!;
    await db.events.bulkPut([
      { ...model, id: 'BAD-FAR', title: 'Far event', at: 8.64e15 + 1 },
      { ...model, id: 'BAD-NAN', title: 'Not a number', at: Number.NaN },
      { ...model, id: 'BAD-TEXT', title: 'Text time', at: '2026-01-01' as unknown as number },
      { ...model, id: 'BAD-SOURCES', title: 'No sources', sources: undefined as unknown as [] },
    ]);
    await db.actions.put({ ...healthy.actions[0]!, id: 'BAD-DUE', title: 'Bad due', dueDate: '2026-99-99' });

    const damaged = await readDamagedRows('events', inc);
    expect(damaged.map((d) => [d.id, d.name]).sort()).toEqual([
      ['BAD-FAR', 'Far event'],
      ['BAD-NAN', 'Not a number'],
      ['BAD-SOURCES', 'No sources'],
      ['BAD-TEXT', 'Text time'],
    ]);
    const ids = healthy.events.map((e) => e.id).sort();
    expect((await listAllEvents(inc, 2)).map((e) => e.id).sort()).toEqual(ids);
    expect(await getEvent('BAD-SOURCES')).toBeUndefined();
    expect((await getEventsByIds(['BAD-FAR', model.id])).map((e) => e.id)).toEqual([model.id]);
    expect((await searchEvidenceEvents(inc, '', 100)).map((e) => e.id).sort()).toEqual(ids);

    const doc = (await loadDocumentSnapshot(inc))!;
    expect(doc.events.map((e) => e.id).sort()).toEqual(ids);
    expect(doc.actions.some((a) => a.id === 'BAD-DUE')).toBe(false);
    for (const audience of ['internal', 'customer'] as const) {
      expect(() => exportMarkdown(doc, { audience })).not.toThrow();
      expect(() => exportHtml(doc, { audience })).not.toThrow();
    }
    // A bundle carries every row or none: it is refused with the reason, never half written.
    await expect(exportBundleText(inc, { appVersion: 'test' })).rejects.toThrow(
      /cannot be exported because its data is invalid: events\[\d+\]\./,
    );
    expect(JSON.parse(await exportRawRow('events', 'BAD-TEXT'))).toMatchObject({
      rawRootlineRows: { events: [{ id: 'BAD-TEXT', at: '2026-01-01' }] },
    });
    await deleteDamagedRow('events', 'BAD-FAR');
    expect((await readDamagedRows('events', inc)).map((d) => d.id)).not.toContain('BAD-FAR');
  });
});
