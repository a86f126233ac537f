// The sync engine with the real document model against a Hocuspocus server on a random loopback
// port; the other machine is a bare provider on the same documents.
import 'fake-indexeddb/auto';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Server } from '@hocuspocus/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NodeWebSocket } from '../../../helpers/sync/nodeWebSocket';
import { clearDocument } from 'y-indexeddb';
import * as Y from 'yjs';
import { createIncident, type CauseNode, type Comment } from '../../../../shared/domain';
import { applyRowChanges, projectDocs, type SharedDocs } from '../../../../shared/sync';
import { localStoreName, modelDocName, reviewDocName } from '../../../../shared/sync/names';
import { putCauses } from '../../../../renderer/db/repos/causes';
import { putIncident, deleteIncident } from '../../../../renderer/db/repos/incidents';
import { putComment } from '../../../../renderer/db/repos/comments';
import { recordSignOff } from '../../../../renderer/db/repos/signoffs';
import { ReadOnlyShareError } from '../../../../renderer/sync/dexieMirror';
import { setPref } from '../../../../renderer/db/repos/prefs';
import type { RootlineDb } from '../../../../renderer/db/schema';
import { SyncConnections } from '../../../../renderer/sync/connection';
import { SyncEngine } from '../../../../renderer/sync/engine';
import { currentShares, resetShares, SHARES_PREF } from '../../../../renderer/sync/shares';
import { syncStatusOf } from '../../../../renderer/sync/status';
import { sharedSyncModel } from '../../../../renderer/sync/syncModel';
import { freshDb } from '../../db/testDb';
import { fakeToken } from './tokens';

const NOW = 1_700_000_000_000;
const cause = (id: string, parentId: string | null, title: string): CauseNode => ({
  id,
  incidentId: 'i1',
  parentId,
  order: 0,
  kind: parentId === null ? 'incident' : 'cause',
  gate: 'AND',
  title,
  detail: '',
  category: null,
  evidenceEventIds: [],
  reviewState: 'open',
  createdAt: NOW,
  updatedAt: NOW,
});

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

/** The other machine: bare providers on the incident's two documents. */
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

beforeEach(async () => {
  server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
  await server.listen();
  url = `ws://127.0.0.1:${server.address.port}`;
  db = freshDb('engine');
  resetShares();
  problems.length = 0;
});

afterEach(async () => {
  await engine?.stop();
  engine = null;
  for (const p of peers.splice(0)) p.destroy();
  for (const w of sockets.splice(0)) w.destroy();
  await server.destroy();
  // Each test starts from machines that never stored these documents.
  for (const name of [modelDocName('i1'), reviewDocName('i1')]) await clearDocument(localStoreName(name));
});

describe('SyncEngine', () => {
  it("puts the author's incident on the server once, then mirrors edits both ways", async () => {
    await putIncident(createIncident({ id: 'i1', now: NOW, title: 'Checkout down' }));
    await putCauses([cause('top', null, 'Checkout down'), cause('c1', 'top', 'Config push')]);
    await share('author', 'Alice');
    const other = await peer('i1');
    await until(() => projectDocs(other, 'i1').rows.causes.length === 2, 'the seed to arrive');
    expect(projectDocs(other, 'i1').incident?.title).toBe('Checkout down');
    await until(
      () => syncStatusOf('i1')?.connection === 'connected' && syncStatusOf('i1')?.unsynced === 0,
      'ack',
    );

    // A local edit reaches the other machine.
    await putCauses([{ ...cause('c1', 'top', 'Config push skipped canary'), updatedAt: NOW + 1 }]);
    await until(
      () => projectDocs(other, 'i1').rows.causes.some((c) => c.title === 'Config push skipped canary'),
      'the local edit to arrive',
    );

    // A remote comment lands in Dexie.
    const comment: Comment = {
      id: 'k1',
      incidentId: 'i1',
      targetType: 'cause',
      targetId: 'c1',
      parentId: null,
      author: 'Rita',
      body: 'Why?',
      createdAt: NOW,
      editedAt: null,
      resolved: false,
      resolvedAt: null,
      resolvedBy: null,
    };
    applyRowChanges(other, [{ table: 'comments', type: 'put', row: comment }], {
      incidentId: 'i1',
      now: NOW,
      name: 'Rita',
      role: 'reviewer',
    });
    await until(async () => (await db.comments.get('k1')) !== undefined, 'the comment in Dexie');
    expect(await db.comments.get('k1')).toEqual(comment);

    // A cause deleted on the other machine goes here too (the document keeps a tombstone).
    applyRowChanges(other, [{ table: 'causes', type: 'delete', id: 'c1' }], {
      incidentId: 'i1',
      now: NOW + 2,
      name: 'Bob',
      role: 'author',
    });
    await until(async () => (await db.causes.get('c1')) === undefined, 'the cause to go');
    expect((await db.causes.get('top'))?.title).toBe('Checkout down');
    expect(problems).toEqual([]);
  });

  it('a joiner receives the incident into an empty database', async () => {
    const first = await peer('i1');
    const incident = createIncident({ id: 'i1', now: NOW, title: 'From the server' });
    applyRowChanges(
      first,
      [
        { table: 'incidents', type: 'put', row: incident },
        { table: 'causes', type: 'put', row: cause('top', null, 'From the server') },
      ],
      { incidentId: 'i1', now: NOW, name: 'Alice', role: 'author' },
    );
    await share('reviewer', 'Rita');
    await until(
      async () => (await db.incidents.get('i1'))?.title === 'From the server',
      'the incident in Dexie',
    );
    expect((await db.causes.get('top'))?.title).toBe('From the server');
  });

  it('deleting a shared incident here stops sharing it and deletes nothing on the server', async () => {
    await putIncident(createIncident({ id: 'i1', now: NOW, title: 'Keep me' }));
    await share('author', 'Alice');
    const other = await peer('i1');
    await until(() => projectDocs(other, 'i1').incident !== null, 'the seed');
    await deleteIncident('i1');
    await until(() => currentShares().length === 0, 'the share to go');
    await new Promise((r) => setTimeout(r, 300));
    expect(projectDocs(other, 'i1').incident?.title).toBe('Keep me');
  });

  it("a reviewer's comment, sign-off and review state reach the server; the model stays read-only here", async () => {
    const first = await peer('i1');
    applyRowChanges(
      first,
      [
        { table: 'incidents', type: 'put', row: createIncident({ id: 'i1', now: NOW, title: 'Shared' }) },
        { table: 'causes', type: 'put', row: cause('top', null, 'Shared') },
        { table: 'causes', type: 'put', row: cause('c1', 'top', 'Config push') },
      ],
      { incidentId: 'i1', now: NOW, name: 'Alice', role: 'author' },
    );
    await share('reviewer', 'Rita');
    await until(async () => (await db.causes.get('c1')) !== undefined, 'the causes in Dexie');
    await putComment({
      id: 'k2',
      incidentId: 'i1',
      targetType: 'cause',
      targetId: 'c1',
      parentId: null,
      author: 'Rita',
      body: 'Evidence?',
      createdAt: NOW,
      editedAt: null,
      resolved: false,
      resolvedAt: null,
      resolvedBy: null,
    });
    expect(await recordSignOff('i1', { decision: 'approved', by: 'Rita', comment: '' })).toMatchObject({
      ok: true,
    });
    const c1 = (await db.causes.get('c1'))!;
    await putCauses([{ ...c1, reviewState: 'disputed', updatedAt: NOW + 5 }]);
    await expect(putCauses([{ ...c1, title: 'Renamed by a reviewer' }])).rejects.toBeInstanceOf(
      ReadOnlyShareError,
    );
    await until(
      () =>
        projectDocs(first, 'i1').rows.comments.some((c) => c.id === 'k2') &&
        projectDocs(first, 'i1').rows.signoffs.some((o) => o.by === 'Rita' && o.decision === 'approved') &&
        projectDocs(first, 'i1').rows.causes.find((c) => c.id === 'c1')?.reviewState === 'disputed',
      'the comment and the review state on the other machine',
    );
    expect(projectDocs(first, 'i1').rows.causes.find((c) => c.id === 'c1')?.title).toBe('Config push');
    expect((await db.causes.get('c1'))?.title).toBe('Config push');
  });
});
