import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SQLITE_FILE } from '../../../cli/sync/sqliteStore';
import { modelDocName } from '../../../shared/sync/names';
import { parseInviteLink, readTokenClaims } from '../../../shared/sync/tokens';
import { acknowledged, connectClient, type TestClient } from '../../helpers/sync/clients';
import { rootline, startServeProcess, type ServeProcess } from '../../helpers/sync/process';
import { tempDataDir } from '../../helpers/sync/server';
import { waitUntil } from '../../helpers/services/ports';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function started(dataDir: string): Promise<ServeProcess> {
  const p = await startServeProcess(['--data', dataDir]);
  cleanups.push(() => void p.child.kill('SIGKILL'));
  return p;
}

function client(url: string, token: string): TestClient {
  const c = connectClient(url, modelDocName('I1'), token);
  cleanups.push(() => c.destroy());
  return c;
}

function authorToken(dataDir: string): string {
  const r = rootline(
    'serve',
    'invite',
    '--data',
    dataDir,
    '--incident',
    'I1',
    '--role',
    'author',
    '--name',
    'Ana',
    '--json',
  );
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { token: string }).token;
}

describe('rootline serve invite', () => {
  it('prints a link and a token signed with the data folder’s secret', () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const r = rootline(
      'serve',
      'invite',
      '--data',
      data.dir,
      '--incident',
      'I1',
      '--incident',
      'I2',
      '--role',
      'reviewer',
      '--name',
      'Rui',
      '--days',
      '7',
      '--url',
      'wss://sync.example.com',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Invite for Rui \(reviewer, incident I1, I2\), valid until \d{4}-\d\d-\d\dT/);
    const link = r.stdout.split('\n').find((line) => line.startsWith('rootline://join?')) ?? '';
    const invite = parseInviteLink(link);
    if (!invite.ok) throw new Error(invite.reason);
    expect(invite.invite.server).toBe('wss://sync.example.com');
    const claims = readTokenClaims(invite.invite.token);
    expect(claims).toMatchObject({
      ok: true,
      claims: { name: 'Rui', role: 'reviewer', incidents: ['I1', 'I2'] },
    });
    if (claims.ok) expect(claims.claims.exp * 1000 - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
  });

  it.each([
    [['--role', 'reviewer', '--name', 'Rui'], /--incident ID \(repeatable\) or --all/],
    [
      ['--all', '--incident', 'I1', '--role', 'reviewer', '--name', 'Rui'],
      /--incident ID \(repeatable\) or --all/,
    ],
    [['--all', '--role', 'boss', '--name', 'Rui'], /--role must be author or reviewer \(got boss\)/],
    [['--all', '--role', 'reviewer'], /--name NAME is needed/],
    [['--all', '--role', 'reviewer', '--name', '  '], /name: the name is empty/],
    [['--all', '--role', 'reviewer', '--name', 'Rui', '--days', '0'], /--days "0" is not a number/],
    [
      ['--all', '--role', 'reviewer', '--name', 'Rui', '--url', 'sync.example.com'],
      /--url "sync.example.com" is not a ws:/,
    ],
  ])('refuses %j with a usage error', (args, message) => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const r = rootline('serve', 'invite', '--data', data.dir, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('rootline serve (a real process)', () => {
  it('keeps every acknowledged update when killed mid-edit (SIGKILL) and restarted on the same data', async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const token = authorToken(data.dir);
    const first = await started(data.dir);
    const writer = client(first.url, token);
    await acknowledged(writer);
    let sent = 0;
    let writing = true;
    const writes = (async () => {
      while (writing) {
        writer.doc.getMap('events').set(`E${sent}`, sent);
        sent += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await waitUntil(() => sent - writer.provider.unsyncedChanges > 300, '300 acknowledged updates');
    // Updates are acknowledged in the order they were sent: the first `acked` are stored.
    const acked = sent - writer.provider.unsyncedChanges;
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    writing = false;
    await writes;
    writer.destroy();

    const second = await started(data.dir);
    const reader = client(second.url, token);
    await acknowledged(reader);
    const events = reader.doc.getMap('events');
    const missing = Array.from({ length: acked }, (_, n) => `E${n}`).filter((key) => !events.has(key));
    expect(missing).toEqual([]);
  });

  it('stops on SIGTERM after storing everything in one compacted state', async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const token = authorToken(data.dir);
    const server = await started(data.dir);
    const writer = client(server.url, token);
    await acknowledged(writer);
    for (let n = 0; n < 50; n++) writer.doc.getMap('events').set(`E${n}`, n);
    await acknowledged(writer);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.stdout()).toMatch(/SIGTERM: closing connections and storing documents…\nStopped\.\n$/);
    const db = new Database(join(data.dir, SQLITE_FILE), { readonly: true });
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM updates')).toBe(0);
    expect(count('SELECT count(*) AS n FROM documents')).toBe(1);
    db.close();
  });

  it.each([
    [['--port', '99999'], /--port "99999" is not a port/],
    [
      ['--postgres', 'db.example.com'],
      /--postgres "db.example.com" is not a postgres:\/\/user:password@host:5432\/db URL/,
    ],
    [['--redis', 'http://x'], /--redis "http:\/\/x" must start with redis:\/\/ or rediss:\/\//],
    [['--max-document-mb', 'lots'], /--max-document-mb "lots" is not a number/],
    [['now'], /unexpected argument "now"/],
  ])('refuses %j, naming the option', (args, message) => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const r = rootline('serve', '--data', data.dir, ...args);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
  });

  it('says which port is taken, and that a data folder is in use', async () => {
    const data = tempDataDir();
    const other = tempDataDir();
    cleanups.push(data.remove, other.remove);
    const server = await started(data.dir);
    const port = new URL(server.url).port;
    const taken = rootline('serve', '--data', other.dir, '--port', port);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toBe(`rootline serve: port ${port} is in use (try --port)\n`);
    const shared = rootline('serve', '--data', data.dir, '--port', '0');
    expect(shared.code).toBe(1);
    expect(shared.stderr).toMatch(
      /^rootline serve: another rootline serve is using \/\S+ \(one server per data folder/,
    );
  });
});
