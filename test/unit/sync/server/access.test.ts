import Database from 'better-sqlite3';
import { SignJWT } from 'jose';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CauseNode, Comment } from '../../../../shared/domain';
import { applyRowChanges, reviewStateOf } from '../../../../shared/sync';
import { SQLITE_FILE } from '../../../../cli/sync/sqliteStore';
import { modelDocName, reviewDocName, sectionDocName } from '../../../../shared/sync/names';
import { acknowledged, connectClient, type TestClient } from '../../../helpers/sync/clients';
import { startTestServer, tempDataDir, tokenFor } from '../../../helpers/sync/server';
import { waitUntil } from '../../../helpers/services/ports';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const NOW = Date.UTC(2026, 11, 3, 8, 0);

/** A comment row on cause C1 by `author`. */
function comment(id: string, author: string): Comment {
  return {
    id,
    incidentId: 'I1',
    targetType: 'cause',
    targetId: 'C1',
    parentId: null,
    author,
    body: `${author} asks: is this the root cause?`,
    createdAt: NOW,
    editedAt: null,
    resolved: false,
    resolvedAt: null,
    resolvedBy: null,
  };
}

/** A top cause as the app holds it. */
function cause(id: string): CauseNode {
  return {
    id,
    incidentId: 'I1',
    parentId: null,
    order: 0,
    kind: 'incident',
    gate: 'OR',
    title: 'Checkout down',
    detail: '',
    category: null,
    evidenceEventIds: [],
    reviewState: 'open',
    createdAt: NOW,
    updatedAt: NOW,
  };
}

async function setup() {
  const data = tempDataDir();
  cleanups.push(data.remove);
  const server = await startTestServer(data.dir);
  cleanups.push(() => server.close());
  const connect = (name: string, token: string): TestClient => {
    const client = connectClient(server.url, name, token);
    cleanups.push(() => client.destroy());
    return client;
  };
  /** Names of the documents that have anything stored. */
  const stored = (): string[] => {
    const db = new Database(join(data.dir, SQLITE_FILE), { readonly: true });
    try {
      const rows = db
        .prepare('SELECT name FROM updates UNION SELECT name FROM documents ORDER BY name')
        .all() as { name: string }[];
      return rows.map((r) => r.name);
    } finally {
      db.close();
    }
  };
  return { dir: data.dir, server, connect, stored };
}

/** Connects with a token, writes, and returns the refusal the server sent. */
async function refusalOf(client: TestClient): Promise<string> {
  client.doc.getMap('events').set('E1', 'should not be stored');
  await waitUntil(() => client.refusals.length > 0, 'a refusal');
  return client.refusals[0] ?? '';
}

describe('rootline serve: tokens', () => {
  it('refuses a missing, malformed, forged, expired or wrong-incident token and stores nothing', async () => {
    const { dir, connect, stored } = await setup();
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    const forged = await new SignJWT({ name: 'Eve', role: 'author', incidents: '*' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a secret this server never had!!'));
    const cases: [string, string, RegExp][] = [
      ['', modelDocName('I1'), /no token was given/],
      ['not-a-token', modelDocName('I1'), /not a sync token/],
      [forged, modelDocName('I1'), /not signed by this server/],
      [
        await tokenFor(dir, 'Ana', 'author', ['I1'], hourAgo),
        modelDocName('I1'),
        /token expired on .*Z: ask for a new invite/,
      ],
      [await tokenFor(dir, 'Ana', 'author', ['I2']), modelDocName('I1'), /does not open incident I1/],
      [await tokenFor(dir, 'Ana', 'author', '*'), 'notes/I1', /refused: names are incident\/<id>\/model/],
      [
        await tokenFor(dir, 'Ana', 'author', '*'),
        'incident/I1/secrets',
        /refused: after incident\/<id>\/ comes/,
      ],
    ];
    const reasons = await Promise.all(cases.map(([token, name]) => refusalOf(connect(name, token))));
    reasons.forEach((reason, i) => expect(reason).toMatch(cases[i]?.[2] ?? /never/));
    expect(stored()).toEqual([]);
  });

  it('closes a connection whose token expires while it is open, at its next message', async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    let now = Date.now();
    const server = await startTestServer(data.dir, { now: () => now });
    cleanups.push(() => server.close());
    const token = await tokenFor(data.dir, 'Ana', 'author', ['I1'], Math.floor(now / 1000) + 60);
    const client = connectClient(server.url, modelDocName('I1'), token);
    cleanups.push(() => client.destroy());
    client.doc.getMap('events').set('E1', 'in time');
    await acknowledged(client);
    now += 61_000;
    client.doc.getMap('events').set('E2', 'too late');
    await waitUntil(() => client.closes.length > 0, 'the server to close the connection');
    expect(client.closes[0]?.reason).toBe('the token of Ana has expired: ask for a new invite');
    const reader = connectClient(
      server.url,
      modelDocName('I1'),
      await tokenFor(data.dir, 'Bo', 'author', '*', Math.floor(now / 1000) + 60),
    );
    cleanups.push(() => reader.destroy());
    await acknowledged(reader);
    expect(reader.doc.getMap('events').toJSON()).toEqual({ E1: 'in time' });
  });

  it('lets a token for all incidents open any incident', async () => {
    const { dir, connect, stored } = await setup();
    const client = connect(modelDocName('I7'), await tokenFor(dir, 'Ana', 'author', '*'));
    client.doc.getMap('events').set('E1', 1);
    await acknowledged(client);
    expect(client.refusals).toEqual([]);
    expect(stored()).toEqual([modelDocName('I7')]);
  });
});

describe('rootline serve: reviewers', () => {
  it('are read-only on the model and section documents: their writes are not stored or passed on', async () => {
    const { dir, connect, stored } = await setup();
    const authorToken = await tokenFor(dir, 'Ana', 'author', ['I1']);
    const reviewerToken = await tokenFor(dir, 'Rui', 'reviewer', ['I1']);
    for (const name of [modelDocName('I1'), sectionDocName('I1', 'S1')]) {
      const author = connect(name, authorToken);
      author.doc.getMap('events').set('E1', 'by the author');
      await acknowledged(author);
      const reviewer = connect(name, reviewerToken);
      await waitUntil(() => reviewer.provider.isSynced, 'the reviewer to sync');
      expect(reviewer.provider.authorizedScope).toBe('readonly');
      expect(reviewer.doc.getMap('events').get('E1')).toBe('by the author');

      reviewer.doc.getMap('events').set('E2', 'by the reviewer');
      author.doc.getMap('events').set('E3', 'by the author, later');
      await acknowledged(author);
      await waitUntil(
        () => reviewer.doc.getMap('events').has('E3'),
        'the author’s later edit to reach the reviewer',
      );
      // The server answered "not applied": the reviewer's change stays waiting on their side.
      expect(reviewer.provider.hasUnsyncedChanges).toBe(true);
      expect(author.doc.getMap('events').has('E2')).toBe(false);
    }
    const reader = connect(modelDocName('I1'), authorToken);
    await acknowledged(reader);
    expect(Object.keys(reader.doc.getMap('events').toJSON()).sort()).toEqual(['E1', 'E3']);
    expect(stored()).toEqual([modelDocName('I1'), sectionDocName('I1', 'S1')]);
  });

  it('comment and set review states through the model’s check; anything else is refused, unstored', async () => {
    const { dir, connect } = await setup();
    const anaToken = await tokenFor(dir, 'Ana', 'author', ['I1']);
    const ruiToken = await tokenFor(dir, 'Rui', 'reviewer', ['I1']);
    const ana = connect(reviewDocName('I1'), anaToken);
    const anaModel = connect(modelDocName('I1'), anaToken);
    const seeded = applyRowChanges(
      { model: anaModel.doc, review: ana.doc },
      [{ table: 'causes', type: 'put', row: cause('C1') }],
      { incidentId: 'I1', now: NOW, name: 'Ana', role: 'author' },
    );
    expect(seeded.refused).toEqual([]);
    await Promise.all([acknowledged(ana), acknowledged(anaModel)]);

    const rui = connect(reviewDocName('I1'), ruiToken);
    const ruiModel = connect(modelDocName('I1'), ruiToken);
    await Promise.all([acknowledged(rui), acknowledged(ruiModel)]);
    expect(rui.provider.authorizedScope).toBe('read-write');
    expect(ruiModel.provider.authorizedScope).toBe('readonly');
    // The app writes through applyRowChanges, as the reviewer.
    const ruiDocs = { model: ruiModel.doc, review: rui.doc };
    const asRui = { incidentId: 'I1', now: NOW, name: 'Rui', role: 'reviewer' } as const;
    const written = applyRowChanges(
      ruiDocs,
      [
        { table: 'comments', type: 'put', row: comment('K1', 'Rui') },
        { table: 'causes', type: 'put', row: { ...cause('C1'), reviewState: 'agreed' } },
      ],
      asRui,
    );
    expect(written.refused).toEqual([]);
    await acknowledged(rui);
    await waitUntil(() => ana.doc.getMap('comments').has('K1'), 'the comment to reach the author');
    await waitUntil(
      () => reviewStateOf({ review: ana.doc }, 'C1') === 'agreed',
      'the review state to reach the author',
    );

    // A reviewer's copy that holds someone else's words (a modified app) is refused by the server.
    applyRowChanges(ruiDocs, [{ table: 'comments', type: 'put', row: comment('K2', 'Ana') }], {
      ...asRui,
      name: 'Ana',
      role: 'author',
    });
    await waitUntil(() => rui.closes.length > 0, 'the server to close the reviewer');
    expect(rui.closes[0]?.reason).toMatch(/^change refused: comments row K2: /);

    const later = connect(reviewDocName('I1'), await tokenFor(dir, 'Bo', 'author', ['I1']));
    await acknowledged(later);
    expect([...later.doc.getMap('comments').keys()]).toEqual(['K1']);
    expect(ana.doc.getMap('comments').has('K2')).toBe(false);
  });

  it('checks authors too: data the review document does not hold is refused', async () => {
    const { dir, connect } = await setup();
    const ana = connect(reviewDocName('I1'), await tokenFor(dir, 'Ana', 'author', ['I1']));
    await acknowledged(ana);
    // An author may write other people's comments (seeding, a merged review copy)…
    applyRowChanges(
      { model: new Y.Doc(), review: ana.doc },
      [{ table: 'comments', type: 'put', row: comment('K1', 'Rui') }],
      {
        incidentId: 'I1',
        now: NOW,
        name: 'Ana',
        role: 'author',
      },
    );
    await acknowledged(ana);
    // …but not put anything else into the review document.
    ana.doc.getMap('notes').set('x', 'not part of the review document');
    await waitUntil(() => ana.closes.length > 0, 'the server to close the author');
    expect(ana.closes[0]?.reason).toBe('change refused: the review document has no "notes"');
  });
});
