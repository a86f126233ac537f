import { isImportDensity } from '../../../shared/chart';
import type { ImportedLog } from '../../../shared/domain';
import { getDb } from '../db';
import type { ImportDensityRow } from '../schema';

/**
 * The stored density rows of these imports that still match them (same import time and size).
 * A damaged row is left out like a stale one: the caller counts it again and stores it anew.
 */
export async function listImportDensities(imports: readonly ImportedLog[]): Promise<ImportDensityRow[]> {
  const rows: unknown[] = await getDb().densities.bulkGet(imports.map((i) => i.id));
  return rows.filter(
    (r, k): r is ImportDensityRow =>
      isImportDensity(r) &&
      r.importId === imports[k]!.id &&
      r.importedAt === imports[k]!.importedAt &&
      r.blockCount === imports[k]!.blockCount,
  );
}

/** Stores density rows (counted at import, or for an older import on first use). */
export async function putImportDensities(rows: readonly ImportDensityRow[]): Promise<void> {
  if (rows.length === 0) return;
  const db = getDb();
  await db.transaction('rw', db.densities, () => db.densities.bulkPut([...rows]));
}
