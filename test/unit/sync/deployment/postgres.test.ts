// `rootline serve --postgres`: a crash of the server, and a crash of PostgreSQL under a running
// server, lose nothing the server acknowledged; once everything is back, nothing written is lost.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { locatePostgres } from '../../../helpers/services/binaries';
import { describeWithService } from '../../../helpers/services/gate';
import { waitUntil } from '../../../helpers/services/ports';
import { startPostgres } from '../../../helpers/services/postgres';
import { startTcpProxy } from '../../../helpers/services/proxy';
import type { TcpProxy } from '../../../helpers/services/proxy';
import type { PostgresService } from '../../../helpers/services/postgres';
import { modelDocName } from '../../../../shared/sync/names';
import { acknowledged, connectClient } from '../../../helpers/sync/clients';
import type { TestClient } from '../../../helpers/sync/clients';
import { readRows, serverHolds, startWriter } from '../../../helpers/sync/rows';
import { inviteToken, spawnServe } from '../../../helpers/sync/serve';
import type { ServeInstance } from '../../../helpers/sync/serve';

const bindir = locatePostgres() ?? '';
const need = { service: 'PostgreSQL', located: locatePostgres(), install: 'apt-get install postgresql' };
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describeWithService('rootline serve on PostgreSQL', need, () => {
  let postgres: PostgresService;
  let database: string;
  let dataDir: string;
  let token: string;
  const clients: TestClient[] = [];
  const links: TcpProxy[] = [];
  const servers: ServeInstance[] = [];

  beforeAll(async () => {
    postgres = await startPostgres();
    database = await postgres.createDatabase('rootline_sync');
    dataDir = mkdtempSync(join(tmpdir(), 'rootline-pg-serve-'));
    token = inviteToken({ dataDir, incident: '*', role: 'author', name: 'Ana' });
  }, 120_000);
  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const link of links) await link.close();
    for (const server of servers) await server.kill();
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function serve(port?: number): Promise<ServeInstance> {
    const server = await spawnServe({ dataDir, postgres: database, ...(port === undefined ? {} : { port }) });
    servers.push(server);
    return server;
  }

  it('keeps every acknowledged update when the server is killed mid-edit and restarted', async () => {
    const name = modelDocName('pg-1');
    const first = await serve();
    const entry = connectClient(first.url, name, token);
    clients.push(entry);
    await acknowledged(entry);
    const writer = startWriter(entry, 'a', 5);
    await waitUntil(() => writer.acknowledged().length >= 40, '40 acknowledged rows');

    await first.kill();
    const acknowledgedRows = writer.acknowledged();
    const writtenAtKill = writer.written.length;
    // The client keeps editing while the server is down.
    await sleep(300);
    const second = await serve(first.port);
    const stored = new Set(await readRows(second.url, token, name));
    expect(acknowledgedRows.filter((id) => !stored.has(id))).toEqual([]);

    // The client reconnects by itself and hands over what the server had not acknowledged.
    writer.stop();
    expect(writer.written.length).toBeGreaterThan(writtenAtKill);
    expect(await serverHolds(second.url, token, name, writer.written)).toEqual([...writer.written].sort());
  }, 120_000);

  it('is restored from a pg_dump backup, and its clients fill in what the backup lacks', async () => {
    const name = modelDocName('pg-3');
    const server = await serve();
    const link = await startTcpProxy({ port: server.port });
    links.push(link);
    const entry = connectClient(`ws://127.0.0.1:${link.port}`, name, token);
    clients.push(entry);
    await acknowledged(entry);
    const before = startWriter(entry, 'before', 5);
    await waitUntil(() => before.written.length >= 30, '30 rows');
    before.stop();
    await serverHolds(server.url, token, name, before.written);

    // The backup and restore commands of docs/sync-server.md.
    const dump = join(dataDir, 'rootline-sync.dump');
    execFileSync(join(bindir, 'pg_dump'), ['--format=custom', `--file=${dump}`, database]);
    const after = startWriter(entry, 'after', 5);
    await waitUntil(() => after.written.length >= 30, '30 more rows');
    after.stop();
    await serverHolds(server.url, token, name, after.written);

    link.cut();
    await server.kill();
    execFileSync(join(bindir, 'pg_restore'), ['--clean', '--if-exists', `--dbname=${database}`, dump]);
    const restored = await serve(server.port);
    expect(await readRows(restored.url, token, name)).toEqual([...before.written].sort());
    link.restore();
    const all = [...before.written, ...after.written];
    expect(await serverHolds(restored.url, token, name, all)).toEqual([...all].sort());
    await restored.kill();
  }, 120_000);

  it('keeps every acknowledged update when PostgreSQL crashes under a running server', async () => {
    const name = modelDocName('pg-2');
    const server = await serve();
    const entry = connectClient(server.url, name, token);
    clients.push(entry);
    await acknowledged(entry);
    const writer = startWriter(entry, 'p', 5);
    await waitUntil(() => writer.acknowledged().length >= 40, '40 acknowledged rows');

    await postgres.kill();
    const acknowledgedBefore = writer.acknowledged();
    await sleep(500);
    await postgres.start();
    await sleep(300);
    writer.stop();

    // The server lives through its database going away (it refuses changes meanwhile)…
    expect(server.running, `rootline serve exited; it printed:\n${server.output()}`).toBe(true);
    // …and whatever it did while the database was gone, the client ends up fully stored.
    const stored = await serverHolds(server.url, token, name, writer.written, 60_000);
    expect(stored).toEqual([...writer.written].sort());
    expect(acknowledgedBefore.length).toBeGreaterThanOrEqual(40);

    // The server applies only what it stored, so all of it is durable: a crash keeps it.
    await server.kill();
    const again = await serve(server.port);
    expect(await readRows(again.url, token, name)).toEqual([...writer.written].sort());
  }, 120_000);
});
