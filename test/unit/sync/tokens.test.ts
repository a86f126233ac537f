import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  accessFor,
  inviteLink,
  parseInviteLink,
  readTokenClaims,
  type SyncClaims,
} from '../../../shared/sync/tokens';

const NOW = Date.UTC(2026, 11, 3, 7, 0, 0);
const secret = new TextEncoder().encode('test secret of thirty-two bytes!');

async function sign(payload: Record<string, unknown>): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(secret);
}

const reviewer: SyncClaims = { name: 'Ana', role: 'reviewer', incidents: ['I1'], exp: NOW / 1000 + 3600 };
const author: SyncClaims = { name: 'Bo', role: 'author', incidents: '*', exp: NOW / 1000 + 3600 };

describe('readTokenClaims', () => {
  it('reads the claims of a signed token without the secret', async () => {
    const token = await sign({ ...reviewer, iat: 1 });
    expect(readTokenClaims(token)).toEqual({ ok: true, claims: reviewer });
  });

  it('names what is wrong with a token', async () => {
    expect(readTokenClaims('not a token')).toEqual({
      ok: false,
      reason: expect.stringMatching(/not a sync token/),
    });
    const noRole = readTokenClaims(await sign({ name: 'Ana', incidents: ['I1'], exp: 5 }));
    expect(noRole.ok ? '' : noRole.reason).toMatch(/role/);
    const noIncident = readTokenClaims(await sign({ ...reviewer, incidents: [] }));
    expect(noIncident.ok ? '' : noIncident.reason).toMatch(/incidents: the token names no incident/);
    const blankName = readTokenClaims(await sign({ ...reviewer, name: '   ' }));
    expect(blankName.ok ? '' : blankName.reason).toMatch(/name: the name is empty/);
  });
});

describe('accessFor', () => {
  it('gives authors write access to every document of their incidents', () => {
    for (const ref of [
      { kind: 'model', incidentId: 'I1' },
      { kind: 'review', incidentId: 'I9' },
      { kind: 'section', incidentId: 'I1', sectionId: 'S' },
    ] as const) {
      expect(accessFor(author, ref, NOW)).toEqual({ ok: true, access: 'write' });
    }
  });

  it('gives reviewers read-only model and sections and checked review writes', () => {
    expect(accessFor(reviewer, { kind: 'model', incidentId: 'I1' }, NOW)).toEqual({
      ok: true,
      access: 'read',
    });
    expect(accessFor(reviewer, { kind: 'section', incidentId: 'I1', sectionId: 'S' }, NOW)).toEqual({
      ok: true,
      access: 'read',
    });
    expect(accessFor(reviewer, { kind: 'review', incidentId: 'I1' }, NOW)).toEqual({
      ok: true,
      access: 'review',
    });
  });

  it('refuses another incident and an expired token', () => {
    expect(accessFor(reviewer, { kind: 'review', incidentId: 'I2' }, NOW)).toEqual({
      ok: false,
      reason: 'the token does not open incident I2',
    });
    expect(accessFor(reviewer, { kind: 'review', incidentId: 'I1' }, NOW + 3600_000)).toEqual({
      ok: false,
      reason: 'the token expired on 2026-12-03T08:00:00.000Z',
    });
  });
});

describe('invite links', () => {
  it('round-trips through the rootline:// link and the web #/join route', () => {
    const invite = { server: 'wss://sync.example.com/rootline?x=1', token: 'a.b.c' };
    const link = inviteLink(invite);
    expect(link).toBe('rootline://join?server=wss%3A%2F%2Fsync.example.com%2Frootline%3Fx%3D1&token=a.b.c');
    expect(parseInviteLink(link)).toEqual({ ok: true, invite });
    const web = `https://app.example.com/index.html#/join?${link.split('?')[1] ?? ''}`;
    expect(parseInviteLink(web)).toEqual({ ok: true, invite });
  });

  it('names what an invite lacks', () => {
    expect(parseInviteLink('https://example.com')).toMatchObject({ ok: false, reason: /not an invite link/ });
    expect(parseInviteLink('rootline://join?token=a.b.c')).toMatchObject({ ok: false, reason: /no server/ });
    expect(parseInviteLink('rootline://join?server=ftp%3A%2F%2Fx&token=t')).toMatchObject({
      ok: false,
      reason: /not a ws:\/\//,
    });
    expect(parseInviteLink('rootline://join?server=ws%3A%2F%2Fh%3A1')).toMatchObject({
      ok: false,
      reason: /no token/,
    });
  });
});
