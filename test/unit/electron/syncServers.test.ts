// The desktop window may connect to its configured sync servers and nowhere else.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildAppCsp } from '../../../electron/security/csp';
import { SyncServerAllowList, syncServerSource } from '../../../electron/sync/servers';
import { createIpcHandlers } from '../../../electron/ipc/handlers';
import { PickedFileRegistry } from '../../../electron/files/picked';
import { findInviteInArgv, inviteFromUrl } from '../../../electron/sync/deepLink';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
async function tempFile(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rootline-sync-servers-'));
  dirs.push(dir);
  return path.join(dir, 'sync-servers.json');
}

function connectSrc(csp: string): string[] {
  const part = csp.split(';').find((p) => p.trim().startsWith('connect-src')) ?? '';
  return part.trim().split(/\s+/).slice(1);
}

describe('syncServerSource', () => {
  it.each([
    ['ws://127.0.0.1:5230', 'ws://127.0.0.1:5230'],
    ['wss://sync.example/rootline/', 'wss://sync.example/rootline'],
  ])('keeps %s as %s', (input, out) => expect(syncServerSource(input)).toBe(out));
  it.each([
    'https://sync.example',
    'ws://user:pw@host',
    'ws://host/?x=1',
    'ws://host/#a',
    'nonsense',
    "'unsafe-inline'",
  ])('refuses %s', (input) => expect(syncServerSource(input)).toBeNull());
});

describe('SyncServerAllowList', () => {
  it('opens connect-src and the request filter to exactly the configured servers', async () => {
    const list = new SyncServerAllowList(await tempFile());
    expect(connectSrc(buildAppCsp(list.list()))).toEqual(["'self'"]);
    expect(list.allowsRequest('ws://127.0.0.1:5230/')).toBe(false);
    expect(await list.set(['ws://127.0.0.1:5230', 'wss://sync.example/rootline'])).toEqual([
      'ws://127.0.0.1:5230',
      'wss://sync.example/rootline',
    ]);
    expect(connectSrc(buildAppCsp(list.list()))).toEqual([
      "'self'",
      'ws://127.0.0.1:5230',
      'wss://sync.example/rootline',
    ]);
    expect(list.allowsRequest('ws://127.0.0.1:5230/')).toBe(true);
    expect(list.allowsRequest('wss://sync.example/rootline/ws')).toBe(true);
    expect(list.allowsRequest('wss://sync.example/rootline-evil')).toBe(false);
    expect(list.allowsRequest('ws://127.0.0.1:5231/')).toBe(false);
    expect(list.allowsRequest('https://127.0.0.1:5230/')).toBe(false);
  });

  it('says which servers are new, keeps them across a restart, and drops removed ones at once', async () => {
    const file = await tempFile();
    const a = new SyncServerAllowList(file);
    await a.set(['ws://h:1']);
    expect(await a.set(['ws://h:1', 'ws://h:2'])).toEqual(['ws://h:2']);
    const b = new SyncServerAllowList(file);
    await b.load();
    expect(b.list()).toEqual(['ws://h:1', 'ws://h:2']);
    expect(await b.set(['ws://h:2'])).toEqual([]);
    expect(b.allowsRequest('ws://h:1/')).toBe(false);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(['ws://h:2']);
  });

  it('reads a damaged file as no servers', async () => {
    const file = await tempFile();
    await writeFile(file, '{not json');
    const list = new SyncServerAllowList(file);
    await list.load();
    expect(list.list()).toEqual([]);
  });

  it('is set through the sync:allowServers channel', async () => {
    const syncServers = new SyncServerAllowList(null);
    const handlers = createIpcHandlers(
      {
        appInfo: () => ({ version: '1', platform: 'linux', electron: '', chrome: '', packaged: false }),
        showOpenDialog: async () => [],
        showSaveDialog: async () => null,
        openInBrowser: async () => false,
        printToPdf: async () => new Uint8Array(),
        listenForMenu: () => 0,
        syncServers,
      },
      new PickedFileRegistry(),
    );
    const ctx = { senderId: 1 };
    expect(await handlers['sync:allowServers']({ servers: ['ws://h:9'] }, ctx)).toEqual({
      added: ['ws://h:9'],
    });
    expect(syncServers.list()).toEqual(['ws://h:9']);
  });
});

describe('invite links from the OS', () => {
  const token = 'eyJhbGciOiJIUzI1NiJ9.eyJuYW1lIjoiUiJ9.c2ln';
  it('finds a rootline:// invite among the arguments', () => {
    const link = `rootline://join?server=${encodeURIComponent('wss://sync.example')}&token=${token}`;
    expect(findInviteInArgv(['--flag', '/tmp/x.rootline.json', link])).toEqual({
      server: 'wss://sync.example',
      token,
    });
    expect(inviteFromUrl(link)).toEqual({ server: 'wss://sync.example', token });
  });
  it('ignores anything that is not a valid invite', () => {
    expect(findInviteInArgv(['rootline://join?server=ftp://x&token=a', 'https://example.com'])).toBeNull();
    expect(inviteFromUrl('rootline://elsewhere')).toBeNull();
  });
});
