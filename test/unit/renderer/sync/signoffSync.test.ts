// Sign-off over a sync server: a reviewer's decision recorded on their machine reaches the
// author's, and the other way round, through the review document's `signoffs` table (the real
// engine and document model against a Hocuspocus server on a random loopback port; the other
// machine is a bare provider on the same documents).
import 'fake-indexeddb/auto';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Server } from '@hocuspocus/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NodeWebSocket } from '../../../helpers/sync/nodeWebSocket';
import { clearDocument } from 'y-indexeddb';
import * as Y from 'yjs';
import { createIncident, summarizeSignOffs, type SignOff } from '../../../../shared/domain';
import { applyRowChanges, projectDocs, type SharedDocs } from '../../../../shared/sync';
import { localStoreName, modelDocName, reviewDocName } from '../../../../shared/sync/names';
import { getIncident, putIncident } from '../../../../renderer/db/repos/incidents';
import { setPref } from '../../../../renderer/db/repos/prefs';
import { listSignOffs, publishIncident, recordSignOff } from '../../../../renderer/db/repos/signoffs';
import type { RootlineDb } from '../../../../renderer/db/schema';
import { SyncConnections } from '../../../../renderer/sync/connection';
import { SyncEngine } from '../../../../renderer/sync/engine';
import { resetShares, SHARES_PREF } from '../../../../renderer/sync/shares';
import { syncStatusOf } from '../../../../renderer/sync/status';
import { sharedSyncModel } from '../../../../renderer/sync/syncModel';
import { freshDb } from '../../db/testDb';
import { fakeToken } from './tokens';

const NOW = 1_700_000_000_000;
const INCIDENT = {
  ...createIncident({ id: 'i1', now: NOW, title: 'Checkout down' }),
  reviewers: ['Rita'],
  status: 'in-review' as const,
};

let server: Server;
let url = '';
let db: RootlineDb;
let engine: SyncEngine | null = null;
const peers: HocuspocusProvider[] = [];
const sockets: HocuspocusProviderWebsocket[] = [];
const problems: string[] = [];

async function until(ok: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function peer(incidentId: string): Promise<SharedDocs> {
  const docs = { model: new Y.Doc(), review: new Y.Doc() };
  for (const [name, doc] of [
    [modelDocName(incidentId), docs.model],
    [reviewDocName(incidentId), docs.review],
  ] as const) {
    const websocketProvider = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: NodeWebSocket });
    const p = new HocuspocusProvider({ name, document: doc, token: 'x', websocketProvider });
    p.attach();
    peers.push(p);
    sockets.push(websocketProvider);
    await until(() => p.isSynced, `${name} to sync`);
  }
  return docs;
}

async function share(role: 'author' | 'reviewer', name: string): Promise<void> {
  const token = fakeToken({ name, role, incidents: ['i1'], exp: 4_000_000_000 });
  await setPref(SHARES_PREF, [{ incidentId: 'i1', server: url, token, name, role, sharedAt: NOW }]);
  engine = new SyncEngine(
    new SyncConnections({ WebSocketPolyfill: NodeWebSocket }),
    sharedSyncModel,
    () => db,
    (m) => problems.push(m),
  );
  await engine.start();
}

const signoffsOn = (docs: SharedDocs): SignOff[] => projectDocs(docs, 'i1').rows.signoffs;

beforeEach(async () => {
  server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
  await server.listen();
  url = `ws://127.0.0.1:${server.address.port}`;
  db = freshDb('signoff-sync');
  resetShares();
  problems.length = 0;
});

afterEach(async () => {
  await engine?.stop();
  engine = null;
  for (const p of peers.splice(0)) p.destroy();
  for (const w of sockets.splice(0)) w.destroy();
  await server.destroy();
  for (const name of [modelDocName('i1'), reviewDocName('i1')]) await clearDocument(localStoreName(name));
});

describe('sign-off over a sync server', () => {
  it("a reviewer's decisions reach the author's machine; publishing stays the author's", async () => {
    const author = await peer('i1');
    applyRowChanges(author, [{ table: 'incidents', type: 'put', row: INCIDENT }], {
      incidentId: 'i1',
      now: NOW,
      name: 'Alice',
      role: 'author',
    });
    await share('reviewer', 'Rita');
    await until(async () => (await getIncident('i1')) !== undefined, 'the incident in Dexie');

    const asked = await recordSignOff(
      'i1',
      { decision: 'changes-requested', by: 'Rita', comment: 'Add the rollback' },
      NOW + 1,
    );
    const approved = await recordSignOff('i1', { decision: 'approved', by: 'Rita', comment: '' }, NOW + 2);
    expect(asked.ok && approved.ok).toBe(true);
    await until(() => signoffsOn(author).length === 2, 'both sign-offs on the author machine');
    const there = signoffsOn(author);
    expect(summarizeSignOffs(INCIDENT.reviewers, there).state).toBe('approved');
    expect(there.map((s) => [s.decision, s.by, s.comment]).sort()).toEqual([
      ['approved', 'Rita', ''],
      ['changes-requested', 'Rita', 'Add the rollback'],
    ]);

    // The incident's status is the model's: a reviewer cannot publish, and nothing is written.
    const published = await publishIncident('i1', { by: 'Rita', override: null });
    expect(published).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Could not publish; nothing was changed\./) as unknown,
    });
    expect((await getIncident('i1'))?.status).toBe('in-review');
    expect(projectDocs(author, 'i1').incident?.status).toBe('in-review');
    await until(() => syncStatusOf('i1')?.unsynced === 0, 'everything acknowledged');
  });

  it("the reviewer's approval arrives live on the author's machine, which can then publish", async () => {
    await putIncident(INCIDENT);
    await share('author', 'Alice');
    const reviewer = await peer('i1');
    await until(() => projectDocs(reviewer, 'i1').incident !== null, 'the seed');
    const row: SignOff = {
      id: 's1',
      incidentId: 'i1',
      decision: 'approved',
      by: 'Rita',
      comment: 'LGTM',
      at: NOW + 3,
      pending: [],
    };
    const applied = applyRowChanges(reviewer, [{ table: 'signoffs', type: 'put', row }], {
      incidentId: 'i1',
      now: NOW + 3,
      name: 'Rita',
      role: 'reviewer',
    });
    expect(applied.refused).toEqual([]);
    await until(async () => (await listSignOffs('i1')).length === 1, 'the approval in Dexie');
    expect(await listSignOffs('i1')).toEqual([row]);
    expect(await publishIncident('i1', { by: 'Alice', override: null })).toEqual({
      ok: true,
      override: null,
    });
    await until(
      () => projectDocs(reviewer, 'i1').incident?.status === 'published',
      'the status on the reviewer machine',
    );
    expect(problems).toEqual([]);
  });
});
