// Two machines (two browser contexts) and a real `rootline serve` started by the test on a random
// port: the author shares an incident, the reviewer joins from an invite link, comments on a
// cause, the author sees it live and replies; the reviewer's link is cut (a loopback proxy),
// they comment offline, closing asks first, the comment survives reopening, the link returns and
// the comment arrives. Screenshots of both sides.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createIncident, expect, test } from './fixtures';
import { CausesPage } from './pages/CausesPage';
import { CommentsPage } from './pages/CommentsPage';
import { IncidentPage } from './pages/IncidentPage';
import { ListPage } from './pages/ListPage';
import { inviteToken, spawnServe, type ServeInstance } from '../helpers/sync/serve';
import { startTcpProxy, type TcpProxy } from '../helpers/services/proxy';

const TITLE = 'Checkout returned 502s for 40 minutes';
const CAUSE = 'Config push skipped the canary stage';
const SYNC = { timeout: 30_000 };

let dataDir = '';
let server: ServeInstance | null = null;
let proxy: TcpProxy | null = null;

test.beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'rootline-e2e-sync-'));
  server = await spawnServe({ dataDir });
  proxy = await startTcpProxy({ port: server.port });
});

test.afterEach(async ({}, testInfo) => {
  // What the server said (refusals name their reason), for a failed run's report.
  if (testInfo.status !== testInfo.expectedStatus) {
    await testInfo.attach('rootline serve output', {
      body: server?.output() ?? '',
      contentType: 'text/plain',
    });
  }
});

test.afterAll(async () => {
  await proxy?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function indicator(page: Page) {
  return page.getByTestId('sync-indicator');
}

test('author shares, reviewer joins and comments live, then comments offline and it merges', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const s = server!;
  const p = proxy!;

  // The author's machine: an incident with a cause, shared with an author invite.
  const authorContext = await browser.newContext();
  const a = await authorContext.newPage();
  const aList = new ListPage(a);
  await aList.goto();
  await createIncident(aList, new IncidentPage(a), TITLE);
  const aCauses = new CausesPage(a);
  await aCauses.open();
  await aCauses.press(TITLE, 'Enter');
  await aCauses.typeTitle(CAUSE);
  const incidentId = /#\/incident\/([^/]+)\//.exec(a.url())?.[1];
  expect(incidentId).toBeTruthy();
  const authorToken = await inviteToken({
    dataDir,
    incident: incidentId!,
    role: 'author',
    name: 'Alice Author',
  });
  await a.getByRole('button', { name: 'Share…' }).click();
  const share = a.getByRole('dialog', { name: /^Share/ });
  await share.getByLabel('Server address').fill(s.url);
  await share.getByLabel('Token').fill(authorToken);
  await expect(share.getByTestId('share-preview')).toContainText('Alice Author, author');
  await share.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(share).toBeHidden();
  await expect(indicator(a)).toHaveText('Connected', SYNC);

  // The reviewer's machine joins through the proxy (so its link can be cut later).
  const reviewerToken = await inviteToken({
    dataDir,
    incident: incidentId!,
    role: 'reviewer',
    name: 'Rita Reviewer',
  });
  const reviewerContext = await browser.newContext({ colorScheme: 'dark' });
  const r = await reviewerContext.newPage();
  const link = `./#/join?server=${encodeURIComponent(`ws://127.0.0.1:${p.port}`)}&token=${reviewerToken}`;
  await r.goto(link);
  await expect(r.getByRole('heading', { name: 'Join a shared incident' })).toBeVisible();
  await expect(r.getByText('Rita Reviewer, reviewer')).toBeVisible();
  await r.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(r.getByRole('heading', { level: 1 })).toHaveText(TITLE, SYNC);
  await expect(r.getByTestId('readonly-banner')).toContainText('Rita Reviewer');
  await expect(r.getByLabel('Title', { exact: true })).toBeDisabled();

  // Presence: each sees the other.
  await expect(a.getByTestId('presence')).toContainText('Rita Reviewer', SYNC);
  await expect(r.getByTestId('presence')).toContainText('Alice Author', SYNC);

  // The reviewer comments on the cause; the author sees it live and replies.
  const rCauses = new CausesPage(r);
  await rCauses.open();
  await rCauses.select(CAUSE);
  await expect(rCauses.titleInput(CAUSE)).toHaveJSProperty('readOnly', true);
  const rComments = new CommentsPage(r, rCauses.detail);
  await rComments.comment('Why did the push skip the canary?');
  await aCauses.select(CAUSE);
  const aComments = new CommentsPage(a, aCauses.detail);
  await expect(aComments.thread('Why did the push skip the canary?')).toContainText('Rita Reviewer', SYNC);
  await aComments.reply('Why did the push skip the canary?', 'The canary flag defaulted to off.');
  await expect(rComments.thread('Why did the push skip the canary?')).toContainText(
    'The canary flag defaulted to off.',
    SYNC,
  );
  // The reviewer sets a review state: allowed, and the author sees it.
  await rCauses.detail.getByRole('radio', { name: 'Disputed', exact: true }).click();
  await expect(aCauses.detail.getByRole('radio', { name: 'Disputed', exact: true })).toBeChecked(SYNC);
  await a.screenshot({ path: test.info().outputPath('author-live.png') });
  await r.screenshot({ path: test.info().outputPath('reviewer-live-dark.png') });

  // The reviewer's link goes down: they keep working; the comment waits.
  p.cut();
  await expect(indicator(r)).toContainText('Offline', SYNC);
  await rComments.comment('Written on the train, offline.');
  await expect(indicator(r)).toContainText(/change(s)? waiting/, SYNC);
  await r.screenshot({ path: test.info().outputPath('reviewer-offline-dark.png') });
  await a.waitForTimeout(1_000);
  await expect(aComments.thread('Written on the train, offline.')).toHaveCount(0);

  // Closing Rootline now asks first: the comment is not on the server yet.
  const asked = new Promise<string>((resolve) =>
    r.once('dialog', (dialog) => {
      resolve(dialog.type());
      void dialog.accept();
    }),
  );
  await r.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');

  // Opened again, still offline: the comment is kept on this machine, waiting.
  const r2 = await reviewerContext.newPage();
  await r2.goto(`./#/incident/${encodeURIComponent(incidentId!)}/causes`);
  const r2Causes = new CausesPage(r2);
  await expect(r2Causes.tree).toBeVisible();
  await r2Causes.select(CAUSE);
  await expect(new CommentsPage(r2, r2Causes.detail).thread('Written on the train, offline.')).toBeVisible();
  await expect(indicator(r2)).toContainText(/Offline|Connecting/, SYNC);

  // Back online: merged on the author's side, and nothing is waiting any more.
  p.restore();
  await expect(aComments.thread('Written on the train, offline.')).toContainText('Rita Reviewer', SYNC);
  await expect(indicator(r2)).toHaveText('Connected', SYNC);
  await a.screenshot({ path: test.info().outputPath('author-merged.png') });

  await authorContext.close();
  await reviewerContext.close();
});
