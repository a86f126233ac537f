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
