import type { ImportedLog, LogBlock } from '../../../shared/domain';
import { getDb } from '../db';

export async function listImports(incidentId: string): Promise<ImportedLog[]> {
  const rows = await getDb().imports.where('incidentId').equals(incidentId).toArray();
  return rows.sort((a, b) => a.importedAt - b.importedAt);
}

/** One page of raw-record blocks of an import, in order. */
export async function listLogBlocks(importId: string, offset: number, limit: number): Promise<LogBlock[]> {
  return getDb()
    .logBlocks.where('[importId+seq]')
    .between([importId, -Infinity], [importId, Infinity])
    .offset(offset)
    .limit(limit)
    .toArray();
}
