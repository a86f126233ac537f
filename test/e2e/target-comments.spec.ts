import { expect, test } from './fixtures';
import { ActionsPage } from './pages/ActionsPage';
import { CommentsPage } from './pages/CommentsPage';

test.beforeEach(async ({ list }) => {
  await list.goto();
});

test('reviewers comment on an action item and on a document section; the Review tab lists both', async ({
  page,
  list,
}) => {
  await list.emptyState.getByRole('button', { name: 'Try the sample incident' }).click();
  await expect(page.getByRole('tab', { name: 'Document', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  // A document section without comments yet (the sample has a conversation on another one):
  // the thread sits folded under the section's text.
  await expect(
    page
      .locator('.doc-section')
      .getByText(/ open of \d+\)/)
      .first(),
  ).toBeVisible();
  const uncommented = page
    .locator('.doc-section')
    .filter({ hasNotText: / open of \d+\)/ })
    .first();
  const sectionTitle = (await uncommented.getByRole('heading', { level: 2 }).textContent()) ?? '';
  // Held by its title from here on: the filter above stops matching once it has a comment.
  const section = page
    .locator('.doc-section')
    .filter({ has: page.getByRole('heading', { level: 2, name: sectionTitle, exact: true }) });
  await section.getByText(`Comments on “${sectionTitle}”`).click();
  const onSection = new CommentsPage(page, section);
  await onSection.comment('Say which regions were hit first.', 'Riley Reviewer');
  await expect(section.getByText(/\(1 open of 1\)/)).toBeVisible();

  // An action item: the thread is in the item's details.
  await page.getByRole('tab', { name: 'Action items', exact: true }).click();
  const actions = new ActionsPage(page);
  await actions.add('Gate rollouts on slice health');
  await page.getByRole('button', { name: 'Show details of Gate rollouts on slice health' }).click();
  const details = page.locator('tr.action-details');
  await new CommentsPage(page, details).comment('Who owns the deployment tooling?');

  await page.getByRole('tab', { name: /^Review/ }).click();
  const review = page.getByRole('region', { name: /^Threads/ });
  await expect(review).toContainText('Say which regions were hit first.');
  await expect(review).toContainText('Who owns the deployment tooling?');
});
