import { useCallback, useSyncExternalStore } from 'react';
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

function snapshot(incidentId: string): SectionSharing | null {
  const sessions = byIncident.get(incidentId);
  if (!sessions) return null;
  let s = snapshots.get(incidentId);
  if (!s) {
    s = { section: (id) => sessions.section(id) };
    snapshots.set(incidentId, s);
  }
  return s;
}

/** The shared section documents of an incident, or null when it is not shared. */
export function useSectionSharing(incidentId: string): SectionSharing | null {
  const subscribe = useCallback((fn: () => void) => {
    listeners.add(fn);
    return () => listeners.delete(fn);
  }, []);
  return useSyncExternalStore(subscribe, () => snapshot(incidentId));
}
