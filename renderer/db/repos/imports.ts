import type {
  ImportedLog,
  Incident,
  KeyTimeField,
  KeyTimes,
  LogBlock,
  LogPattern,
  LogRecord,
  TimelineEvent,
} from '../../../shared/domain';
import { KEY_TIME_FIELDS } from '../../../shared/domain';
import type { ServiceAliases } from '../../../shared/timeline/aliases';
import type { BlockSpan } from '../../../shared/chart';
import { getDb } from '../db';
import type { ImportDensityRow } from '../schema';

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

/**
 * Makes an import visible in one transaction: the import rows, the timeline events, and the
 * incident's key times for every phase the user has not set by hand.
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
    await db.incidents.put(updated);
    return updated;
  });
}

/** An import fills a key time only when it is empty or was itself filled by an import. */
function importMayFill(incident: Incident, field: KeyTimeField): boolean {
  return incident.keyTimes[field] === null || incident.keyTimeOrigins[field] === 'import';
}

/** Removes staged blocks of an import that was cancelled or failed. */
export async function discardStagedBlocks(importIds: string[]): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.logBlocks, async () => {
    for (const id of importIds) {
      await db.logBlocks.where('[importId+seq]').between([id, -Infinity], [id, Infinity]).delete();
    }
  });
}

/** Deletes blocks whose import row never got written (an import interrupted by a crash). */
export async function sweepOrphanBlocks(): Promise<number> {
  const db = getDb();
  return db.transaction('rw', [db.imports, db.logBlocks], async () => {
    const known = new Set(await db.imports.toCollection().primaryKeys());
    // Keys only (block ids are `<importId>:<seq>`): reading the blocks themselves would load
    // every raw record and hold the database for seconds at start-up.
    const blockIds = await db.logBlocks.toCollection().primaryKeys();
    const orphanIds = blockIds.filter((id) => !known.has(id.slice(0, id.lastIndexOf(':'))));
    await db.logBlocks.bulkDelete(orphanIds);
    return orphanIds.length;
  });
}

/** One page of an incident's raw-record blocks by first instant (density strip, evidence). */
export async function listIncidentLogBlocks(
  incidentId: string,
  offset: number,
  limit: number,
): Promise<LogBlock[]> {
  return getDb()
    .logBlocks.where('[incidentId+firstAt]')
    .between([incidentId, -Infinity], [incidentId, Infinity])
    .offset(offset)
    .limit(limit)
    .toArray();
}

/** Number of raw-record blocks stored for an incident (index count, no rows read). */
export async function countIncidentLogBlocks(incidentId: string): Promise<number> {
  return getDb()
    .logBlocks.where('[incidentId+firstAt]')
    .between([incidentId, -Infinity], [incidentId, Infinity])
    .count();
}

/** Blocks by id, in the order asked (missing ones skipped). */
export async function getLogBlocks(ids: string[]): Promise<LogBlock[]> {
  const rows = await getDb().logBlocks.bulkGet(ids);
  return rows.filter((r): r is LogBlock => r !== undefined);
}

export type { BlockSpan } from '../../../shared/chart';

/**
 * Raw records of an incident inside [fromAt, toAt] that pass `match`, in time order, at most
 * `cap` of them. With `spans` (from a density pass) only overlapping blocks are read; without,
 * blocks starting at or before `toAt` are read 20 at a time and skipped by their end.
 */
export async function findLogRecords(input: {
  incidentId: string;
  fromAt: number;
  toAt: number;
  match: (r: LogRecord) => boolean;
  spans?: readonly BlockSpan[] | null;
  cap?: number;
}): Promise<{ records: LogRecord[]; capped: boolean }> {
  const cap = input.cap ?? 50_000;
  const out: LogRecord[] = [];
  let capped = false;
  const scan = (blocks: LogBlock[]) => {
    for (const b of blocks) {
      if (b.lastAt < input.fromAt || b.firstAt > input.toAt) continue;
      for (const r of b.records) {
        if (!input.match(r)) continue;
        if (out.length >= cap) {
          capped = true;
          return;
        }
        out.push(r);
      }
    }
  };
  if (input.spans) {
    const ids = input.spans
      .filter((s) => s.lastAt >= input.fromAt && s.firstAt <= input.toAt)
      .map((s) => s.id);
    for (let i = 0; i < ids.length && !capped; i += 20) scan(await getLogBlocks(ids.slice(i, i + 20)));
  } else {
    const range = () =>
      getDb()
        .logBlocks.where('[incidentId+firstAt]')
        .between([input.incidentId, -Infinity], [input.incidentId, input.toAt], true, true);
    for (let offset = 0; !capped; offset += 20) {
      const page = await range().offset(offset).limit(20).toArray();
      scan(page);
      if (page.length < 20) break;
    }
  }
  out.sort(
    (a, b) => a.at - b.at || a.source.file.localeCompare(b.source.file) || a.source.line - b.source.line,
  );
  return { records: out, capped };
}
