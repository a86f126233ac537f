import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { createIncident, expect, test } from './fixtures';

test('web: the export reminder appears for unexported changes; Export all downloads every bundle in a zip and clears it', async ({
  page,
  list,
  incident,
}) => {
  // Remind at once instead of after 3 days.
  await page.addInitScript(() => localStorage.setItem('rootline.backupReminderDays', '0'));
  await list.goto();
  const reminder = page.getByTestId('export-reminder');
  await expect(page.getByRole('button', { name: 'Export all incidents' })).toBeVisible();
  await expect(reminder).toBeHidden();

  await createIncident(list, incident, 'Disk full on db-1');
  await incident.backToList();
  await createIncident(list, incident, 'DNS outage');
  await page.reload();
  await list.waitReady();
  await expect(reminder).toHaveText(/2 incidents have changes that were never exported/);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all incidents' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^rootline-incidents-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  expect(Object.keys(files).sort()).toEqual(['disk-full-on-db-1.rootline.json', 'dns-outage.rootline.json']);
  const bundle = JSON.parse(strFromU8(files['dns-outage.rootline.json']!)) as {
    format: string;
    incident: { title: string };
  };
  expect(bundle.format).toBe('rootline-bundle');
  expect(bundle.incident.title).toBe('DNS outage');
  await expect(reminder).toBeHidden();

  // A later change to one incident brings the reminder back for that one only.
  await incident.summary.fill('Resolver cache poisoned.');
  await incident.saved();
  await page.reload();
  await list.waitReady();
  await expect(reminder).toHaveText(/1 incident has changes that were never exported/);
});
