/**
 * Sync access tokens (docs/sync-design.md, "Access"): JWTs signed HS256 by `rootline serve`
 * with claims `name`, `role`, `incidents` and `exp`. The server verifies them (cli/sync); the
 * app only reads the claims — to show who it is and why a view is read-only — and never trusts
 * them for anything the server does not check again.
 */
import { decodeJwt } from 'jose';
import { z } from 'zod';
import { Id } from '../domain/common';
import type { SyncDocRef } from './names';

/** Who a token lets in: authors write everything, reviewers write only checked review changes. */
export const SyncRole = z.enum(['author', 'reviewer']);
export type SyncRole = z.infer<typeof SyncRole>;

/** The claims of a sync token. `exp` is in seconds since the epoch, as JWTs have it. */
export const SyncClaims = z.object({
  name: z.string().trim().min(1, 'the name is empty').max(100, 'the name is longer than 100 characters'),
  role: SyncRole,
  /** The incident ids the token opens, or `"*"` for every incident on the server. */
  incidents: z.union([
    z.literal('*'),
    z.array(Id).min(1, 'the token names no incident').max(1000, 'the token names over 1,000 incidents'),
  ]),
  exp: z.number().int().positive(),
});
export type SyncClaims = z.infer<typeof SyncClaims>;

/** Claims read from a token, or why they could not be. */
export type ReadClaims = { ok: true; claims: SyncClaims } | { ok: false; reason: string };

/** Turns a zod failure into one line naming each field and what is wrong with it. */
export function describeClaimProblems(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'claims'}: ${issue.message}`)
    .join('; ');
}

/**
 * Reads a token's claims WITHOUT verifying its signature (the app cannot: only the server
 * holds the secret). Use it to show the name and role; the server decides access.
 */
export function readTokenClaims(token: string): ReadClaims {
  let payload: unknown;
  try {
    payload = decodeJwt(token.trim());
  } catch {
    return { ok: false, reason: 'this is not a sync token (expected a JWT: three dot-separated parts)' };
  }
  const parsed = SyncClaims.safeParse(payload);
  if (!parsed.success) {
    return { ok: false, reason: `the token's claims are not valid: ${describeClaimProblems(parsed.error)}` };
  }
  return { ok: true, claims: parsed.data };
}

/** True when the token has expired at `nowMs` (epoch milliseconds). */
export function isExpired(claims: SyncClaims, nowMs: number): boolean {
  return claims.exp * 1000 <= nowMs;
}

/** True when the token opens the incident. */
export function coversIncident(claims: SyncClaims, incidentId: string): boolean {
  return claims.incidents === '*' || claims.incidents.includes(incidentId);
}

/**
 * What a connection may do to a document:
 * - `write`: any update (authors);
 * - `review`: each update is checked by `checkReviewChange` before it is stored (reviewers on
 *   the review document);
 * - `read`: no update at all (reviewers on the model and section documents).
 */
export type DocAccess = 'write' | 'review' | 'read';

/** The access a token gives to a document, or why it gives none. */
export type AccessDecision = { ok: true; access: DocAccess } | { ok: false; reason: string };

/**
 * Decides what a token may do with a document at `nowMs`. The server enforces this; the app
 * uses it to show the same rights (read-only views for reviewers).
 */
export function accessFor(claims: SyncClaims, ref: SyncDocRef, nowMs: number): AccessDecision {
  if (isExpired(claims, nowMs)) {
    return { ok: false, reason: `the token expired on ${new Date(claims.exp * 1000).toISOString()}` };
  }
  if (!coversIncident(claims, ref.incidentId)) {
    return { ok: false, reason: `the token does not open incident ${ref.incidentId}` };
  }
  if (claims.role === 'author') return { ok: true, access: 'write' };
  return { ok: true, access: ref.kind === 'review' ? 'review' : 'read' };
}

/** What an invite carries: the server to connect to and the token to connect with. */
export interface Invite {
  server: string;
  token: string;
}

/** The invite link `rootline serve invite` prints: `rootline://join?server=…&token=…`. */
export function inviteLink(invite: Invite): string {
  return `rootline://join?${inviteQuery(invite)}`;
}

/** The query `server=…&token=…` of an invite, as the web app reads it from `#/join?…`. */
export function inviteQuery(invite: Invite): string {
  return `server=${encodeURIComponent(invite.server)}&token=${encodeURIComponent(invite.token)}`;
}

function decodeQueryPart(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * Reads an invite from a link (`rootline://join?…`, an app address ending in `#/join?…`, or
 * the bare `#/join?…`). The server must be a ws://, wss://, http:// or https:// address.
 */
export function parseInviteLink(link: string): { ok: true; invite: Invite } | { ok: false; reason: string } {
  const text = link.trim();
  const join = /(?:^rootline:\/\/join|#\/join)\?([^#]*)$/.exec(text);
  if (join === null) {
    return { ok: false, reason: 'not an invite link (expected rootline://join?server=…&token=…)' };
  }
  const values = new Map<string, string>();
  for (const pair of (join[1] ?? '').split('&')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    const value = decodeQueryPart(pair.slice(at + 1));
    if (value !== undefined) values.set(pair.slice(0, at), value);
  }
  const server = values.get('server')?.trim() ?? '';
  const token = values.get('token')?.trim() ?? '';
  if (server === '') return { ok: false, reason: 'the invite link names no server' };
  if (!/^(wss?|https?):\/\/[^\s/?#]+/i.test(server)) {
    return {
      ok: false,
      reason: `the invite's server "${server}" is not a ws://, wss://, http:// or https:// address`,
    };
  }
  if (token === '') return { ok: false, reason: 'the invite link carries no token' };
  return { ok: true, invite: { server, token } };
}
