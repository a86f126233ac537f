import { createIncident, expect, test } from './fixtures';
import { ImportDialogPage } from './pages/ImportDialog';

/* Half an hour of routine traffic, then an upstream failure nobody had logged before. */
function serviceLog(): string {
  const lines: string[] = [];
  const at = (min: number, sec = 0) =>
    `2024-03-01T10:${String(min).padStart(2, '0')}:${String(sec).padStart(2, '0')}Z`;
  for (let m = 0; m < 40; m++) {
    lines.push(`${at(m)} INFO request ${1000 + m} served in ${20 + (m % 7)} ms`);
    if (m % 5 === 0) lines.push(`${at(m, 10)} INFO cache warmed with ${m * 3} entries`);
    if (m >= 30) lines.push(`${at(m, 30)} ERROR upstream 10.0.0.${m} timed out after ${900 + m} ms`);
  }
  return lines.join('\n');
}

test('the Patterns view lists mined patterns, marks new ones, and filters the timeline and evidence', async ({
  page,
  list,
  incident,
}) => {
  await list.goto();
  await createIncident(list, incident, 'Upstream timeouts');
  await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
  const dialog = new ImportDialogPage(page);
  await dialog.drop([{ name: 'api.log', text: serviceLog() }]);
  await expect(dialog.fileRow('api.log')).toContainText('detected:', { timeout: 30_000 });
  await dialog.start();
  await expect(dialog.acceptButton).toBeVisible();

  // The import summary: one row per pattern, most frequent first, the failure marked new.
  const summary = dialog.dialog.getByRole('table', { name: 'Import patterns' });
  const rows = summary.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('request <*> served in <*> ms');
  await expect(rows.nth(0)).toContainText('40');
  const failure = rows.filter({ hasText: 'upstream <ip> timed out after <*> ms' });
  await expect(failure).toContainText('10');
  await expect(failure).toContainText('error');
  await expect(failure.getByText('new', { exact: true })).toBeVisible();
  await expect(rows.nth(0).getByText('new', { exact: true })).toHaveCount(0);
  await expect(failure.getByRole('img', { name: '10 records over time' })).toBeVisible();

  // A click narrows the proposed events to the pattern's.
  await failure.getByRole('button', { name: 'upstream <ip> timed out after <*> ms' }).click();
  const proposed = dialog.dialog.getByRole('table', { name: 'Proposed events' }).locator('tbody tr');
  await expect(proposed.first()).toContainText('upstream');
  for (const text of await proposed.allTextContents()) expect(text).toContain('upstream');
  await page.emulateMedia({ colorScheme: 'light' });
  await dialog.dialog.screenshot({ path: 'test-results/patterns-shots/import-summary-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await dialog.dialog.screenshot({ path: 'test-results/patterns-shots/import-summary-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  await dialog.acceptButton.click();
  await expect(dialog.dialog).toBeHidden();

  // The Timeline's Patterns view, stored with the import.
  await page.getByText('Patterns (3)').click();
  const table = page.getByRole('table', { name: 'Log patterns' });
  await expect(table.locator('tbody tr')).toHaveCount(3);
  const events = page.getByRole('grid', { name: 'Timeline events' }).locator('[data-event-id]');
  await expect(events.first()).toBeVisible();
  const pick = table.getByRole('button', { name: 'upstream <ip> timed out after <*> ms' });
  await pick.click();
  await expect(pick).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Pattern: upstream <ip> timed out after <*> ms')).toBeVisible();
  await expect(events.first()).toContainText('upstream');
  for (const text of await events.allTextContents()) expect(text).toContain('upstream');
  await page.screenshot({ path: 'test-results/patterns-shots/timeline-light.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/patterns-shots/timeline-dark.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });

  // Evidence of the filtered event holds only the pattern's records.
  await events.first().click();
  await page.keyboard.press('e');
  const evidence = page.getByRole('dialog', { name: /^Evidence:/ });
  await expect(evidence).toContainText('only those of pattern');
  const records = evidence.locator('table tbody tr');
  await expect(records.first()).toBeVisible();
  for (const text of await records.allTextContents()) expect(text).toContain('timed out');
  await evidence.getByRole('button', { name: 'Close' }).click();

  // Clicking the pattern again removes the filter.
  await pick.click();
  await expect(page.getByText('Pattern: upstream <ip> timed out after <*> ms')).toHaveCount(0);
});
