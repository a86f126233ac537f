import type Dexie from 'dexie';

/** Schema v3: mined log patterns, stored with the import batch they came from. */
export function v3(db: Dexie): void {
  db.version(3).stores({
    // Listed per incident (Patterns view), removed per import.
    patterns: 'id, incidentId, importId',
  });
}
