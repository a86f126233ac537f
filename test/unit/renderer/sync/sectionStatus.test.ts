// A shared incident's status counts its sections' text: an edit of a section made while the
// server is away shows as a change waiting (and so the close warning knows of it).
import 'fake-indexeddb/auto';
import { Server } from '@hocuspocus/server';
import { afterEach, it } from 'vitest';
import { NodeWebSocket } from '../../../helpers/sync/nodeWebSocket';
import * as Y from 'yjs';
import { markdownToLexicalState } from '../../../../shared/document/headless';
import { createIncident } from '../../../../shared/domain';
import { putIncident } from '../../../../renderer/db/repos/incidents';
import { setPref } from '../../../../renderer/db/repos/prefs';
import { putSections } from '../../../../renderer/db/repos/sections';
import { sectionSessionsOf } from '../../../../renderer/editor/collab/registry';
import { sectionDocIsEmpty } from '../../../../renderer/editor/collab/sectionDoc';
import { SyncConnections } from '../../../../renderer/sync/connection';
import { SyncEngine } from '../../../../renderer/sync/engine';
import { resetShares, SHARES_PREF } from '../../../../renderer/sync/shares';
import { syncStatusOf } from '../../../../renderer/sync/status';
import { sharedSyncModel } from '../../../../renderer/sync/syncModel';
import { freshDb } from '../../db/testDb';
import { fakeToken } from './tokens';

const NOW = 1_700_000_000_000;
let engine: SyncEngine | null = null;

afterEach(async () => {
  await engine?.stop();
  engine = null;
});

async function until(ok: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

it("counts a section's text written while the server is away as a change waiting", async () => {
  const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
  await server.listen();
  const url = `ws://127.0.0.1:${server.address.port}`;
  const db = freshDb('section-status');
  resetShares();
  const incidentId = `status-${Math.random().toString(36).slice(2)}`;
  await putIncident(createIncident({ id: incidentId, now: NOW, title: 'Checkout down' }));
  await putSections([
    {
      id: `${incidentId}-s1`,
      incidentId,
      key: 'summary',
      title: 'Summary',
      order: 0,
      internalOnly: false,
      lexicalState: markdownToLexicalState('Written before sharing.'),
      updatedAt: NOW,
    },
  ]);
  const token = fakeToken({ name: 'Alice', role: 'author', incidents: [incidentId], exp: 4_000_000_000 });
  await setPref(SHARES_PREF, [
    { incidentId, server: url, token, name: 'Alice', role: 'author', sharedAt: NOW },
  ]);
  engine = new SyncEngine(
    new SyncConnections({ WebSocketPolyfill: NodeWebSocket }),
    sharedSyncModel,
    () => db,
    () => undefined,
  );
  await engine.start();

  const sectionDoc = (): Y.Doc | undefined => sectionSessionsOf(incidentId)?.section(`${incidentId}-s1`)?.doc;
  await until(
    () => sectionDoc() !== undefined && !sectionDocIsEmpty(sectionDoc()!),
    'the section to be seeded',
  );
  await until(
    () => syncStatusOf(incidentId)?.synced === true && syncStatusOf(incidentId)?.unsynced === 0,
    'ack',
  );

  // The server goes away; the section is edited (as its editor would); the edit waits.
  for (const client of server.webSocketServer.clients) client.terminate();
  await server.destroy();
  await until(() => syncStatusOf(incidentId)?.connection !== 'connected', 'the connection to drop');
  sectionDoc()!.get('root', Y.XmlText).insert(0, 'x');
  await until(() => (syncStatusOf(incidentId)?.unsynced ?? 0) > 0, 'the section edit to count as waiting');
}, 30_000);
