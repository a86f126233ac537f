import type { Awareness } from 'y-protocols/awareness';

/** Someone with the incident open, as their awareness state says. */
export interface Peer {
  clientId: number;
  name: string;
  role: 'author' | 'reviewer';
  /** The incident tab they are on, or null when not known. */
  tab: string | null;
  /** This profile's own entry. */
  self: boolean;
}

const ROLES = new Set(['author', 'reviewer']);

/** Reads the peers of an awareness instance; states that are not Rootline's are left out. */
export function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = (state as { user?: unknown }).user;
    if (user === null || typeof user !== 'object') return;
    const { name, role } = user as { name?: unknown; role?: unknown };
    if (typeof name !== 'string' || name === '' || typeof role !== 'string' || !ROLES.has(role)) return;
    const tab = (state as { tab?: unknown }).tab;
    peers.push({
      clientId,
      name: name.slice(0, 200),
      role: role as Peer['role'],
      tab: typeof tab === 'string' ? tab.slice(0, 40) : null,
      self: clientId === awareness.clientID,
    });
  });
  return peers.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}

const peersByIncident = new Map<string, readonly Peer[]>();
const listeners = new Set<() => void>();
const EMPTY: readonly Peer[] = [];

/** Publishes who is on an incident (null: no longer shared). */
export function publishPeers(incidentId: string, peers: readonly Peer[] | null): void {
  if (peers === null) peersByIncident.delete(incidentId);
  else peersByIncident.set(incidentId, peers);
  for (const fn of [...listeners]) fn();
}

/** Who is on a shared incident now (this profile first). */
export function peersOf(incidentId: string): readonly Peer[] {
  return peersByIncident.get(incidentId) ?? EMPTY;
}

export function subscribePeers(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

const localTabs = new Map<string, string | null>();
const tabListeners = new Set<(incidentId: string) => void>();

/** Records which tab of an incident this profile shows (null: not open), for the others to see. */
export function setLocalTab(incidentId: string, tab: string | null): void {
  if (localTabs.get(incidentId) === tab) return;
  localTabs.set(incidentId, tab);
  for (const fn of [...tabListeners]) fn(incidentId);
}

/** The tab this profile shows of an incident, or null. */
export function localTabOf(incidentId: string): string | null {
  return localTabs.get(incidentId) ?? null;
}

export function subscribeLocalTabs(fn: (incidentId: string) => void): () => void {
  tabListeners.add(fn);
  return () => tabListeners.delete(fn);
}
