import { bundleBaseName, bundleFileNameOf, isBundleFileName } from '../bundle/fileName';

/** How many backups of one incident today's retention keeps. */
export const KEEP_TODAY = 3;
/** Each incident keeps at least this many backups (the newest ones top up the daily rule). */
export const KEEP_AT_LEAST = 10;
/** Desktop backups run this often (milliseconds). */
export const BACKUP_INTERVAL_MS = 15 * 60 * 1000;

/* `<readable part>.<hash of the full id>`; names written before the hash (no `.hash`) still parse. */
const NAME = /^rootline-backup-([A-Za-z0-9_-]{1,64}(?:\.[0-9a-f]{16})?)-(\d{8}T\d{6}Z)$/;

/** One backup file as named on disk. */
export interface BackupFile {
  name: string;
  incidentId: string;
  /** UTC epoch milliseconds the backup was taken. */
  at: number;
}

function stamp(at: number): string {
  return new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/**
 * 64 bits of the UTF-16 code units as 16 hex digits: two 32-bit FNV-1a-style lanes with different
 * seeds. Not domain/ids.ts hash64 on purpose: backup names already on disk carry this hash, and
 * retention must keep recognising them.
 */
function backupHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ (a >>> 13), 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/**
 * The id part of a backup's file name: a readable, file-system-safe prefix of the id plus a
 * hash of the whole id, so ids that read alike (`team_db-outage`, `team.db-outage`) or differ
 * only past the prefix never share files — and retention never deletes another incident's.
 */
export function backupIdPart(incidentId: string): string {
  const safe = incidentId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 47) || 'incident';
  return `${safe}.${backupHash(incidentId)}`;
}

/** The file name of a backup of `incidentId` taken at `at`: sortable, safe on every file system. */
export function backupFileName(incidentId: string, at: number): string {
  return bundleFileNameOf(`rootline-backup-${backupIdPart(incidentId)}-${stamp(at)}`);
}

/** Reads a backup file name back, or null for any other file (which retention never touches). */
export function parseBackupFileName(name: string): BackupFile | null {
  const m = isBundleFileName(name) ? NAME.exec(bundleBaseName(name)) : null;
  if (!m) return null;
  const [, incidentId = '', s = ''] = m;
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
  const at = Date.parse(iso);
  return Number.isFinite(at) ? { name, incidentId, at } : null;
}

/** UTC calendar day of an instant (`2024-01-31`); pass another to count days in a local zone. */
export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/**
 * Which backup files to delete, per incident: keep the 3 newest of today and the newest of every
 * earlier day; when that is fewer than 10, also keep the newest others up to 10. Files that are not Rootline backups, and backups
 * dated in the future (a wrong clock), are never deleted.
 */
export function backupsToDelete(
  names: readonly string[],
  now: number,
  dayOf: (at: number) => string = utcDay,
): string[] {
  const byIncident = new Map<string, BackupFile[]>();
  for (const name of names) {
    const file = parseBackupFileName(name);
    if (file === null || file.at > now) continue;
    const list = byIncident.get(file.incidentId) ?? [];
    list.push(file);
    byIncident.set(file.incidentId, list);
  }
  const today = dayOf(now);
  const doomed: string[] = [];
  for (const files of byIncident.values()) {
    files.sort((a, b) => b.at - a.at || (a.name < b.name ? 1 : -1));
    const seenDays = new Set<string>();
    let todayKept = 0;
    const keep = files.map((file) => {
      const day = dayOf(file.at);
      let kept = false;
      if (day === today) kept = todayKept++ < KEEP_TODAY;
      else kept = !seenDays.has(day);
      seenDays.add(day);
      return kept;
    });
    // Top up with the newest of the rest until at least KEEP_AT_LEAST remain.
    let count = keep.filter(Boolean).length;
    for (let i = 0; i < files.length && count < KEEP_AT_LEAST; i++) {
      if (!keep[i]) {
        keep[i] = true;
        count++;
      }
    }
    files.forEach((file, i) => {
      if (!keep[i]) doomed.push(file.name);
    });
  }
  return doomed.sort();
}
