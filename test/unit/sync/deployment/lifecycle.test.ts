// What docs/sync-server.md tells an operator to do, done to a running `rootline serve` (SQLite):
// stop it for an upgrade while clients are connected and writing, and restore an online backup
// after losing the data folder. Clients keep full copies, so they fill in what a backup lacks.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { onPath } from '../../../helpers/services/binaries';
import { describeWithService } from '../../../helpers/services/gate';
import { waitUntil } from '../../../helpers/services/ports';
import { startTcpProxy } from '../../../helpers/services/proxy';
import type { TcpProxy } from '../../../helpers/services/proxy';
import { modelDocName } from '../../../../shared/sync/names';
import { acknowledged, connectClient } from '../../../helpers/sync/clients';
import type { TestClient } from '../../../helpers/sync/clients';
import { readRows, serverHolds, startWriter } from '../../../helpers/sync/rows';
import { inviteToken, spawnServe } from '../../../helpers/sync/serve';
import type { ServeInstance } from '../../../helpers/sync/serve';

const DOC = modelDocName('ops-1');
const sqlite3 = onPath('sqlite3');
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function setup(): Promise<{
  dataDir: string;
  token: string;
  serve: ServeInstance;
  client: TestClient;
  link: TcpProxy;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rootline-ops-'));
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const token = inviteToken({ dataDir, incident: 'ops-1', role: 'author', name: 'Ana' });
  const serve = await spawnServe({ dataDir });
  cleanup.push(() => serve.kill());
  // The client's network link, so a test can keep it away while the server is restored.
  const link = await startTcpProxy({ port: serve.port });
  cleanup.push(() => link.close());
  const client = connectClient(`ws://127.0.0.1:${link.port}`, DOC, token);
  cleanup.push(() => client.destroy());
  await acknowledged(client);
  return { dataDir, token, serve, client, link };
}

describe('rootline serve lifecycle', () => {
  it('stops gracefully (SIGTERM) with clients connected and writing, and the next start serves everything', async () => {
    const { dataDir, token, serve, client } = await setup();
    const writer = startWriter(client, 'u', 5);
    await waitUntil(() => writer.acknowledged().length >= 30, '30 acknowledged rows');

    const started = Date.now();
    const code = await serve.stop(10_000);
    const stopMs = Date.now() - started;
    expect(
      code,
      `exit code of rootline serve (null: still running after 10 s); it printed:\n${serve.output()}`,
    ).toBe(0);
    expect(stopMs).toBeLessThan(10_000);
    const acknowledgedRows = writer.acknowledged();

    // The upgraded server starts on the same data and port; the client reconnects by itself.
    const next = await spawnServe({ dataDir, port: serve.port });
    cleanup.push(() => next.kill());
    const stored = new Set(await readRows(next.url, token, DOC));
    expect(acknowledgedRows.filter((id) => !stored.has(id))).toEqual([]);
    writer.stop();
    expect(await serverHolds(next.url, token, DOC, writer.written)).toEqual([...writer.written].sort());
  }, 60_000);
});

describeWithService(
  'rootline serve restored from an online backup',
  { service: 'sqlite3', located: sqlite3, install: 'apt-get install sqlite3' },
  () => {
    it('takes a backup while serving; after losing the data, the restored server is filled in by its clients', async () => {
      const { dataDir, token, serve, client: entry, link } = await setup();
      const before = startWriter(entry, 'before', 5);
      await waitUntil(() => before.written.length >= 30, '30 rows');
      before.stop();
      await serverHolds(serve.url, token, DOC, before.written);

      // The backup command of docs/sync-server.md, run while the server is serving.
      const backupDir = mkdtempSync(join(tmpdir(), 'rootline-ops-backup-'));
      cleanup.push(() => rmSync(backupDir, { recursive: true, force: true }));
      const backup = join(backupDir, 'sync.db');
      execFileSync('sqlite3', [join(dataDir, 'sync.db'), `.backup '${backup}'`]);

      const after = startWriter(entry, 'after', 5);
      await waitUntil(() => after.written.length >= 30, '30 more rows');
      after.stop();
      await serverHolds(serve.url, token, DOC, after.written);

      // Disaster: the server and its database are gone; the backup and secret.key are restored.
      link.cut();
      await serve.kill();
      for (const file of ['sync.db', 'sync.db-wal', 'sync.db-shm'])
        rmSync(join(dataDir, file), { force: true });
      copyFileSync(backup, join(dataDir, 'sync.db'));
      const restored = await spawnServe({ dataDir, port: serve.port });
      cleanup.push(() => restored.kill());
      expect(await readRows(restored.url, token, DOC)).toEqual([...before.written].sort());

      // The client comes back and hands over what the backup lacks.
      link.restore();
      const all = [...before.written, ...after.written];
      expect(await serverHolds(restored.url, token, DOC, all)).toEqual([...all].sort());
    }, 60_000);
  },
);
