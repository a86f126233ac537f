import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { createIncident, expect, test } from './fixtures';
import { ImportDialogPage } from './pages/ImportDialog';

const scenario = readFileSync(
  fileURLToPath(new URL('../fixtures/scenarios/azure-2014-orchestrator.jsonl', import.meta.url)),
  'utf8',
);

test.beforeEach(async ({ list }) => {
  await list.goto();
});

test('dropping an orchestrator log builds the timeline, fills the phases and survives a reload', async ({
  page,
  list,
  incident,
}) => {
  await createIncident(list, incident, 'Storage outage');
  await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
  const dialog = new ImportDialogPage(page);
  await dialog.watchProgress();
  await dialog.drop([{ name: 'orchestrator.jsonl', text: scenario }]);
  await expect(dialog.fileRow('orchestrator.jsonl')).toContainText('detected: cloudevents', {
    // The first preview starts the import worker, which can take a while on a loaded machine.
    timeout: 30_000,
  });
  await dialog.start();

  await expect(dialog.acceptButton).toBeVisible();
  expect(await dialog.sawProgress()).toBe(true);
  await expect(dialog.stat('Lines')).toHaveText('600');
  await expect(dialog.stat('Errors')).toHaveText('6');
  const records = Number(await dialog.stat('Records').textContent());
  expect(records).toBe(594);
  // The two mistakes of the 2014 rollout are both found.
  const findings = dialog.dialog.getByRole('list', { name: 'Findings' });
  await expect(findings).toContainText('unstaged-rollout');
  await expect(findings).toContainText('untested-target');
  // The errors name file, line and reason.
  await expect(dialog.dialog.getByRole('table', { name: 'Import errors' })).toContainText(
    'orchestrator.jsonl',
  );

  const label = await dialog.acceptButton.textContent();
  const eventCount = Number(/Accept (\d+)/.exec(label ?? '')?.[1]);
  expect(eventCount).toBeGreaterThan(10);
  expect(eventCount).toBeLessThan(100);
  await dialog.acceptButton.click();
  await expect(dialog.dialog).toBeHidden();
  await expect(page.getByText(`Imported ${eventCount} events into the timeline.`)).toBeVisible();

  const rows = page.getByRole('grid', { name: 'Timeline events' }).locator('[data-event-id]');
  await expect(rows.first()).toBeVisible();

  // The phases fill the overview's key times.
  await page.getByRole('tab', { name: 'Overview', exact: true }).click();
  await expect(page.getByLabel('Impact started')).toHaveValue(/^2014-11-19 01:01/);
  await expect(page.getByLabel('Resolved')).toHaveValue(/^2014-11-19 11:45/);

  await page.reload();
  await list.waitReady();
  await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
  await expect(rows.first()).toBeVisible();
  await expect(page.getByText(`${eventCount} events`, { exact: true })).toBeVisible();
});

test('discarding an import leaves the timeline as it was', async ({ page, list, incident }) => {
  await createIncident(list, incident, 'Nothing kept');
  await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
  const dialog = new ImportDialogPage(page);
  await dialog.drop([{ name: 'orchestrator.jsonl', text: scenario }]);
  await dialog.start();
  await expect(dialog.acceptButton).toBeVisible();
  await dialog.dialog.getByRole('button', { name: 'Discard' }).click();
  await dialog.dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('No events yet')).toBeVisible();
  await page.getByRole('tab', { name: 'Overview', exact: true }).click();
  await expect(page.getByLabel('Impact started')).toHaveValue('');
});

test('a binary file gets a clear message and imports nothing', async ({ page, list, incident }) => {
  await createIncident(list, incident, 'Binary drop');
  await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
  const dialog = new ImportDialogPage(page);
  await dialog.drop([{ name: 'core.dump', text: '\u007fELF\u0000\u0001\u0002 not a log' }]);
  await expect(dialog.fileRow('core.dump')).toContainText('NUL bytes', { timeout: 30_000 });
  // Nothing to start: the Import button stays off while the binary file is chosen.
  await expect(dialog.dialog.getByRole('button', { name: /^Import \d+ files?/ })).toBeDisabled();
});

/** A Slack-export-shaped zip whose one day file unpacks to 100 MB of one repeated line (~0.3 MB). */
function slackZipBomb(): Buffer {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    parts.push(chunk);
  });
  const entry = new ZipDeflate('general/2024-01-01.json', { level: 9 });
  zip.add(entry);
  const block = strToU8('{"type":"message","text":"again"},'.repeat(30_000));
  for (let i = 0; i < 100; i++) entry.push(block, i === 99);
  zip.end();
  return Buffer.concat(parts);
}

test('a zip bomb is refused while it unpacks, with a clear message', async ({ page, list, incident }) => {
  // Unpacking 65 MB before the refusal takes a while on a busy machine.
  test.slow();
  const bytes = slackZipBomb();

  await createIncident(list, incident, 'Zip bomb');
  await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
  const dialog = new ImportDialogPage(page);
  await dialog.dropBinary('export.zip', bytes.toString('base64'));
  await dialog.start();
  await expect(dialog.dialog.getByRole('table', { name: 'Import errors' })).toContainText(
    /export\.zip: it unpacks to more than 200× its size .* likely zip bomb/,
    { timeout: 60_000 },
  );
  await expect(dialog.stat('Records')).toHaveText('0');
});

test('cancelling a large import read by a pool of workers leaves nothing half-stored', async ({
  page,
  list,
  incident,
}) => {
  await createIncident(list, incident, 'Cancelled import');
  await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
  // Four cores, whatever the machine: the file is read in segments by three segment workers.
  const dialog = new ImportDialogPage(page);
  await dialog.reportCores(4);
  const segmentWorkers: string[] = [];
  page.on('request', (r) => {
    if (/segment\.worker/.test(r.url())) segmentWorkers.push(r.url());
  });
  // ~60 MB of orchestrator events, made in the page so nothing that large crosses the wire.
  const dataTransfer = await page.evaluateHandle((lines) => {
    const body = lines.join('\n') + '\n';
    const parts: string[] = [];
    for (let i = 0; i < 320; i++) parts.push(body);
    const dt = new DataTransfer();
    dt.items.add(new File(parts, 'big.jsonl'));
    return dt;
  }, scenario.trimEnd().split('\n'));
  await page.locator('body').dispatchEvent('dragover', { dataTransfer });
  await page.locator('body').dispatchEvent('drop', { dataTransfer });
  await expect(dialog.fileRow('big.jsonl')).toContainText('detected: cloudevents', {
    // The first preview starts the import worker, which can take a while on a loaded machine.
    timeout: 30_000,
  });
  await dialog.start();
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  await expect.poll(() => segmentWorkers.length).toBeGreaterThan(0);
  await dialog.dialog.getByRole('button', { name: 'Cancel import' }).click();
  await expect(dialog.dialog.getByRole('button', { name: /^Import 1 file/ })).toBeVisible();
  await dialog.dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('No events yet')).toBeVisible();
  // No raw-record block of the cancelled import is left in the database.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('rootline');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const count = open.result.transaction('logBlocks').objectStore('logBlocks').count();
              count.onsuccess = () => resolve(count.result);
              count.onerror = () => reject(count.error);
            };
          }),
      ),
    )
    .toBe(0);
});

test('an unknown CSV gets a field-mapping step with a live preview', async ({ page, list, incident }) => {
  await createIncident(list, incident, 'Spreadsheet export');
  await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
  const dialog = new ImportDialogPage(page);
  const csv = [
    'when;what;box;sev',
    '2014-11-19T00:51:00Z;front-end request loop;blob-fe;error',
    '2014-11-19T00:55:00Z;availability alert fired;monitor;warn',
    '2014-11-19T01:50:00Z;rollback of CHG-5127 started;deploy;info',
  ].join('\n');
  await dialog.drop([{ name: 'export.csv', text: csv }]);
  const row = dialog.fileRow('export.csv');
  const importButton = dialog.dialog.getByRole('button', { name: /^Import 1 file/ });
  // Nothing can be read yet: the dialog asks for the columns and will not start without them.
  await expect(row.getByRole('group', { name: /Map the columns/ })).toBeVisible({ timeout: 30_000 });
  await expect(importButton).toBeDisabled();
  await row.getByLabel('Time field').selectOption('when');
  await row.getByLabel('Message field').selectOption('what');
  await row.getByLabel('Service field').selectOption('box');
  await row.getByLabel('Level field').selectOption('sev');
  const preview = row.getByRole('table', { name: 'Mapping preview' });
  await expect(preview).toContainText('front-end request loop');
  await expect(preview).toContainText('2014-11-19T00:51:00.000Z');
  await importButton.click();
  await expect(dialog.stat('Records')).toHaveText('3');
  await expect(dialog.stat('Errors')).toHaveText('0');
  await dialog.acceptButton.click();
  await expect(page.getByRole('grid', { name: 'Timeline events' })).toContainText('front-end request loop');
});

test('an unzipped Slack export chosen as a folder imports as one archive', async ({
  page,
  list,
  incident,
}) => {
  await createIncident(list, incident, 'War-room chat');
  await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
  await page.getByRole('button', { name: 'Import logs…' }).click();
  const dialog = new ImportDialogPage(page);
  await expect(dialog.dialog).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await dialog.dialog.getByRole('button', { name: 'Choose folder…' }).click();
  await (
    await chooser
  ).setFiles(fileURLToPath(new URL('../fixtures/logs/slack-export-folder', import.meta.url)));
  const row = dialog.fileRow('slack-export-folder/');
  await expect(row).toContainText('read together as a Slack export', { timeout: 30_000 });
  // An archive gets no text sample (which would call its bytes binary).
  await expect(row.locator('.field-error')).toHaveCount(0);
  await dialog.start();
  await expect(dialog.stat('Records')).toHaveText('147');
  await expect(dialog.stat('Errors')).toHaveText('0');
  await dialog.acceptButton.click();
  await expect(dialog.dialog).toBeHidden();
  await expect(page.getByRole('grid', { name: 'Timeline events' })).toContainText('Hamza Faran');
});

test('a Slack export zip dropped on the window imports as one archive (unpacked as a stream)', async ({
  page,
  list,
  incident,
}) => {
  await createIncident(list, incident, 'Zipped chat');
  await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
  const dialog = new ImportDialogPage(page);
  const zip = readFileSync(new URL('../fixtures/logs/slack-export-viewer_testarchive.zip', import.meta.url));
  await dialog.dropBinary('slack-export.zip', zip.toString('base64'));
  await dialog.start();
  await expect(dialog.stat('Errors')).toHaveText('0', { timeout: 30_000 });
  await expect(dialog.stat('Records')).not.toHaveText('0');
  await dialog.acceptButton.click();
  await expect(page.getByRole('grid', { name: 'Timeline events' })).toContainText('Hamza Faran');
});
