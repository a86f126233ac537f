import { parseInviteLink as readInviteLink, type Invite } from '../../shared/sync/tokens';
import { routeHash } from '../routing/route';

/**
 * Reading what a person pastes into the Share dialog or opens as a link: a server address, a
 * token, or a whole invite link (`rootline://join?server=…&token=…`, or the web app's
 * `…#/join?server=…&token=…`). Every refusal names what is wrong.
 */

export type { Invite };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * The WebSocket address of a sync server from what a person typed: `ws://` and `wss://` stay,
 * `http://` becomes `ws://`, `https://` becomes `wss://`, a bare `host:port` is `ws://`.
 * Trailing slashes go, so one server has one spelling (it keys the connection and the CSP).
 */
export function normaliseServerUrl(text: string): Parsed<string> {
  const raw = text.trim();
  if (raw === '')
    return { ok: false, error: 'Enter the sync server address (for example ws://review.example:5230).' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `ws://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: `"${raw}" is not a server address (expected ws://host:port or wss://host).` };
  }
  const scheme = { 'ws:': 'ws:', 'wss:': 'wss:', 'http:': 'ws:', 'https:': 'wss:' }[url.protocol];
  if (scheme === undefined) {
    return {
      ok: false,
      error: `"${url.protocol}//" is not a sync server scheme: use ws://, wss://, http:// or https://.`,
    };
  }
  if (url.hostname === '') return { ok: false, error: `"${raw}" names no host.` };
  if (url.search !== '' || url.hash !== '') {
    return {
      ok: false,
      error:
        'A server address has no "?…" or "#…" part: paste the invite link into the invite field instead.',
    };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, value: `${scheme}//${url.host}${path}` };
}

/** A token must at least look like a JWT (three base64url parts); the server decides the rest. */
export function checkTokenShape(text: string): Parsed<string> {
  const token = text.trim();
  if (token === '')
    return { ok: false, error: 'Enter the token you were given (rootline serve invite prints it).' };
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token)) {
    return {
      ok: false,
      error: 'This is not a token: a token is three parts of letters and digits joined by dots.',
    };
  }
  return { ok: true, value: token };
}

/**
 * Reads an invite link (`rootline://join?server=…&token=…` or `…#/join?server=…&token=…`, read by
 * shared/sync/tokens), with the server normalised and the token's shape checked.
 */
export function parseInviteLink(text: string): Parsed<Invite> {
  const read = readInviteLink(text);
  if (!read.ok) return { ok: false, error: `${read.reason.charAt(0).toUpperCase()}${read.reason.slice(1)}.` };
  const s = normaliseServerUrl(read.invite.server);
  if (!s.ok) return s;
  const k = checkTokenShape(read.invite.token);
  if (!k.ok) return k;
  return { ok: true, value: { server: s.value, token: k.value } };
}

/** The web app's join address for an invite (what `#/join` reads back). */
export function joinHash(invite: Invite): string {
  return routeHash({ name: 'join', ...invite });
}
