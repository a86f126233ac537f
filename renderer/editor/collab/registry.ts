import { useCallback, useSyncExternalStore } from 'react';
import { loadShares, shareOf, subscribeShares } from '../../sync/shares';
import type { SectionSessions } from './sectionSessions';
import type { SectionSharing } from './sharing';

const byIncident = new Map<string, SectionSessions>();
const listeners = new Set<() => void>();
/** One snapshot per change, so the Document tab re-reads its sections' documents. */
const snapshots = new Map<string, SectionSharing>();

function changed(incidentId: string): void {
  snapshots.delete(incidentId);
  for (const fn of [...listeners]) fn();
}

/** Makes an incident's section documents known to the Document tab (null: no longer shared). */
export function publishSectionSessions(incidentId: string, sessions: SectionSessions | null): () => void {
  if (sessions === null) {
    byIncident.delete(incidentId);
    changed(incidentId);
    return () => undefined;
  }
  byIncident.set(incidentId, sessions);
  changed(incidentId);
  const stop = sessions.subscribe(() => changed(incidentId));
  return () => {
    stop();
    if (byIncident.get(incidentId) === sessions) publishSectionSessions(incidentId, null);
  };
}

/**
 * Stores the text of an incident's open shared sections now (their projection into Dexie waits
 * for a quiet moment): an export started right after someone else typed gets their words.
 */
export async function flushSharedSections(incidentId: string): Promise<void> {
  await byIncident.get(incidentId)?.flush();
}

/** A shared incident whose section documents are not open yet: every section waits. */
const OPENING: SectionSharing = { section: () => null };

// Until the shares are read, any incident may be shared: its text is not edited locally meanwhile
// (it would not reach the shared document, and the document's text would then replace it).
let sharesRead = false;
let reading = false;
function readShares(): void {
  if (reading) return;
  reading = true;
  void loadShares()
    .catch(() => undefined)
    .then(() => {
      sharesRead = true;
      for (const fn of [...listeners]) fn();
    });
}

/** The section documents of a shared incident now open on this machine, if any. */
export function sectionSessionsOf(incidentId: string): SectionSessions | undefined {
  return byIncident.get(incidentId);
}

function snapshot(incidentId: string): SectionSharing | null {
  const sessions = byIncident.get(incidentId);
  if (!sessions) return !sharesRead || shareOf(incidentId) !== undefined ? OPENING : null;
  let s = snapshots.get(incidentId);
  if (!s) {
    s = { section: (id) => sessions.section(id) };
    snapshots.set(incidentId, s);
  }
  return s;
}

/**
 * The shared section documents of an incident, or null when it is not shared; while a shared
 * incident's documents are opening (or the shares are being read), none of its sections has one.
 */
export function useSectionSharing(incidentId: string): SectionSharing | null {
  const subscribe = useCallback((fn: () => void) => {
    listeners.add(fn);
    readShares();
    const stopShares = subscribeShares(fn);
    return () => {
      listeners.delete(fn);
      stopShares();
    };
  }, []);
  return useSyncExternalStore(subscribe, () => snapshot(incidentId));
}
