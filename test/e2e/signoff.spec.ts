import { captureDownload, createIncident, expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { IncidentPage } from './pages/IncidentPage';
import { ListPage } from './pages/ListPage';
import { ReviewPage } from './pages/ReviewPage';
import { SignOffPage } from './pages/SignOffPage';

const TITLE = 'Checkout outage';
const SHOTS = 'test-results/signoff-shots';

async function nameMe(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Your name for comments' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Save name' }).click();
  await expect(dialog).toBeHidden();
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `${SHOTS}/${name}-${colorScheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a required reviewer signs off through the offline review copy, then the author publishes', async ({
  page,
  list,
  incident,
  browser,
}) => {
  await list.goto();
  await createIncident(list, incident, TITLE);
  await incident.addTokens('Reviewers', ['Grace Hopper']);
  await incident.saved();

  const review = new ReviewPage(page);
  const signoff = new SignOffPage(page);
  await review.open();
  await expect(signoff.reviewer('Grace Hopper')).toContainText('Not signed off yet');
  // The first export asks the author's name, then writes the copy.
  const copy = await captureDownload(page, async () => {
    await page.getByRole('button', { name: 'Export review copy…' }).click();
    await nameMe(page, 'Ada Lovelace');
  });
  await expect(review.status).toHaveText('In review');
  await expect(signoff.publish).toBeDisabled();
  await expect(signoff.publish).toHaveAccessibleDescription(
    'Publishing waits for sign-off: Waiting for Grace Hopper to sign off.',
  );
  await expect(signoff.heading).toContainText('Waiting (0 of 1 approved)');

  // The reviewer, in another profile, opens the copy and signs off under their name.
  const context = await browser.newContext();
  try {
    const page2 = await context.newPage();
    const list2 = new ListPage(page2);
    await list2.goto();
    await list2.openBundle({ name: copy.name, mimeType: 'application/json', buffer: Buffer.from(copy.text) });
    await expect(new IncidentPage(page2).heading).toHaveText(TITLE);
    const review2 = new ReviewPage(page2);
    const signoff2 = new SignOffPage(page2);
    await review2.open();
    await signoff2.section.getByRole('button', { name: 'Set your name' }).click();
    await nameMe(page2, 'Grace Hopper');
    const grace = signoff2.reviewer('Grace Hopper');
    await expect(grace).toContainText('(you)');

    await grace.getByRole('button', { name: 'Request changes…' }).click();
    await grace.getByRole('button', { name: 'Request changes as Grace Hopper' }).click();
    await expect(grace.getByRole('alert')).toHaveText(
      'Say what needs to change: a request for changes needs a comment.',
    );
    await grace.getByLabel('What needs to change').fill('The timeline misses the **rollback**.');
    await grace.getByRole('button', { name: 'Request changes as Grace Hopper' }).click();
    await expect(grace.locator('.signoff-badge')).toHaveText('Changes requested');
    await expect(grace.locator('strong')).toHaveText('rollback');
    await shoot(page2, 'reviewer-changes-requested');

    await grace.getByRole('button', { name: 'Approve…' }).click();
    await grace.getByLabel('Comment (optional)').fill('Thanks, looks right now.');
    await grace.getByRole('button', { name: 'Approve as Grace Hopper' }).click();
    await expect(grace.locator('.signoff-badge')).toHaveText('Approved');
    await expect(signoff2.heading).toContainText('Approved');
    const back = await review2.exportCopy();

    // The author merges it: the approval arrives, publishing is allowed.
    await review.importCopy(back);
    await expect(page.getByRole('status').filter({ hasText: 'Merged' })).toContainText('2 sign-offs');
    await expect(signoff.reviewer('Grace Hopper').locator('.signoff-badge')).toHaveText('Approved');
    await expect(signoff.reviewer('Grace Hopper')).toContainText('Thanks, looks right now.');
    await expect(signoff.history).toContainText('History (2)');
    await shoot(page, 'author-approved');
    await signoff.publish.click();
    await expect(review.status).toHaveText('Published');

    await list.goto();
    await expect(list.row(TITLE).locator('.signoff-badge')).toHaveText('Signed off');
  } finally {
    await context.close();
  }
});

test('an author publishes before sign-off only with a reason, which is recorded and exported', async ({
  page,
  list,
  incident,
}) => {
  await list.goto();
  await createIncident(list, incident, TITLE);
  await incident.addTokens('Reviewers', ['Grace Hopper', 'Edsger Dijkstra']);
  await incident.saved();
  await list.goto();
  await expect(list.row(TITLE).locator('.signoff-badge')).toHaveText('Sign-off 0/2');
  await shoot(page, 'list-waiting');
  await list.open(TITLE);

  const review = new ReviewPage(page);
  const signoff = new SignOffPage(page);
  await review.open();
  await review.setStatus('Mark in review');
  await expect(signoff.publish).toBeDisabled();
  await page.getByRole('button', { name: 'Publish anyway…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Publish without full sign-off?' });
  await expect(dialog).toContainText('Waiting for Grace Hopper and Edsger Dijkstra to sign off.');
  await dialog.getByRole('button', { name: 'Publish anyway' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Say why you publish');
  await shoot(page, 'override-dialog');
  await dialog.getByLabel('Reason').fill('Regulator deadline today');
  await dialog.getByRole('button', { name: 'Publish anyway' }).click();
  await nameMe(page, 'Ada Lovelace');
  await expect(review.status).toHaveText('Published');
  await expect(signoff.section.getByRole('note')).toContainText(
    'without approval from Grace Hopper and Edsger Dijkstra.',
  );
  await expect(signoff.section.getByRole('note')).toContainText('Regulator deadline today');
  await shoot(page, 'override-recorded');

  await page.getByRole('button', { name: 'Export…' }).click();
  const exporter = page.getByRole('dialog', { name: /^Export/ });
  await exporter.getByRole('radio', { name: /Markdown/ }).check();
  const md = await captureDownload(page, () => exporter.getByRole('button', { name: 'Export' }).click());
  expect(md.text).toContain('| Sign-off | Not signed off yet by Grace Hopper |');
  expect(md.text).toMatch(
    /\| Sign-off override \| Published without full sign-off by Ada Lovelace on \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC; not approved by Grace Hopper and Edsger Dijkstra\. Reason: Regulator deadline today \|/,
  );
});
