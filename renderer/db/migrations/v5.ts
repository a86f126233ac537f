import type Dexie from 'dexie';

/**
 * Schema v5: raw-record density per import, counted once (at import, or the first time an
 * older import is shown) so opening an incident reads a few small rows instead of every raw
 * block. Derived data: rows of imports made before v5 are computed on first use, from the
 * raw blocks through the repositories (see features/timeline/model/density.ts).
 */
export function v5(db: Dexie): void {
  db.version(5).stores({
    densities: 'importId, incidentId',
  });
}
