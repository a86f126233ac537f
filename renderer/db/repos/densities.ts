import type { ImportedLog } from '../../../shared/domain';
import { getDb } from '../db';
import type { ImportDensityRow } from '../schema';

/** The stored density rows of these imports that still match them (same import time and size). */
export async function listImportDensities(imports: readonly ImportedLog[]): Promise<ImportDensityRow[]> {
  const rows = await getDb().densities.bulkGet(imports.map((i) => i.id));
  return rows.filter(
    (r, k): r is ImportDensityRow =>
      r !== undefined && r.importedAt === imports[k]!.importedAt && r.blockCount === imports[k]!.blockCount,
  );
}

/** Stores density rows (counted at import, or for an older import on first use). */
export async function putImportDensities(rows: readonly ImportDensityRow[]): Promise<void> {
  if (rows.length === 0) return;
  const db = getDb();
  await db.transaction('rw', db.densities, () => db.densities.bulkPut([...rows]));
}
