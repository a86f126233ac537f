import { LogPattern } from '../../../shared/domain';
import { getDb } from '../db';
import { checkRows } from './damaged';

/**
 * An incident's valid mined patterns, most frequent first (then first seen); damaged rows:
 * `readDamagedRows('patterns', …)`.
 */
export async function listPatterns(incidentId: string): Promise<LogPattern[]> {
  const rows: unknown[] = await getDb().patterns.where('incidentId').equals(incidentId).toArray();
  return checkRows(rows, LogPattern).good.sort(
    (a, b) => b.count - a.count || a.firstAt - b.firstAt || a.template.localeCompare(b.template),
  );
}
