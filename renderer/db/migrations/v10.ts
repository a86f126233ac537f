import type Dexie from 'dexie';

/**
 * Schema v10: the sign-off log (shared/domain/signoff.ts): each required reviewer's approvals
 * and requests for changes, and authors' publishing overrides, append-only. A new table, so
 * older databases need no data move; an incident's rows are found by `incidentId` like every
 * other collection's.
 */
export function v10(db: Dexie): void {
  db.version(10).stores({
    signoffs: 'id, incidentId',
  });
}
