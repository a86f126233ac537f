import { z } from 'zod';
import { getPref, setPref } from '../db/repos/prefs';
import { readTokenClaims, type SyncRole } from './claims';

/** The preference that keeps every share of this profile. */
export const SHARES_PREF = 'sync.shares';

/** One incident shared through a sync server: where, with which token, as whom. */
export const Share = z.object({
  incidentId: z.string().min(1).max(128),
  /** WebSocket address, normalised (`normaliseServerUrl`). */
  server: z.string().min(1).max(2_000),
  token: z.string().min(1).max(10_000),
  /** From the token's claims, kept so the UI needs no decode at every render. */
  name: z.string().min(1).max(200),
  role: z.enum(['author', 'reviewer']),
  sharedAt: z.number().int(),
});
export type Share = z.infer<typeof Share>;

/** Reads the stored shares; an entry that is not a share is left out (and dropped on the next write). */
export async function readShares(): Promise<Share[]> {
  const value = await getPref<unknown>(SHARES_PREF, []);
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    const p = Share.safeParse(v);
    return p.success ? [p.data] : [];
  });
}

type Listener = (shares: readonly Share[]) => void;

let current: readonly Share[] = [];
let loaded: Promise<readonly Share[]> | null = null;
const listeners = new Set<Listener>();

function publish(next: readonly Share[]): void {
  current = next;
  for (const fn of [...listeners]) fn(current);
}

/** Loads the shares once (later calls reuse the first read). */
export function loadShares(): Promise<readonly Share[]> {
  loaded ??= readShares().then((s) => {
    publish(s);
    return s;
  });
  return loaded;
}

/** The shares known now (empty until `loadShares` resolved). */
export function currentShares(): readonly Share[] {
  return current;
}

/** The share of an incident, if it is shared. */
export function shareOf(incidentId: string): Share | undefined {
  return current.find((s) => s.incidentId === incidentId);
}

export function subscribeShares(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

async function write(next: Share[]): Promise<void> {
  await setPref(SHARES_PREF, next);
  publish(next);
}

/**
 * Shares an incident (or replaces its share: a new token or server). The token's claims give the
 * name and role; a token that cannot be read, or that does not open this incident, is refused.
 */
export async function addShare(input: { incidentId: string; server: string; token: string }): Promise<Share> {
  const claims = readTokenClaims(input.token);
  if (!claims.ok) throw new Error(claims.error);
  const { incidents, name, role } = claims.value;
  if (incidents !== '*' && !incidents.includes(input.incidentId)) {
    throw new Error(
      `This token does not open this incident (it opens ${incidents.length === 1 ? 'another incident' : `${incidents.length} other incidents`}).`,
    );
  }
  await loadShares();
  const share: Share = { ...input, name, role: role satisfies SyncRole, sharedAt: Date.now() };
  await write([...current.filter((s) => s.incidentId !== input.incidentId), share]);
  return share;
}

/** Stops sharing an incident. Its rows stay in the local database as they are. */
export async function removeShare(incidentId: string): Promise<void> {
  await loadShares();
  await write(current.filter((s) => s.incidentId !== incidentId));
}

/** Forgets the in-memory copy (tests: the next `loadShares` reads the database again). */
export function resetShares(): void {
  current = [];
  loaded = null;
}
