import { zipSync, strToU8 } from 'fflate';
import type { Incident } from '../../../shared/domain';
import { listIncidents } from '../../db/repos';
import { exportBundleText } from '../../db/repos/bundles';
import { getPref, setPref } from '../../db/repos/prefs';
import { platform } from '../../platform';
import { bundleFileName } from '../bundles/slug';

/** Fingerprints of each incident's bundle (without its export time) when it was last saved out. */
export type Fingerprints = Record<string, string>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Prefs: fingerprints at the last desktop backup, and the last "Export all" (web). */
export const DESKTOP_PREF = 'backup.desktop';
export const EXPORT_ALL_PREF = 'backup.exportAll';
/** Days after which the web reminder shows; a test (or a cautious user) may lower it. */
export const REMINDER_DAYS_KEY = 'rootline.backupReminderDays';
export const DEFAULT_REMINDER_DAYS = 3;

export interface ExportAllState {
  at: number | null;
  fingerprints: Fingerprints;
}

/** One incident's bundle, ready to save, with its fingerprint. */
export interface BundleOut {
  incident: Incident;
  text: string;
  fingerprint: string;
}

async function fingerprint(text: string): Promise<string> {
  // The export time changes on every export; everything else changes only when content does.
  const stable = text.replace(/^\s*"exportedAt":.*$/m, '');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(stable));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Every incident's bundle text and fingerprint (comments, causes and actions do not bump `updatedAt`). */
export async function allBundles(now = Date.now()): Promise<BundleOut[]> {
  const { version } = await platform.appInfo();
  const out: BundleOut[] = [];
  for (const incident of await listIncidents()) {
    const text = await exportBundleText(incident.id, { now, appVersion: version });
    out.push({ incident, text, fingerprint: await fingerprint(text) });
  }
  return out;
}

/** The bundles whose content differs from `saved`. */
export function changedSince(bundles: readonly BundleOut[], saved: Fingerprints): BundleOut[] {
  return bundles.filter((b) => saved[b.incident.id] !== b.fingerprint);
}

/** Desktop: writes a backup of every incident changed since its last backup; returns how many. */
export async function backupChangedIncidents(): Promise<number> {
  const folder = platform.backups;
  if (!folder) return 0;
  const saved = await getPref<Fingerprints>(DESKTOP_PREF, {});
  const changed = changedSince(await allBundles(), saved);
  const next = { ...saved };
  for (const b of changed) {
    await folder.write(b.incident.id, b.text);
    next[b.incident.id] = b.fingerprint;
    // Saved per file, so a failure halfway keeps what was already backed up.
    await setPref(DESKTOP_PREF, next);
  }
  return changed.length;
}

/** `rootline-incidents-2025-01-31.zip` */
export function exportAllFileName(now: number): string {
  return `rootline-incidents-${new Date(now).toISOString().slice(0, 10)}.zip`;
}

/** Zips every incident's bundle into one download and records the fingerprints; returns the count. */
export async function exportAllIncidents(now = Date.now()): Promise<number> {
  const bundles = await allBundles(now);
  const files: Record<string, Uint8Array> = {};
  for (const b of bundles) {
    let name = bundleFileName(b.incident.title);
    // Two incidents with the same title get distinct names inside the zip.
    for (let k = 2; name in files; k++) name = bundleFileName(`${b.incident.title} ${k}`);
    files[name] = strToU8(b.text);
  }
  const zip = zipSync(files, { level: 6, mtime: new Date(now) });
  await platform.saveFile(
    exportAllFileName(now),
    new Blob([zip], { type: 'application/zip' }),
    'application/zip',
  );
  const state: ExportAllState = {
    at: now,
    fingerprints: Object.fromEntries(bundles.map((b) => [b.incident.id, b.fingerprint])),
  };
  await setPref(EXPORT_ALL_PREF, state);
  return bundles.length;
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
  const state = await getPref<ExportAllState>(EXPORT_ALL_PREF, { at: null, fingerprints: {} });
  const changed = changedSince(await allBundles(now), state.fingerprints);
  if (changed.length === 0) return 0;
  const since = state.at ?? Math.min(...changed.map((b) => b.incident.createdAt));
  return now - since >= reminderDays() * DAY_MS ? changed.length : 0;
}
