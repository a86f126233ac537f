import type { LogPattern } from '../../../shared/domain';
import { getDb } from '../db';

/** An incident's mined patterns, most frequent first (then first seen). */
export async function listPatterns(incidentId: string): Promise<LogPattern[]> {
  const rows = await getDb().patterns.where('incidentId').equals(incidentId).toArray();
  return rows.sort(
    (a, b) => b.count - a.count || a.firstAt - b.firstAt || a.template.localeCompare(b.template),
  );
}
