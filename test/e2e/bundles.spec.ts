import type { Page } from '@playwright/test';
import { captureDownload, createIncident, expect, test } from './fixtures';
import { IncidentPage } from './pages/IncidentPage';
import { ListPage } from './pages/ListPage';

/** Every overview field as shown, for comparing two copies of an incident. */
async function overviewValues(page: Page): Promise<Record<string, string | string[]>> {
  const p = new IncidentPage(page);
  const values: Record<string, string | string[]> = {};
  for (const label of [
    'Title',
    'Severity',
    'Status',
    'Summary',
    'Display time zone',
    'Secondary time zone',
  ]) {
    values[label] = await p.field(label).inputValue();
  }
  for (const label of ['Impact started', 'Detected', 'Mitigated', 'Recovered', 'Resolved'] as const) {
    values[label] = await p.keyTime(label).inputValue();
  }
  for (const label of ['Services', 'Regions', 'Authors', 'Reviewers']) {
    values[label] = await p.tokens(label).allTextContents();
  }
  values.durations = await page.locator('.duration dd').allTextContents();
  return values;
}

const withoutExportedAt = (text: string) => text.replace(/^\s*"exportedAt":.*$/m, '');

test('export a bundle, open it in a fresh profile, then again as a copy', async ({
  browser,
  page,
  list,
  incident,
}) => {
  await list.goto();
  await createIncident(list, incident, 'Queue backlog (eu-west-1)');
  await incident.severity.selectOption('SEV3');
  await incident.summary.fill('Consumers stalled; backlog drained after restart.');
  await incident.addTokens('Services', ['orders-queue']);
  await incident.addTokens('Reviewers', ['Grace']);
  await incident.setZone('Display time zone', 'Europe/Berlin');
  await incident.setZone('Secondary time zone', 'UTC');
  await incident.keyTime('Impact started').fill('2024-03-31 01:30');
  await incident.keyTime('Resolved').fill('2024-03-31 04:15');
  await incident.summary.click();
  await incident.saved();
  const original = await overviewValues(page);

  const exported = await captureDownload(page, () => incident.exportBundle());
  expect(exported.name).toBe('queue-backlog-eu-west-1.rootline.json');
  JSON.parse(exported.text);

  const fresh = await browser.newContext();
  try {
    const page2 = await fresh.newPage();
    const list2 = new ListPage(page2);
    const incident2 = new IncidentPage(page2);
    await list2.goto();
    await expect(list2.emptyState).toBeVisible();
    await list2.openBundle({
      name: exported.name,
      mimeType: 'application/json',
      buffer: Buffer.from(exported.text),
    });
    await expect(incident2.title).toHaveValue('Queue backlog (eu-west-1)');
    expect(await overviewValues(page2)).toEqual(original);

    const again = await captureDownload(page2, () => incident2.exportBundle());
    expect(withoutExportedAt(again.text)).toBe(withoutExportedAt(exported.text));
  } finally {
    await fresh.close();
  }

  // The same profile already has this incident: the bundle opens as a copy.
  await incident.backToList();
  await list.openBundle({
    name: exported.name,
    mimeType: 'application/json',
    buffer: Buffer.from(exported.text),
  });
  await expect(
    page.getByRole('status').filter({ hasText: 'Opened as a copy because this incident already exists' }),
  ).toBeVisible();
  await expect(incident.title).toHaveValue('Queue backlog (eu-west-1) (copy)');
  await incident.backToList();
  await expect(list.titles()).toHaveCount(2);
});

test('corrupt and future-version bundles show an error and change nothing', async ({
  page,
  list,
  incident,
}) => {
  await list.goto();
  await createIncident(list, incident, 'Kept as is');
  const exported = await captureDownload(page, () => incident.exportBundle());
  await incident.backToList();
  await expect(list.titles()).toHaveText(['Kept as is']);

  const truncated = exported.text.slice(0, Math.floor(exported.text.length / 2));
  await list.openBundle({
    name: 'broken.rootline.json',
    mimeType: 'application/json',
    buffer: Buffer.from(truncated),
  });
  const alert1 = page.getByRole('alertdialog', { name: 'Could not open broken.rootline.json' });
  await expect(alert1).toBeVisible();
  await expect(alert1).toContainText('broken.rootline.json');
  await alert1.getByRole('button', { name: 'OK' }).click();
  await expect(alert1).toBeHidden();
  await expect(list.titles()).toHaveText(['Kept as is']);

  const future = JSON.parse(exported.text) as { version: number };
  future.version = 999;
  await list.openBundle({
    name: 'future.rootline.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(future, null, 2)),
  });
  const alert2 = page.getByRole('alertdialog', { name: 'Could not open future.rootline.json' });
  await expect(alert2).toContainText('newer Rootline');
  await page.keyboard.press('Escape');
  await expect(alert2).toBeHidden();
  await expect(list.titles()).toHaveText(['Kept as is']);
  await expect(page).toHaveURL(/#\/$/);
});
