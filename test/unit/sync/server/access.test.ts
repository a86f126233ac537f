import Database from 'better-sqlite3';
import { SignJWT } from 'jose';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SQLITE_FILE } from '../../../../cli/sync/sqliteStore';
import { modelDocName, reviewDocName, sectionDocName } from '../../../../shared/sync/names';
import { acknowledged, connectClient, waitFor, type TestClient } from '../../../helpers/sync/clients';
import { startTestServer, tempDataDir, tokenFor } from '../../../helpers/sync/server';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

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
  await waitFor(() => client.refusals.length > 0, 'a refusal');
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
    await waitFor(() => client.closes.length > 0, 'the server to close the connection');
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
      await waitFor(() => reviewer.provider.isSynced, 'the reviewer to sync');
      expect(reviewer.provider.authorizedScope).toBe('readonly');
      expect(reviewer.doc.getMap('events').get('E1')).toBe('by the author');

      reviewer.doc.getMap('events').set('E2', 'by the reviewer');
      author.doc.getMap('events').set('E3', 'by the author, later');
      await acknowledged(author);
      await waitFor(
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

  it('may add their own comments to the review document, and nothing else', async () => {
    const { dir, connect } = await setup();
    const author = connect(reviewDocName('I1'), await tokenFor(dir, 'Ana', 'author', ['I1']));
    const reviewer = connect(reviewDocName('I1'), await tokenFor(dir, 'Rui', 'reviewer', ['I1']));
    await Promise.all([acknowledged(author), acknowledged(reviewer)]);
    expect(reviewer.provider.authorizedScope).toBe('read-write');

    const comment = new Y.Map<unknown>();
    comment.set('author', 'Rui');
    comment.set('text', 'Is the retry storm the root cause?');
    reviewer.doc.getMap<Y.Map<unknown>>('comments').set('K1', comment);
    await acknowledged(reviewer);
    await waitFor(() => author.doc.getMap('comments').has('K1'), 'the comment to reach the author');

    // Posing as the author, or touching the sign-offs, is refused and the connection closed.
    const forged = new Y.Map<unknown>();
    forged.set('author', 'Ana');
    forged.set('text', 'I agree with everything');
    reviewer.doc.getMap<Y.Map<unknown>>('comments').set('K2', forged);
    await waitFor(() => reviewer.closes.length > 0, 'the server to close the reviewer');
    expect(reviewer.closes[0]?.reason).toBe('change refused: comment K2 is not by Rui');

    const later = connect(reviewDocName('I1'), await tokenFor(dir, 'Ana', 'author', ['I1']));
    await acknowledged(later);
    expect(Object.keys(later.doc.getMap('comments').toJSON())).toEqual(['K1']);
    expect(author.doc.getMap('comments').has('K2')).toBe(false);
  });

  it('checks an author’s comments too: a new comment carries the writer’s own name', async () => {
    const { dir, connect } = await setup();
    const author = connect(reviewDocName('I1'), await tokenFor(dir, 'Ana', 'author', ['I1']));
    await acknowledged(author);
    const comment = new Y.Map<unknown>();
    comment.set('author', 'Rui');
    author.doc.getMap<Y.Map<unknown>>('comments').set('K1', comment);
    await waitFor(() => author.closes.length > 0, 'the server to close the author');
    expect(author.closes[0]?.reason).toBe('change refused: comment K1 is not by Ana');
  });
});
