import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { createIncident, expect, test } from './fixtures';
import { ImportDialogPage } from './pages/ImportDialog';
import { TimelinePage } from './pages/TimelinePage';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/logs/${name}`, import.meta.url)), 'utf8');

const SHOTS = 'test-results/kinds-shots';

/** Screenshots of the current view in the light and the dark theme. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `${SHOTS}/${name}-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function importFiles(page: Page, files: { name: string; text: string }[]): Promise<ImportDialogPage> {
  const dialog = new ImportDialogPage(page);
  await dialog.drop(files);
  for (const f of files)
    await expect(dialog.fileRow(f.name)).toContainText('detected:', {
      // The first preview starts the import worker, which can take a while on a loaded machine.
      timeout: 30_000,
    });
  return dialog;
}

test.beforeEach(async ({ list }) => {
  await list.goto();
});

test('a log4j log: routine INFO and WARN stay evidence, ERRORs and WARN bursts are impact', async ({
  page,
  list,
  incident,
}) => {
  await createIncident(list, incident, 'Quorum loss');
  const tl = new TimelinePage(page);
  await tl.open();
  const dialog = await importFiles(page, [{ name: 'quorum.log', text: fixture('quorum_log4j.log') }]);
  await dialog.start();
  await expect(dialog.acceptButton).toHaveText('Accept 3 events');
  await expect(dialog.stat('Records')).toHaveText('361');
  const proposed = dialog.dialog.getByRole('table', { name: 'Proposed events' });
  await expect(proposed.locator('tbody tr')).toHaveCount(3);
  await expect(proposed).not.toContainText('Established session');
  await expect(proposed).not.toContainText('caught end of stream');
  for (const row of await proposed.locator('tbody tr').all()) await expect(row).toContainText('impact');
  await shoot(page, 'log4j-summary');
  await dialog.acceptButton.click();
  await expect(dialog.dialog).toBeHidden();

  await expect(tl.rows).toHaveCount(3);
  await expect(tl.row('Connection broken for id 2')).toContainText('QuorumCnxManager$RecvWorker');
  await expect(tl.row('Connection broken for id 2')).toContainText('26');
  await expect(tl.row('Unexpected exception causing shutdown')).toContainText('LearnerHandler');
  await shoot(page, 'log4j-timeline');
  await incident.tab('Overview').click();
  await expect(incident.keyTime('Impact started')).toHaveValue(/^2026-03-14 19:20/);
  await expect(incident.keyTime('Detected')).toHaveValue('');
});

test('a Statuspage incident: updates are communications, components give impact and recovery, phases fill', async ({
  page,
  list,
  incident,
}) => {
  await createIncident(list, incident, 'Notifications delayed');
  const tl = new TimelinePage(page);
  await tl.open();
  const dialog = await importFiles(page, [
    { name: 'incident.json', text: fixture('githubstatus_incident_rgy28jwprr1c.json') },
  ]);
  await dialog.start();
  await expect(dialog.acceptButton).toHaveText('Accept 8 events');
  await shoot(page, 'statuspage-summary');
  await dialog.acceptButton.click();
  await expect(dialog.dialog).toBeHidden();

  await expect(tl.rows).toHaveCount(8);
  await expect(tl.row('We are investigating a delay in webhook delivery.')).toContainText('communication');
  await expect(tl.row('The backlog has cleared and all notifications are operational.')).toContainText(
    'communication',
  );
  await expect(tl.row('Notifications: major outage')).toContainText('impact');
  await expect(tl.row('Notifications is operational again')).toContainText('recovery');
  await expect(tl.row('Every affected component is operational')).toContainText('mitigation');
  await shoot(page, 'statuspage-timeline');

  await incident.tab('Overview').click();
  await expect(incident.keyTime('Impact started')).toHaveValue(/^2019-09-23 16:12/);
  await expect(incident.keyTime('Detected')).toHaveValue(/^2019-09-23 16:12/);
  await expect(incident.keyTime('Mitigated')).toHaveValue(/^2019-09-23 16:37/);
  await expect(incident.keyTime('Recovered')).toHaveValue(/^2019-09-23 16:37/);
  await expect(incident.keyTime('Resolved')).toHaveValue(/^2019-09-23 16:37/);
});

test('service aliases: guessed in the dialog, editable, applied and remembered', async ({
  page,
  list,
  incident,
}) => {
  await createIncident(list, incident, 'Blob uploads failing');
  const tl = new TimelinePage(page);
  await tl.open();
  const app = [
    'time=2026-03-14T18:53:01Z level=error service=blob-frontend msg="upload failed: 503 from storage"',
    'time=2026-03-14T18:53:02Z level=error service=blob-frontend msg="upload failed: 503 from storage"',
  ].join('\n');
  const dialog = await importFiles(page, [
    { name: 'events.json', text: fixture('k8s_rollout_events.json') },
    { name: 'app.log', text: app },
  ]);
  const aliases = dialog.dialog.getByRole('group', { name: 'Same service, other names' });
  const field = aliases.getByLabel('Service that blob-frontend is another name for');
  await expect(field).toHaveValue('blob-fe');
  await shoot(page, 'aliases-dialog');
  await dialog.start();
  const proposed = dialog.dialog.getByRole('table', { name: 'Proposed events' });
  await expect(proposed.getByRole('row').filter({ hasText: 'upload failed' })).toContainText('blob-fe');
  await expect(proposed).not.toContainText('blob-frontend');
  await dialog.acceptButton.click();
  await expect(dialog.dialog).toBeHidden();
  await expect(tl.row('upload failed')).toContainText('blob-fe');

  // The next import starts from the stored map; clearing the field keeps the name apart.
  const again = await importFiles(page, [{ name: 'app2.log', text: app.replaceAll('18:53', '19:10') }]);
  const field2 = again.dialog
    .getByRole('group', { name: 'Same service, other names' })
    .getByLabel('Service that blob-frontend is another name for');
  await expect(field2).toHaveValue('blob-fe');
  await field2.fill('');
  await field2.press('Enter');
  await again.start();
  await expect(
    again.dialog
      .getByRole('table', { name: 'Proposed events' })
      .getByRole('row')
      .filter({ hasText: 'upload failed' }),
  ).toContainText('blob-frontend');
});
