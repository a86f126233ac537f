import type Dexie from 'dexie';

/**
 * Schema v7: an incident's timeline events packed into a few large rows, so opening a big
 * incident reads tens of rows instead of 100,000. Derived data, never exported: each pack holds
 * the `rev` it was built from, and every write to `events` gives the incident a new `rev` in the
 * same transaction (see db/eventPacks.ts), so a pack from before a write is never read as
 * current. Part -1 of an incident is its meta row (the current `rev`, the number of parts).
 */
export function v7(db: Dexie): void {
  db.version(7).stores({
    eventPacks: '[incidentId+part]',
  });
}
