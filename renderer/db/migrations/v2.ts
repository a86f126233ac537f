import type Dexie from 'dexie';

/** Schema v2: the user's text format definitions (Settings → Log formats), listed by when added. */
export function v2(db: Dexie): void {
  db.version(2).stores({
    formatFiles: 'id, addedAt',
  });
}
