import { claimsCover, readTokenClaims, type TokenClaims } from '../../sync/claims';
import { checkTokenShape, normaliseServerUrl, parseInviteLink, type Invite } from '../../sync/invite';

/** What the Share dialog's fields hold: an invite link, or a server address and a token. */
export interface ShareFields {
  link: string;
  server: string;
  token: string;
}

export type ShareFormResult =
  { ok: true; invite: Invite; claims: TokenClaims } | { ok: false; field: keyof ShareFields; error: string };

/**
 * Reads the Share dialog: the invite link when one is given, else the server and token; the
 * token must open `incidentId` (when given). Each refusal names the field and why.
 */
export function readShareForm(fields: ShareFields, incidentId: string | null): ShareFormResult {
  let invite: Invite;
  if (fields.link.trim() !== '') {
    const r = parseInviteLink(fields.link);
    if (!r.ok) return { ok: false, field: 'link', error: r.error };
    invite = r.value;
  } else {
    const s = normaliseServerUrl(fields.server);
    if (!s.ok) return { ok: false, field: 'server', error: s.error };
    const t = checkTokenShape(fields.token);
    if (!t.ok) return { ok: false, field: 'token', error: t.error };
    invite = { server: s.value, token: t.value };
  }
  const tokenField = fields.link.trim() !== '' ? 'link' : 'token';
  const claims = readTokenClaims(invite.token);
  if (!claims.ok) return { ok: false, field: tokenField, error: claims.error };
  if (incidentId !== null && !claimsCover(claims.value, incidentId)) {
    return {
      ok: false,
      field: tokenField,
      error: `This token does not open this incident (${incidentId}). Ask for an invite made with --incident ${incidentId}.`,
    };
  }
  return { ok: true, invite, claims: claims.value };
}

/** "Rita, reviewer" — who a token makes you. */
export function describeClaims(claims: TokenClaims): string {
  return `${claims.name}, ${claims.role === 'author' ? 'author (edits everything)' : 'reviewer (comments, review states and sign-off; the rest read-only)'}`;
}
