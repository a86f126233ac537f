import { describe, expect, it } from 'vitest';
import { BundleV1 } from '../../../shared/bundle/schema';
import { INCIDENT_COLLECTIONS, IncidentSnapshot } from '../../../shared/domain';
import { INCIDENT_ROW_TABLES, INCIDENT_TABLES } from '../../../renderer/db/schema';
import { freshDb } from './testDb';

/** The consumers of the one list of per-incident collections must agree with it. */
describe('per-incident collections', () => {
  it('every Dexie table with an incidentId index is in the list, and every listed table has one', async () => {
    const db = freshDb('collections');
    await db.open();
    const withIncidentId = db.tables
      .filter((t) => t.schema.idxByName.incidentId !== undefined)
      .map((t) => t.name);
    expect([...withIncidentId].sort()).toEqual([...INCIDENT_ROW_TABLES].sort());
    expect(db.tables.map((t) => t.name)).toEqual(expect.arrayContaining([...INCIDENT_TABLES]));
    db.close();
  });

  it('the snapshot is the incident plus exactly the listed collections', () => {
    expect(Object.keys(IncidentSnapshot.shape).sort()).toEqual(['incident', ...INCIDENT_COLLECTIONS].sort());
  });

  it('a bundle carries every listed collection, in the listed order', () => {
    const keys = Object.keys(BundleV1.shape).filter((k) =>
      (INCIDENT_COLLECTIONS as readonly string[]).includes(k),
    );
    expect(keys).toEqual([...INCIDENT_COLLECTIONS]);
  });
});
