import { copyTitle, remapSnapshotIds } from '../../../shared/bundle/remap';
import { parseBundle } from '../../../shared/bundle/parse';
import { serializeBundle } from '../../../shared/bundle/serialize';
import { INCIDENT_COLLECTIONS } from '../../../shared/domain';
import { newId, type IncidentSnapshot } from '../../../shared/domain';
import { getDb } from '../db';
import { incidentTablesOf, type RootlineDb } from '../schema';
import { loadIncidentSnapshot } from './snapshot';

/**
 * An incident as `.rootline.json` text (deterministic: the same data gives the same bytes).
 * Rejects when the incident does not exist or its data fails the bundle schema.
 */
export async function exportBundleText(
  incidentId: string,
  options: { now?: number; appVersion: string },
): Promise<string> {
  const snapshot = await loadIncidentSnapshot(incidentId);
  if (!snapshot) throw new Error('This incident no longer exists, so it cannot be exported.');
  return serializeBundle(snapshot, { exportedAt: options.now ?? Date.now(), appVersion: options.appVersion });
}

export type OpenBundleResult =
  { ok: true; incidentId: string; asCopy: boolean; notices: string[] } | { ok: false; error: string };

/** True when any row of the snapshot has an id that is already taken in this profile. */
async function anyIdTaken(db: RootlineDb, snapshot: IncidentSnapshot): Promise<boolean> {
  if ((await db.incidents.where('id').equals(snapshot.incident.id).count()) > 0) return true;
  for (const collection of INCIDENT_COLLECTIONS) {
    const ids = snapshot[collection].map((row) => row.id);
    if (ids.length === 0) continue;
    if ((await db.table(collection).where('id').anyOf(ids).count()) > 0) return true;
  }
  return false;
}

async function addSnapshot(db: RootlineDb, s: IncidentSnapshot): Promise<void> {
  // add, not put: an id clash aborts the transaction instead of overwriting a row.
  await db.incidents.add(s.incident);
  for (const c of INCIDENT_COLLECTIONS) await db.table(c).bulkAdd(s[c]);
}

/**
 * Opens bundle text into this profile in one transaction. When the incident (or any of its
 * rows) already exists here, the bundle is opened as a copy — fresh ids, every reference
 * rewritten, title suffixed " (copy)" — so nothing is ever overwritten. On any failure nothing
 * changes and the result carries a message naming the file. Never rejects.
 */
export async function openBundleText(
  text: string,
  fileName: string,
  options: { now?: number; makeId?: () => string } = {},
): Promise<OpenBundleResult> {
  const parsed = parseBundle(text, fileName);
  if (!parsed.ok) return parsed;
  const now = options.now ?? Date.now();
  const makeId = options.makeId ?? (() => newId(now));
  try {
    const db = getDb();
    return await db.transaction('rw', incidentTablesOf(db), async () => {
      const asCopy = await anyIdTaken(db, parsed.snapshot);
      let snapshot = parsed.snapshot;
      if (asCopy) {
        snapshot = remapSnapshotIds(snapshot, makeId, now);
        snapshot.incident = { ...snapshot.incident, title: copyTitle(snapshot.incident.title) };
      }
      await addSnapshot(db, snapshot);
      return { ok: true as const, incidentId: snapshot.incident.id, asCopy, notices: parsed.meta.notices };
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `${fileName} could not be opened; nothing was changed. ${message}` };
  }
}
