// Two machines (two browser contexts, each its own profile) write one document section at once
// through a real `rootline serve` started by the test on a free port: the text converges, each
// sees the other's cursor by name, the text reaches the other machine's export (its stored copy),
// and a reviewer reads it live but cannot edit it. Screenshots of every side.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { captureDownload, createIncident, expect, test } from './fixtures';
import { inviteToken, spawnServe, type ServeInstance } from '../helpers/sync/serve';

const TITLE = 'Payments API timed out in eu-west';
const SYNC = { timeout: 30_000 };

let dataDir = '';
let server: ServeInstance | null = null;

test.beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'rootline-e2e-doc-'));
  server = await spawnServe({ dataDir });
});

test.afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** Another machine joins the incident from an invite link and opens its Document tab. */
async function joinAs(browser: Browser, token: string, name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`./#/join?server=${encodeURIComponent(server!.url)}&token=${token}`);
  await expect(page.getByRole('heading', { name: 'Join a shared incident' })).toBeVisible();
  await expect(page.getByText(name)).toBeVisible();
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE, SYNC);
  await page.getByRole('tab', { name: 'Document', exact: true }).click();
  return page;
}

/** Puts the caret at the end (or start) of the Summary section's last paragraph and types. */
async function typeInSummary(page: Page, text: string, where: 'End' | 'Home' = 'End'): Promise<void> {
  await page.getByRole('textbox', { name: 'Summary text' }).locator('p').last().click();
  await page.keyboard.press(where);
  await page.keyboard.type(text);
}

test('two machines type in one section at once and converge; a reviewer reads it live', async ({
  page,
  list,
  incident,
  browser,
}) => {
  test.setTimeout(180_000);
  await list.goto();
  await createIncident(list, incident, TITLE);
  const incidentId = /#\/incident\/([^/]+)\//.exec(page.url())?.[1] ?? '';
  expect(incidentId).not.toBe('');
  await page.getByRole('tab', { name: 'Document', exact: true }).click();
  await page.getByRole('button', { name: 'Use Google SRE postmortem' }).click();
  await typeInSummary(page, 'Written before sharing.');
  await expect(page.getByRole('textbox', { name: 'Summary text' })).toContainText('Written before sharing.');
  await expect(page.getByRole('toolbar', { name: 'Document' }).getByRole('status')).toHaveText('Saved');

  // Ana shares the incident.
  const anaToken = await inviteToken({ dataDir, incident: incidentId, role: 'author', name: 'Ana Author' });
  await page.getByRole('button', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Share/ });
  await dialog.getByLabel('Server address').fill(server!.url);
  await dialog.getByLabel('Token').fill(anaToken);
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('sync-indicator')).toHaveText('Connected', SYNC);
  const anaSummary = page.getByRole('textbox', { name: 'Summary text' });
  await expect(anaSummary).toContainText('Written before sharing.');

  // Bo joins as a second author: the seeded text is there, once.
  const boToken = await inviteToken({ dataDir, incident: incidentId, role: 'author', name: 'Bo Builder' });
  const bo = await joinAs(browser, boToken, 'Bo Builder, author');
  const boSummary = bo.getByRole('textbox', { name: 'Summary text' });
  await expect(boSummary).toContainText('Written before sharing.', SYNC);

  // Both type at once into the same paragraph, Ana at its start and Bo at its end; both end with
  // the same text holding both.
  await Promise.all([
    typeInSummary(page, 'Ana: paged at 00:51. ', 'Home'),
    typeInSummary(bo, ' Bo: rolled back.', 'End'),
  ]);
  for (const summary of [anaSummary, boSummary]) {
    await expect(summary).toContainText('Ana: paged at 00:51.', SYNC);
    await expect(summary).toContainText('Bo: rolled back.', SYNC);
  }
  await expect(anaSummary).toHaveText((await boSummary.textContent()) ?? '');
  await expect(boSummary.locator('p').last()).toHaveText(
    'Ana: paged at 00:51. Written before sharing. Bo: rolled back.',
  );

  // Each sees the other's caret, named.
  await expect(page.locator('.ed-cursors').getByText('Bo Builder')).toBeAttached(SYNC);
  await expect(bo.locator('.ed-cursors').getByText('Ana Author')).toBeAttached(SYNC);
  await page.screenshot({ path: test.info().outputPath('ana.png') });
  await bo.screenshot({ path: test.info().outputPath('bo.png') });

  // Bo's export has Ana's words: the shared text is in his stored copy.
  const md = await captureDownload(bo, () => bo.getByRole('button', { name: 'Export Markdown' }).click());
  expect(md.text).toContain('Ana: paged at 00:51.');

  // Undo on Ana's side takes back only what Ana typed.
  await anaSummary.click();
  await page.keyboard.press('Control+z');
  await expect(boSummary).not.toContainText('Ana: paged at 00:51.', SYNC);
  await expect(boSummary).toContainText('Bo: rolled back.');

  // A reviewer reads the section live and cannot edit it.
  const revToken = await inviteToken({
    dataDir,
    incident: incidentId,
    role: 'reviewer',
    name: 'Rita Reviewer',
  });
  const rev = await joinAs(browser, revToken, 'Rita Reviewer, reviewer');
  const revSummary = rev.getByRole('textbox', { name: 'Summary text (read-only)' });
  await expect(revSummary).toContainText('Bo: rolled back.', SYNC);
  await expect(revSummary).toHaveAttribute('contenteditable', 'false');
  await expect(rev.getByRole('button', { name: /^Remove .* block$/ })).toHaveCount(0);
  await typeInSummary(bo, ' Later.');
  await expect(revSummary).toContainText('Later.', SYNC);
  await rev.screenshot({ path: test.info().outputPath('reviewer.png') });

  // The sharing author's stored copy follows as well (the outline counts words from it: 6 before
  // Bo's "Later.", 7 after).
  const outline = page.getByRole('navigation', { name: 'Document outline' });
  await expect(outline.getByRole('button', { name: /^Summary/ })).toContainText('7 words', SYNC);
});
