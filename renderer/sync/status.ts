import type { DocState } from './connection';

/** Where an incident's sharing stands, for the connection indicator and the close warning. */
export interface IncidentSyncStatus {
  /** `connected` once every document of the incident is connected. */
  connection: 'connecting' | 'connected' | 'offline';
  /** Local changes the server has not acknowledged yet (all documents together). */
  unsynced: number;
  /** Every document finished its exchange with the server since it connected. */
  synced: boolean;
  /** Why the server refused the token, or null. */
  refused: string | null;
  /** Waiting for the first exchange before the author's rows can be put on the server. */
  seeding: boolean;
}

/** Folds the states of an incident's documents into one. */
export function combineDocStates(states: readonly DocState[], seeding = false): IncidentSyncStatus {
  const connection = states.some((s) => s.connection === 'offline')
    ? 'offline'
    : states.every((s) => s.connection === 'connected')
      ? 'connected'
      : 'connecting';
  return {
    connection,
    unsynced: states.reduce((n, s) => n + s.unsynced, 0),
    synced: states.length > 0 && states.every((s) => s.synced),
    refused: states.find((s) => s.refused !== null)?.refused ?? null,
    seeding,
  };
}

type Listener = () => void;
const statuses = new Map<string, IncidentSyncStatus>();
const listeners = new Set<Listener>();

/** Publishes an incident's status (null: no longer shared). */
export function publishSyncStatus(incidentId: string, status: IncidentSyncStatus | null): void {
  if (status === null) statuses.delete(incidentId);
  else statuses.set(incidentId, status);
  for (const fn of [...listeners]) fn();
}

/** The status of a shared incident, or undefined when it is not shared (or not open yet). */
export function syncStatusOf(incidentId: string): IncidentSyncStatus | undefined {
  return statuses.get(incidentId);
}

export function subscribeSyncStatus(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Local changes not yet on a server, over every shared incident (the close warning asks it). */
export function totalUnsynced(): number {
  let n = 0;
  for (const s of statuses.values()) n += s.unsynced;
  return n;
}

/** How the indicator words a status. */
export function describeSyncStatus(s: IncidentSyncStatus): string {
  if (s.refused !== null) return `Refused: ${s.refused}`;
  const waiting = s.unsynced === 1 ? '1 change waiting' : `${s.unsynced} changes waiting`;
  if (s.connection === 'offline') return s.unsynced > 0 ? `Offline, ${waiting}` : 'Offline';
  if (s.connection === 'connecting') return s.unsynced > 0 ? `Connecting, ${waiting}` : 'Connecting…';
  if (s.seeding || !s.synced || s.unsynced > 0) return 'Syncing…';
  return 'Connected';
}
