import { createIncident, expect, test } from './fixtures';

test('rename, duplicate, delete and undo the delete', async ({ page, list, incident }) => {
  await list.goto();
  await createIncident(list, incident, 'Database failover');
  await incident.backToList();
  await expect(list.row('Database failover')).toBeVisible();

  await list.rename('Database failover', 'Primary DB failover');
  await expect(list.row('Primary DB failover')).toBeVisible();
  await expect(list.titles()).toHaveText(['Primary DB failover']);

  await list.duplicate('Primary DB failover');
  await expect(list.titles()).toHaveText(['Primary DB failover (copy)', 'Primary DB failover']);

  await list.delete('Primary DB failover');
  await expect(list.titles()).toHaveText(['Primary DB failover (copy)']);
  const toast = page.getByRole('status').filter({ hasText: 'Deleted Primary DB failover' });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(list.row('Primary DB failover')).toBeVisible();
  await expect(list.titles()).toHaveCount(2);

  await page.reload();
  await list.waitReady();
  await expect(list.titles()).toHaveCount(2);
});

test('search filters by title, summary and services', async ({ page, list, incident }) => {
  await list.goto();
  await createIncident(list, incident, 'Cache stampede');
  await incident.addTokens('Services', ['edge-cache']);
  await incident.saved();
  await incident.backToList();
  await createIncident(list, incident, 'Login errors');
  await incident.backToList();
  await expect(list.titles()).toHaveText(['Login errors', 'Cache stampede']);
  await page.getByLabel('Search incidents').fill('edge');
  await expect(list.titles()).toHaveText(['Cache stampede']);
  await page.getByLabel('Search incidents').fill('nothing-like-this');
  await expect(page.getByText('No incident matches')).toBeVisible();
});

test('shortcuts sheet opens with ? and closes with Escape', async ({ page, list }) => {
  await list.goto();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('New incident');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await page.keyboard.press('Alt+n');
  await expect(page.getByLabel('Title', { exact: true })).toBeVisible();
});

test('a single N creates nothing; an untouched new incident is not kept', async ({
  page,
  list,
  incident,
}) => {
  await list.goto();
  await createIncident(list, incident, 'Kept one');
  // Focus lost from a field (e.g. the Document): a stray N must not create an incident.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('n');
  await page.keyboard.press('N');
  await incident.backToList();
  await expect(list.titles()).toHaveText(['Kept one']);
  // Alt+N opens a new incident; left untouched, it is gone from the list.
  await page.keyboard.press('Alt+n');
  await expect(page.getByLabel('Title', { exact: true })).toBeVisible();
  await incident.backToList();
  await expect(list.titles()).toHaveText(['Kept one']);
  // Reloading on an untouched new incident does not keep it either.
  await page.keyboard.press('Alt+n');
  await expect(page.getByLabel('Title', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Title', { exact: true })).toBeVisible();
  await incident.backToList();
  await expect(list.titles()).toHaveText(['Kept one']);
});
