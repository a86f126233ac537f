import { zipSync, strToU8 } from 'fflate';
import type { Incident } from '../../../shared/domain';
import { listIncidents } from '../../db/repos';
import { exportBundleText } from '../../db/repos/bundles';
import { getPref, setPref } from '../../db/repos/prefs';
import { platform } from '../../platform';
import { incidentChangedAt } from '../../db/changeLog';
import { bundleFileName } from '../bundles/slug';
import { nullProto } from '../../../shared/domain/lookup';

/** When each incident was last saved out (backup written or included in "Export all"). */
export type SavedTimes = Record<string, number>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Prefs: times of the last desktop backup per incident, and of the last "Export all" (web). */
export const DESKTOP_PREF = 'backup.desktop.v2';
export const EXPORT_ALL_PREF = 'backup.exportAll.v2';
/** Days after which the web reminder shows; a test (or a cautious user) may lower it. */
export const REMINDER_DAYS_KEY = 'rootline.backupReminderDays';
export const DEFAULT_REMINDER_DAYS = 3;

export interface ExportAllState {
  at: number | null;
  saved: SavedTimes;
}

/**
 * Incidents changed since they were last saved out, from the change log (no bundle is built to
 * find out: a bundle with a million raw records takes seconds). An incident never saved counts
 * as changed.
 */
export function changedSince(incidents: readonly Incident[], saved: SavedTimes): Incident[] {
  return incidents.filter((i) => {
    const savedAt = saved[i.id];
    if (savedAt === undefined) return true;
    const changedAt = incidentChangedAt(i.id) ?? i.updatedAt;
    return changedAt > savedAt;
  });
}

async function bundleText(incident: Incident, now: number): Promise<string> {
  const { version } = await platform.appInfo();
  return exportBundleText(incident.id, { now, appVersion: version });
}

/** Desktop: writes a backup of every incident changed since its last backup; returns how many. */
export async function backupChangedIncidents(now = Date.now()): Promise<number> {
  const folder = platform.backups;
  if (!folder) return 0;
  const saved = await getPref<SavedTimes>(DESKTOP_PREF, {});
  const changed = changedSince(await listIncidents(), saved);
  const next = { ...saved };
  for (const incident of changed) {
    // The time is taken before the bundle is read, so an edit made meanwhile is backed up next time.
    const startedAt = Date.now();
    await folder.write(incident.id, await bundleText(incident, now));
    next[incident.id] = startedAt;
    // Saved per file, so a failure halfway keeps what was already backed up.
    await setPref(DESKTOP_PREF, next);
  }
  return changed.length;
}

/** `rootline-incidents-2025-01-31.zip` */
export function exportAllFileName(now: number): string {
  return `rootline-incidents-${new Date(now).toISOString().slice(0, 10)}.zip`;
}

/** Zips every incident's bundle into one download and records when; returns the count. */
export async function exportAllIncidents(now = Date.now()): Promise<number> {
  const startedAt = Date.now();
  const incidents = await listIncidents();
  const files: Record<string, Uint8Array> = nullProto({});
  for (const incident of incidents) {
    let name = bundleFileName(incident.title);
    // Two incidents with the same title get distinct names inside the zip.
    for (let k = 2; name in files; k++) name = bundleFileName(`${incident.title} ${k}`);
    files[name] = strToU8(await bundleText(incident, now));
  }
  const zip = zipSync(files, { level: 6, mtime: new Date(now) });
  await platform.saveFile(
    exportAllFileName(now),
    new Blob([zip], { type: 'application/zip' }),
    'application/zip',
  );
  const state: ExportAllState = {
    at: now,
    saved: Object.fromEntries(incidents.map((i) => [i.id, startedAt])),
  };
  await setPref(EXPORT_ALL_PREF, state);
  return incidents.length;
}

function reminderDays(): number {
  const raw = Number(globalThis.localStorage?.getItem(REMINDER_DAYS_KEY) ?? NaN);
  return Number.isFinite(raw) && raw >= 0 ? raw : DEFAULT_REMINDER_DAYS;
}

/**
 * Web: how many incidents changed since the last "Export all", counted only once that export (or,
 * before any, the oldest changed incident) is older than the reminder threshold; 0 = no reminder.
 */
export async function incidentsNeedingExport(now = Date.now()): Promise<number> {
  const state = await getPref<ExportAllState>(EXPORT_ALL_PREF, { at: null, saved: {} });
  const changed = changedSince(await listIncidents(), state.saved);
  if (changed.length === 0) return 0;
  const since = state.at ?? Math.min(...changed.map((i) => i.createdAt));
  return now - since >= reminderDays() * DAY_MS ? changed.length : 0;
}
