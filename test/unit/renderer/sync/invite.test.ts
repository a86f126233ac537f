import { describe, expect, it } from 'vitest';
import { claimsCover, readTokenClaims } from '../../../../renderer/sync/claims';
import {
  checkTokenShape,
  joinHash,
  normaliseServerUrl,
  parseInviteLink,
} from '../../../../renderer/sync/invite';
import { parseRoute } from '../../../../renderer/routing/route';
import { fakeToken } from './tokens';

const token = fakeToken({ name: 'Rita', role: 'reviewer', incidents: ['inc-1'], exp: 4_000_000_000 });

describe('normaliseServerUrl', () => {
  it.each([
    ['ws://host:5230', 'ws://host:5230'],
    ['wss://sync.example/', 'wss://sync.example'],
    ['http://127.0.0.1:5230', 'ws://127.0.0.1:5230'],
    ['https://sync.example/rootline//', 'wss://sync.example/rootline'],
    ['  host:5230 ', 'ws://host:5230'],
  ])('%s → %s', (input, out) => {
    expect(normaliseServerUrl(input)).toEqual({ ok: true, value: out });
  });

  it.each([
    ['', /Enter the sync server address/],
    ['ftp://host', /"ftp:\/\/" is not a sync server scheme/],
    ['ws://host:5230/?token=x', /no "\?…" or "#…" part/],
    ['ws://exa mple', /is not a server address/],
  ])('refuses %j naming why', (input, message) => {
    const r = normaliseServerUrl(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

describe('invite links', () => {
  it('reads rootline:// and #/join links alike', () => {
    const q = `server=${encodeURIComponent('http://h:1')}&token=${token}`;
    for (const link of [`rootline://join?${q}`, `http://app.example/#/join?${q}`, `#/join?${q}`]) {
      expect(parseInviteLink(link)).toEqual({ ok: true, value: { server: 'ws://h:1', token } });
    }
  });

  it('round-trips through the join route', () => {
    const hash = joinHash({ server: 'wss://s.example', token });
    expect(parseRoute(hash)).toEqual({ name: 'join', server: 'wss://s.example', token });
  });

  it('names the missing part', () => {
    expect(parseInviteLink('rootline://join?token=' + token)).toEqual({
      ok: false,
      error: 'The invite link names no server.',
    });
    expect(parseInviteLink('rootline://join?server=ws://h')).toEqual({
      ok: false,
      error: 'The invite link carries no token.',
    });
    const r = parseInviteLink('https://example.com/page');
    expect(r.ok).toBe(false);
  });

  it('refuses text that is not a token', () => {
    expect(checkTokenShape('hello').ok).toBe(false);
    expect(checkTokenShape(` ${token} `)).toEqual({ ok: true, value: token });
  });
});

describe('readTokenClaims', () => {
  it('reads name, role and incidents', () => {
    const r = readTokenClaims(token);
    expect(r).toEqual({
      ok: true,
      value: { name: 'Rita', role: 'reviewer', incidents: ['inc-1'], exp: 4_000_000_000 },
    });
    if (r.ok) {
      expect(claimsCover(r.value, 'inc-1')).toBe(true);
      expect(claimsCover(r.value, 'inc-2')).toBe(false);
    }
  });

  it('refuses an expired token, naming when it expired', () => {
    const old = fakeToken({ name: 'A', role: 'author', incidents: '*', exp: 1_700_000_000 });
    const r = readTokenClaims(old);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('expired on 2023-11-14 22:13 UTC');
  });

  it('refuses a token without a role', () => {
    const r = readTokenClaims(fakeToken({ name: 'A', incidents: '*' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^The token's claims are not valid: role/);
  });
});
