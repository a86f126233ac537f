import { expect, test } from './fixtures';
import { AZURE_CAUSES, AZURE_TITLE, openAzureIncident } from './data/azure2014';
import { CausesPage } from './pages/CausesPage';
import { CommentsPage } from './pages/CommentsPage';
import { IncidentPage } from './pages/IncidentPage';
import { ListPage } from './pages/ListPage';
import { ReviewPage } from './pages/ReviewPage';

const LOOP = AZURE_CAUSES.loop;
const CONFIG = AZURE_CAUSES.config;
const UNTESTED = AZURE_CAUSES.untested;

test('offline review round trip between two profiles merges comments and states by id', async ({
  page,
  list,
  incident,
  browser,
}) => {
  // The author builds a small tree and asks a question on it.
  await openAzureIncident(list, incident);
  const causes = new CausesPage(page);
  await causes.open();
  await causes.press(AZURE_TITLE, 'Enter');
  await causes.typeTitle(LOOP);
  await causes.press(LOOP, 'Control+Enter');
  await causes.typeTitle(CONFIG);
  await causes.press(CONFIG, 'Enter');
  await causes.typeTitle(UNTESTED);
  await causes.setGate(LOOP, 'AND');
  await causes.select(LOOP);
  await new CommentsPage(page, causes.detail).comment('Is the loop documented?', 'Ana');

  const review = new ReviewPage(page);
  await review.open();
  await expect(review.status).toHaveText('Draft');
  const copy = await review.exportCopy();
  expect(copy.name).toMatch(/\.review\.rootline\.json$/);
  await expect(review.status).toHaveText('In review');

  // The reviewer, in another profile, opens the copy, reviews and sends it back.
  const context = await browser.newContext();
  try {
    const page2 = await context.newPage();
    const list2 = new ListPage(page2);
    const incident2 = new IncidentPage(page2);
    await list2.goto();
    await list2.openBundle({ name: copy.name, mimeType: 'application/json', buffer: Buffer.from(copy.text) });
    await expect(incident2.heading).toHaveText(AZURE_TITLE);
    const causes2 = new CausesPage(page2);
    await causes2.open();
    await causes2.setReview(CONFIG, 'Agreed');
    await causes2.setReview(UNTESTED, 'Disputed');
    await causes2.titleInput(LOOP).fill('Blob front-ends looped forever');
    await causes2.select('Blob front-ends looped forever');
    const comments2 = new CommentsPage(page2, causes2.detail);
    await comments2.reply('Is the loop documented?', 'Yes, in the public RCA.', 'Bo');
    await comments2.resolve('Is the loop documented?');
    await causes2.select(UNTESTED);
    await comments2.comment('Was the change tested on any blob front-end?');
    const review2 = new ReviewPage(page2);
    await review2.open();
    await review2.setStatus('Approve');
    await expect(review2.status).toHaveText('Approved');
    const back = await review2.exportCopy();

    // Meanwhile the author renamed the same cause: a conflict, not a silent overwrite.
    await causes.open();
    await causes.titleInput(LOOP).fill('Blob front-ends spun in a loop');
    await expect(causes.titleInput('Blob front-ends spun in a loop')).toBeVisible();

    await review.open();
    await review.importCopy(back);
    await expect(page.getByRole('status').filter({ hasText: 'Merged' })).toContainText('2 new comments');
    await expect(review.status).toHaveText('Approved');
    await expect(review.conflicts).toHaveCount(1);
    await expect(review.conflicts.first()).toContainText('Blob front-ends spun in a loop');
    await expect(review.conflicts.first()).toContainText('Blob front-ends looped forever');
    await page.screenshot({ path: 'test-results/causes-shots/review-conflict.png', fullPage: true });
    await review.conflicts.first().getByRole('button', { name: 'Take theirs' }).click();
    await expect(review.conflicts).toHaveCount(0);

    // Threads: one open (the new question), one resolved with its reply; nothing doubled.
    await expect(review.threadsHeading).toContainText('(1 unresolved of 2)');
    await expect(page.getByRole('tab', { name: 'Review', exact: true })).toHaveAccessibleDescription(
      '1 unresolved review threads',
    );
    await expect(review.threads).toHaveCount(1);
    await expect(review.threads.first()).toContainText('Was the change tested on any blob front-end?');
    await review.filter('Unresolved only').uncheck();
    await expect(review.threads).toHaveCount(2);
    await expect(review.threads.filter({ hasText: 'Is the loop documented?' })).toContainText(
      'Yes, in the public RCA.',
    );
    await expect(review.threads.filter({ hasText: 'Is the loop documented?' })).toContainText(
      'Resolved by Bo',
    );

    // Review states show in the outline and the diagram; the open thread is a badge.
    await causes.open();
    await expect(causes.row(CONFIG).locator('.review-pill')).toHaveText('agreed');
    await expect(causes.row(UNTESTED).locator('.review-pill')).toHaveText('disputed');
    await expect(causes.row(UNTESTED).locator('.count-badge')).toHaveText('1');
    await expect(causes.titleInput('Blob front-ends looped forever')).toBeVisible();
    await causes.view('Diagram').click();
    await expect(causes.diagramSvg).toBeVisible();
    const boxes = (await causes.diagramSvg.locator('g.node').allTextContents()).join('|').replace(/\s+/g, '');
    expect(boxes).toContain('disputed');
    expect(boxes).toContain('agreed');

    // Any target can get a thread from the Review tab, with the same comment component.
    await review.open();
    const start = page.getByRole('region', { name: 'Comment on…' });
    await start.getByLabel('What').selectOption({ label: 'A timeline event' });
    await start.getByLabel('Search events').fill('alerts');
    await start
      .getByLabel('Which')
      .selectOption({ label: 'Nov 19 00:55 UTC Alerts fire for blob availability' });
    await new CommentsPage(page, start).comment('Why did alerts take four minutes?');
    await page
      .getByRole('group', { name: 'Filter threads' })
      .getByLabel('On', { exact: true })
      .selectOption({ label: 'Timeline event' });
    await expect(review.threads).toHaveCount(1);
    await expect(page.locator('.review-target-head')).toContainText('Alerts fire for blob availability');
    await page
      .getByRole('group', { name: 'Filter threads' })
      .getByLabel('On', { exact: true })
      .selectOption({ label: 'Anything' });

    await page.screenshot({ path: 'test-results/causes-shots/review.png', fullPage: true });

    // The same file again changes nothing.
    await review.open();
    await review.importCopy(back);
    await expect(page.getByRole('status').filter({ hasText: 'nothing new' })).toBeVisible();
    await review.filter('Unresolved only').uncheck();
    await expect(review.threads).toHaveCount(3);
  } finally {
    await context.close();
  }
});
