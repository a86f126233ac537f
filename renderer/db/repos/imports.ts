import {
  ImportedLog,
  type Incident,
  type KeyTimeField,
  type KeyTimes,
  type LogPattern,
  type TimelineEvent,
} from '../../../shared/domain';
import { KEY_TIME_FIELDS } from '../../../shared/domain';
import type { ServiceAliases } from '../../../shared/timeline/aliases';
import { FaultTally } from '../../../shared/timeline/gameDay';
import { getDb } from '../db';
import type { ImportDensityRow } from '../schema';
import { checkRows } from './damaged';

/** The incident's valid imports, oldest first (damaged: `readDamagedRows('imports', …)`). */
export async function listImports(incidentId: string): Promise<ImportedLog[]> {
  const rows: unknown[] = await getDb().imports.where('incidentId').equals(incidentId).toArray();
  return checkRows(rows, ImportedLog).good.sort((a, b) => a.importedAt - b.importedAt);
}

/**
 * Makes an import visible in one transaction: the import rows, the timeline events, the
 * incident's key times for every phase the user has not set by hand, and its type (game day when
 * every fault-like event is injected) unless the user chose one.
 */
export async function commitImport(input: {
  incidentId: string;
  imports: ImportedLog[];
  events: TimelineEvent[];
  phases: KeyTimes;
  /** The batch's mined patterns (replace what an earlier import of the same files left). */
  patterns?: LogPattern[];
  /** Each import's raw-record density, counted while its blocks were written. */
  densities?: ImportDensityRow[];
  /** The alias map the import used; stored on the incident for the next import. */
  serviceAliases?: ServiceAliases;
  /** The change-before-impact window (minutes) the import used; remembered for the next one. */
  changeWindowMinutes?: number;
  now?: number;
}): Promise<Incident> {
  const db = getDb();
  const now = input.now ?? Date.now();
  const tables = [db.incidents, db.imports, db.events, db.patterns, db.densities];
  return db.transaction('rw', tables, async () => {
    const incident = await db.incidents.get(input.incidentId);
    if (!incident) throw new Error('The incident was deleted while its logs were being imported.');
    await db.imports.bulkPut(input.imports);
    await db.events.bulkPut(input.events);
    if (input.densities !== undefined) await db.densities.bulkPut(input.densities);
    if (input.patterns !== undefined) {
      await db.patterns
        .where('importId')
        .anyOf(input.imports.map((i) => i.id))
        .delete();
      await db.patterns.bulkPut(input.patterns);
    }
    const keyTimes = { ...incident.keyTimes };
    const origins = { ...incident.keyTimeOrigins };
    for (const field of KEY_TIME_FIELDS) {
      const value = input.phases[field];
      if (value === null || !importMayFill(incident, field)) continue;
      keyTimes[field] = value;
      origins[field] = 'import';
    }
    const updated: Incident = { ...incident, keyTimes, keyTimeOrigins: origins, updatedAt: now };
    if (input.serviceAliases !== undefined) updated.serviceAliases = input.serviceAliases;
    if (input.changeWindowMinutes !== undefined) updated.changeWindowMinutes = input.changeWindowMinutes;
    if (incident.incidentTypeOrigin !== 'manual') {
      // Game day when every fault-like event of the incident (old and new) was injected.
      const tally = new FaultTally();
      await db.events
        .where('incidentId')
        .equals(input.incidentId)
        .each((e) => tally.add(e));
      const type = tally.type();
      if (type !== (incident.incidentType ?? 'incident')) {
        updated.incidentType = type;
        updated.incidentTypeOrigin = 'import';
      }
    }
    await db.incidents.put(updated);
    return updated;
  });
}

/** An import fills a key time only when it is empty or was itself filled by an import. */
function importMayFill(incident: Incident, field: KeyTimeField): boolean {
  return incident.keyTimes[field] === null || incident.keyTimeOrigins[field] === 'import';
}
