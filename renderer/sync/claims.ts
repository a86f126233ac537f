import {
  coversIncident,
  isExpired,
  readTokenClaims as readClaims,
  type SyncClaims,
} from '../../shared/sync/tokens';
import type { Parsed } from './invite';

export type { SyncClaims as TokenClaims };
export type SyncRole = SyncClaims['role'];

function sentence(reason: string): string {
  return `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`;
}

/**
 * The claims of a token as the app shows them (shared/sync/tokens reads them without verifying:
 * only the server can), or why they cannot be used — unreadable, or expired at `now`.
 */
export function readTokenClaims(token: string, now = Date.now()): Parsed<SyncClaims> {
  const read = readClaims(token);
  if (!read.ok) return { ok: false, error: sentence(read.reason) };
  if (isExpired(read.claims, now)) {
    const at = new Date(read.claims.exp * 1000).toISOString().slice(0, 16).replace('T', ' ');
    return { ok: false, error: `This token expired on ${at} UTC: ask for a new invite.` };
  }
  return { ok: true, value: read.claims };
}

/** True when the claims open the incident. */
export const claimsCover = (claims: SyncClaims, incidentId: string): boolean =>
  coversIncident(claims, incidentId);
