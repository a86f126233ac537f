import { createIncident, expect, test } from './fixtures';
import { ImportDialogPage } from './pages/ImportDialog';

// A log4j layout (%d %-5p [%t] %c - %m) with a stack trace, written for this test.
const LOG4J = [
  '2024-05-02 08:00:00,008 INFO  [main] com.shop.checkout.Api - started on port 8080',
  '2024-05-02 08:00:05,120 WARN  [pool-1] com.shop.checkout.Pool - pool 80% used',
  '2024-05-02 08:00:06,500 ERROR [http-exec-3] com.shop.checkout.Api - request failed',
  'java.lang.IllegalStateException: pool exhausted',
  '\tat com.shop.checkout.Pool.take(Pool.java:42)',
  '2024-05-02 08:00:09,000 INFO  [http-exec-3] com.shop.checkout.Api - request ok',
].join('\n');

const ACME_FORMAT = {
  $schema: 'https://lnav.org/schemas/format-v1.schema.json',
  acme_log: {
    title: 'Acme billing',
    regex: {
      std: {
        pattern:
          '^(?<timestamp>\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2}) \\*(?<level>\\w+)\\* (?<component>\\S+) (?<body>.*)$',
      },
    },
    'timestamp-format': ['%d.%m.%Y %H:%M:%S'],
    level: { error: '^ERR$', info: '^INF$' },
    sample: [{ line: '02.05.2024 08:00:00 *ERR* billing payment declined', level: 'error' }],
  },
};

function jsonFile(name: string, value: unknown) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value, null, 2)) };
}

test.beforeEach(async ({ list }) => {
  await list.goto();
});

test('a log4j file is read by its definition: level, thread and logger out of the header', async ({
  page,
  list,
  incident,
}) => {
  await createIncident(list, incident, 'Checkout pool exhaustion');
  await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
  const dialog = new ImportDialogPage(page);
  await dialog.drop([{ name: 'checkout.log', text: LOG4J }]);
  await expect(dialog.fileRow('checkout.log')).toContainText('detected: log4j_log', { timeout: 30_000 });
  await dialog.start();
  await expect(dialog.acceptButton).toBeVisible();
  await expect(dialog.stat('Records')).toHaveText('4');
  await expect(dialog.stat('Errors')).toHaveText('0');
  await dialog.acceptButton.click();
  await expect(dialog.dialog).toBeHidden();

  const grid = page.getByRole('grid', { name: 'Timeline events' });
  const failed = grid.locator('[data-event-id]').filter({ hasText: 'request failed' });
  await expect(failed).toBeVisible();
  // The service is the logger, and the title is the body without the log4j header.
  await expect(failed).toContainText('com.shop.checkout.Api');
  await expect(failed).not.toContainText('ERROR');
  await expect(failed).not.toContainText('[http-exec-3]');
  await page.screenshot({ path: 'test-results/textformats-shots/log4j-timeline.png' });
});

test('Log formats: add a format file (a bad one is refused with file, line and path), use it, remove it', async ({
  page,
  list,
  incident,
}) => {
  await createIncident(list, incident, 'Billing errors');
  await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
  await page.getByRole('button', { name: 'Import logs…' }).click();
  const dialog = new ImportDialogPage(page);
  await expect(dialog.dialog).toBeVisible();
  await dialog.dialog.getByText('Log formats', { exact: false }).first().click();

  const addButton = dialog.dialog.getByRole('button', { name: 'Add format file…' });
  const bad = structuredClone(ACME_FORMAT);
  bad.acme_log.sample[0]!.line = 'a line the regex does not read';
  let chooser = page.waitForEvent('filechooser');
  await addButton.click();
  await (await chooser).setFiles(jsonFile('acme-bad.json', bad));
  const alert = dialog.dialog.getByRole('alert');
  await expect(alert).toContainText('acme-bad.json was not added');
  await expect(alert).toContainText(
    'acme-bad.json: line 18: acme_log.sample[0]: format "acme_log" fails its own sample 1',
  );

  chooser = page.waitForEvent('filechooser');
  await addButton.click();
  await (await chooser).setFiles(jsonFile('acme.json', ACME_FORMAT));
  const yours = dialog.dialog.getByRole('list', { name: 'Your log formats' });
  await expect(yours).toContainText('acme.json');
  await expect(yours).toContainText('acme_log');
  await expect(alert).toHaveCount(0);

  chooser = page.waitForEvent('filechooser');
  await dialog.dialog.getByRole('button', { name: 'Choose files…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'billing.log',
    mimeType: 'text/plain',
    buffer: Buffer.from(
      '02.05.2024 08:00:00 *ERR* billing payment declined\n02.05.2024 08:00:03 *INF* billing retry ok\n',
    ),
  });
  await expect(dialog.fileRow('billing.log')).toContainText('detected: acme_log', { timeout: 30_000 });
  await expect(page.getByRole('combobox', { name: 'Format of billing.log' })).toContainText(
    'acme_log (your format, acme.json)',
  );
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `test-results/textformats-shots/formats-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // Stored in the database: still there after a reload.
  await page.reload();
  await list.waitReady();
  await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
  await page.getByRole('button', { name: 'Import logs…' }).click();
  await dialog.dialog.getByText('Log formats', { exact: false }).first().click();
  await expect(yours).toContainText('acme.json');
  await dialog.dialog.getByRole('button', { name: 'Remove format file acme.json' }).click();
  await expect(yours).toHaveCount(0);
  await expect(dialog.dialog.getByText('Log formats', { exact: true })).toBeVisible();
});
