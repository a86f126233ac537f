// A network cut mid-edit between a client and `rootline serve`, with edits on both sides while
// the link is down: once it is back, both replicas hold every edit and are equal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy } from '../../../helpers/services/proxy';
import type { TcpProxy } from '../../../helpers/services/proxy';
import { waitUntil } from '../../../helpers/services/ports';
import { modelDocName, sectionDocName } from '../../../../shared/sync/names';
import { acknowledged, connectClient } from '../../../helpers/sync/clients';
import type { TestClient } from '../../../helpers/sync/clients';
import { TABLE, rowIds, startWriter, tableJson } from '../../../helpers/sync/rows';
import { inviteToken, spawnServe } from '../../../helpers/sync/serve';
import type { ServeInstance } from '../../../helpers/sync/serve';

const DOC = modelDocName('cut-1');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('rootline serve behind a proxy that cuts the link', () => {
  let dataDir: string;
  let serve: ServeInstance;
  let token: string;
  const proxies: TcpProxy[] = [];
  const clients: TestClient[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rootline-cut-'));
    serve = await spawnServe({ dataDir });
    token = inviteToken({ dataDir, incident: 'cut-1', role: 'author', name: 'Ana' });
  }, 120_000);
  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const proxy of proxies) await proxy.close();
    await serve.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function clientThroughProxy(doc = DOC): Promise<{ client: TestClient; proxy: TcpProxy }> {
    const proxy = await startTcpProxy({ port: serve.port });
    const client = connectClient(`ws://127.0.0.1:${proxy.port}`, doc, token);
    proxies.push(proxy);
    clients.push(client);
    await acknowledged(client);
    return { client, proxy };
  }

  it('converges after cuts mid-edit, with both sides editing while apart', async () => {
    const a = await clientThroughProxy();
    const b = await clientThroughProxy();
    const docA = a.client;
    const docB = b.client;
    const writerA = startWriter(docA, 'a', 7);
    const writerB = startWriter(docB, 'b', 11);

    // One side cut while both keep writing, then both sides cut at once.
    await sleep(300);
    a.proxy.cut();
    await sleep(400);
    expect(a.client.socket.status).not.toBe('connected');
    // While apart, both change different fields of one row (field-level last-writer-wins).
    docA.doc
      .getMap<Y.Map<string>>(TABLE)
      .get(writerA.written[0] ?? '')
      ?.set('summary', 'edited on A');
    a.proxy.restore();
    await sleep(300);
    a.proxy.cut();
    b.proxy.cut();
    docB.doc
      .getMap<Y.Map<string>>(TABLE)
      .get(writerA.written[0] ?? '')
      ?.set('owner', 'set on B');
    await sleep(400);
    a.proxy.restore();
    b.proxy.restore();
    await sleep(200);
    writerA.stop();
    writerB.stop();

    const all = [...writerA.written, ...writerB.written].sort();
    await waitUntil(
      () => rowIds(docA.doc).length === all.length && rowIds(docB.doc).length === all.length,
      'both replicas to hold every row',
    );
    expect(rowIds(docA.doc)).toEqual(all);
    expect(rowIds(docB.doc)).toEqual(all);
    expect(tableJson(docA.doc)).toEqual(tableJson(docB.doc));
    const shared = tableJson(docA.doc) as Record<string, Record<string, unknown>>;
    expect(shared[writerA.written[0] ?? '']).toMatchObject({ summary: 'edited on A', owner: 'set on B' });
    // The cuts were real: each proxy saw the client come back.
    expect(a.proxy.acceptedConnections).toBeGreaterThanOrEqual(3);
    expect(b.proxy.acceptedConnections).toBeGreaterThanOrEqual(2);

    // And the server holds the same: a client that was never cut reads it all.
    const docR = connectClient(serve.url, DOC, token);
    clients.push(docR);
    await waitUntil(() => docR.provider.isSynced, 'a fresh read');
    expect(tableJson(docR.doc)).toEqual(tableJson(docA.doc));
  }, 60_000);

  it('a link that goes silent mid-edit resumes on the same connection and converges', async () => {
    const doc = sectionDocName('cut-1', 's1');
    const a = await clientThroughProxy(doc);
    const b = await clientThroughProxy(doc);
    const docA = a.client;
    const docB = b.client;
    const accepted = a.proxy.acceptedConnections;
    const writerA = startWriter(docA, 'a', 7);
    const writerB = startWriter(docB, 'b', 11);
    const rowsOfAOnB = (): number => rowIds(docB.doc).filter((id) => id.startsWith('a-')).length;
    await sleep(300);
    a.proxy.stall();
    await sleep(100);
    const seenAtStall = rowsOfAOnB();
    await sleep(1_500);
    // Nothing of A's passed while the link was silent, though A kept writing.
    expect(rowsOfAOnB()).toBe(seenAtStall);
    expect(writerA.written.length).toBeGreaterThan(seenAtStall + 20);
    a.proxy.restore();
    await sleep(300);
    writerA.stop();
    writerB.stop();

    const all = [...writerA.written, ...writerB.written].sort();
    await waitUntil(
      () => rowIds(docA.doc).length === all.length && rowIds(docB.doc).length === all.length,
      'both replicas to hold every row',
    );
    expect(rowIds(docA.doc)).toEqual(all);
    expect(tableJson(docA.doc)).toEqual(tableJson(docB.doc));
    // The same connection carried on: A's proxy accepted no new one.
    expect(a.proxy.acceptedConnections).toBe(accepted);
  }, 60_000);
});
