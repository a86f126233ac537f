import type Dexie from 'dexie';

/**
 * Schema v9: each incident's library summary (the few fields Trends and Similar incidents read),
 * so the Trends view of a thousand incidents reads a thousand small rows instead of every cause
 * and action item. Derived data, written only by the library store (features/trends); a row
 * older than the incident's last change, or of another summary version, is read again.
 */
export function v9(db: Dexie): void {
  db.version(9).stores({
    librarySummaries: 'id',
  });
}
