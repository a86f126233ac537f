// What the documents say is written into Dexie in one sync-marked transaction: changed rows put,
// missing rows deleted, unchanged rows untouched, a section's text kept, nothing mirrored back.
import { beforeEach, describe, expect, it } from 'vitest';
import { createIncident, type DocumentSection } from '../../../../shared/domain';
import { putIncident } from '../../../../renderer/db/repos/incidents';
import { setMirrorSink, type MirrorChange } from '../../../../renderer/sync/dexieMirror';
import { writePatch, writeProjection } from '../../../../renderer/sync/projectToDexie';
import type { RootlineDb } from '../../../../renderer/db/schema';
import { subscribeIncidentChanges, type IncidentChange } from '../../../../renderer/db/changeLog';
import { freshDb } from '../../db/testDb';

const NOW = 1_700_000_000_000;
const section = (id: string, title: string, lexicalState: string | null = null): DocumentSection => ({
  id,
  incidentId: 'i1',
  key: id,
  title,
  order: 1,
  internalOnly: false,
  lexicalState,
  updatedAt: NOW,
});

let db: RootlineDb;
let mirrored: MirrorChange[][];
beforeEach(async () => {
  db = freshDb('project');
  mirrored = [];
  setMirrorSink(null);
  await putIncident(createIncident({ id: 'i1', now: NOW, title: 'Local' }));
  await db.sections.bulkPut([section('s1', 'Summary', '{"root":1}'), section('s2', 'Impact')]);
  setMirrorSink({ roleOf: (id) => (id === 'i1' ? 'author' : undefined), apply: (c) => mirrored.push(c) });
});

describe('writeProjection', () => {
  it('puts what changed, deletes what is gone, keeps section text, and does not echo', async () => {
    const changes: IncidentChange[] = [];
    const stop = subscribeIncidentChanges((c) => changes.push(c));
    const { lexicalState: _dropped, ...s1 } = section('s1', 'Summary (edited)');
    const { lexicalState: _none, ...s3 } = section('s3', 'Timeline');
    const incident = { ...(await db.incidents.get('i1'))!, title: 'From the server' };
    const wrote = await writeProjection(db, 'i1', { incident, rows: { sections: [s1, s3] } });
    stop();
    expect(wrote).toEqual({ put: 3, deleted: 1 });
    expect((await db.incidents.get('i1'))?.title).toBe('From the server');
    const sections = await db.sections.orderBy('id').toArray();
    expect(sections.map((s) => [s.id, s.title, s.lexicalState])).toEqual([
      ['s1', 'Summary (edited)', '{"root":1}'],
      ['s3', 'Timeline', null],
    ]);
    expect(mirrored).toEqual([]);
    expect(changes.every((c) => c.origin === 'sync')).toBe(true);
    expect(changes.length).toBeGreaterThan(0);
  });

  it('writes nothing when the documents say what Dexie holds', async () => {
    const incident = (await db.incidents.get('i1'))!;
    const rows = (await db.sections.toArray()).map(({ lexicalState: _t, ...r }) => r);
    expect(await writeProjection(db, 'i1', { incident, rows: { sections: rows.reverse() } })).toEqual({
      put: 0,
      deleted: 0,
    });
  });

  it('keeps a local row the documents hold but could not project', async () => {
    const incident = (await db.incidents.get('i1'))!;
    const wrote = await writeProjection(db, 'i1', {
      incident,
      rows: { sections: [] },
      keep: { sections: new Set(['s2']) },
    });
    expect(wrote.deleted).toBe(1);
    expect((await db.sections.toArray()).map((s) => s.id)).toEqual(['s2']);
  });

  it('leaves tables the documents do not carry alone', async () => {
    const incident = (await db.incidents.get('i1'))!;
    await writeProjection(db, 'i1', { incident, rows: {} });
    expect(await db.sections.count()).toBe(2);
  });
});

describe('writePatch', () => {
  it("puts touched rows that differ, deletes only this incident's rows, keeps section text", async () => {
    await putIncident(createIncident({ id: 'other', now: NOW }));
    await db.sections.put({ ...section('x1', 'Elsewhere'), incidentId: 'other' });
    const { lexicalState: _t, ...s1 } = section('s1', 'Summary (remote)');
    const { lexicalState: _u, ...s2 } = section('s2', 'Impact');
    const wrote = await writePatch(db, 'i1', {
      put: { sections: [s1, s2] },
      delete: { sections: ['x1', 'missing'] },
    });
    expect(wrote).toEqual({ put: 1, deleted: 0 });
    expect(await db.sections.get('s1')).toMatchObject({
      title: 'Summary (remote)',
      lexicalState: '{"root":1}',
    });
    expect(await db.sections.get('x1')).toBeDefined();
    expect(await writePatch(db, 'i1', { put: {}, delete: { sections: ['s2'] } })).toEqual({
      put: 0,
      deleted: 1,
    });
    expect(await db.sections.get('s2')).toBeUndefined();
    expect(mirrored).toEqual([]);
  });

  it('leaves the incident alone when the patch says it is not valid', async () => {
    await writePatch(db, 'i1', { incident: null, put: {}, delete: {} });
    expect((await db.incidents.get('i1'))?.title).toBe('Local');
  });
});
