import { z } from 'zod';
import type { Parsed } from './invite';

/**
 * What a token says about its holder (design: name, role, incidents, exp). Read without checking
 * the signature — only the server can, and it refuses a forged token on connect; the app reads
 * the claims to show who the person will be and which incidents the token opens.
 */
export const TokenClaims = z.object({
  name: z.string().min(1).max(200),
  role: z.enum(['author', 'reviewer']),
  incidents: z.union([z.literal('*'), z.array(z.string().min(1).max(128))]),
  exp: z.number().int().optional(),
});
export type TokenClaims = z.infer<typeof TokenClaims>;
export type SyncRole = TokenClaims['role'];

function base64UrlDecode(part: string): string {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** The claims of a token, or why they cannot be read (including an expired token). */
export function readTokenClaims(token: string, now = Date.now()): Parsed<TokenClaims> {
  const payload = token.split('.')[1];
  if (payload === undefined) return { ok: false, error: 'This token has no claims part.' };
  let json: unknown;
  try {
    json = JSON.parse(base64UrlDecode(payload));
  } catch {
    return { ok: false, error: 'This token is damaged: its claims are not readable JSON.' };
  }
  const parsed = TokenClaims.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `This token is not a Rootline token: ${issue ? `${issue.path.join('.') || 'claims'} ${issue.message}` : 'claims missing'}.`,
    };
  }
  const { exp } = parsed.data;
  if (exp !== undefined && exp * 1000 <= now) {
    return {
      ok: false,
      error: `This token expired on ${new Date(exp * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC: ask for a new invite.`,
    };
  }
  return { ok: true, value: parsed.data };
}

/** True when the claims open the incident. */
export function claimsCover(claims: TokenClaims, incidentId: string): boolean {
  return claims.incidents === '*' || claims.incidents.includes(incidentId);
}
