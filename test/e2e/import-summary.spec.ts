import { createIncident, expect, test } from './fixtures';
import { ImportDialogPage } from './pages/ImportDialog';

test.beforeEach(async ({ list }) => {
  await list.goto();
});

test('a text log without a zone: the summary says so and re-reads it in another zone with one click', async ({
  page,
  list,
  incident,
}) => {
  await createIncident(list, incident, 'Zoneless log');
  await incident.setZone('Display time zone', 'America/Los_Angeles');
  await incident.saved();
  await incident.tab('Timeline').click();
  const dialog = new ImportDialogPage(page);
  await dialog.drop([
    { name: 'app.log', text: '2014-11-18 16:51:07 ERROR front-end loop detected\n' },
    { name: 'zoned.log', text: '2014-11-19T00:52:07Z ERROR storage errors rising\n' },
  ]);
  await dialog.start();
  const note = dialog.dialog.getByRole('note', { name: 'Times without a zone' });
  await expect(note).toContainText('1 file has times without a zone: app.log');
  await expect(note).toContainText('read as America/Los_Angeles');
  await note.getByRole('button', { name: 'Read them as UTC' }).click();
  await expect(note).toContainText('read as UTC');
  await expect(dialog.dialog.getByRole('table', { name: 'Proposed events' })).toContainText(
    '2014-11-18 08:51:07',
  );
});

test('a summary of many events shows the first at once and the rest as its box is scrolled, in time order', async ({
  page,
  list,
  incident,
}) => {
  await createIncident(list, incident, 'Many events');
  await incident.tab('Timeline').click();
  const dialog = new ImportDialogPage(page);
  // 120 failures 90 s apart, each its own event: more rows than the summary shows at first.
  const lines = Array.from({ length: 120 }, (_, i) => {
    const at = new Date(Date.parse('2014-11-19T00:00:00Z') + i * 90_000).toISOString().replace('.000', '');
    return `${at} ERROR disk${i} on rack${i % 7} failed with code E${1000 + i}`;
  });
  await dialog.drop([{ name: 'disks.log', text: `${lines.join('\n')}\n` }]);
  await dialog.start();
  await expect(dialog.acceptButton).toHaveText('Accept 120 events');
  const rows = dialog.dialog
    .getByRole('table', { name: 'Proposed events' })
    .locator('tbody')
    .getByRole('row');
  await expect(rows.first()).toContainText('disk0 on rack0 failed with code E1000');
  const first = await rows.count();
  expect(first).toBeGreaterThanOrEqual(25);
  expect(first).toBeLessThan(120);
  // Scrolling the box to its last row brings the next ones, until all are there.
  await expect(async () => {
    await rows.last().scrollIntoViewIfNeeded();
    await expect(rows).toHaveCount(120, { timeout: 1_000 });
  }).toPass();
  const texts = await rows.allTextContents();
  expect(texts.map((t) => /disk(\d+) /.exec(t)?.[1])).toEqual(lines.map((_, i) => String(i)));
});

test('binary, empty and pretty-printed JSON files each get their own message', async ({
  page,
  list,
  incident,
}) => {
  await createIncident(list, incident, 'Odd files');
  await incident.tab('Timeline').click();
  const dialog = new ImportDialogPage(page);
  await dialog.drop([{ name: 'core.dump', text: '\u007fELF\u0000\u0001\u0002 not a log' }]);
  await expect(dialog.fileRow('core.dump')).toContainText('NUL bytes', { timeout: 30_000 });
  // Flagged binary: the Import button stays off and says why.
  await expect(dialog.dialog.getByRole('button', { name: /^Import \d+ files?/ })).toBeDisabled();
  await expect(dialog.dialog).toContainText('Remove core.dump to import');
  const close = () => dialog.dialog.getByRole('button', { name: 'Close' }).click();
  await close();

  const eventList = JSON.stringify(
    {
      apiVersion: 'v1',
      kind: 'EventList',
      items: [1, 2].map((i) => ({
        kind: 'Event',
        involvedObject: { kind: 'Pod', name: `web-${i}`, namespace: 'prod' },
        firstTimestamp: `2014-11-19T00:5${i}:07Z`,
        lastTimestamp: `2014-11-19T00:5${i}:07Z`,
        message: `Back-off restarting failed container ${i}`,
        reason: 'BackOff',
        type: 'Warning',
        count: 1,
      })),
    },
    null,
    2,
  );
  await dialog.drop([{ name: 'events.json', text: eventList }]);
  await dialog.start();
  const about = dialog.dialog.getByRole('list', { name: 'About the files' });
  await expect(about).toContainText('events.json was read as one document');
  await expect(about).toContainText('2 records');
  await expect(dialog.stat('Skipped')).toHaveText('0');
  await dialog.dialog.getByRole('button', { name: 'Discard' }).click();
  await close();

  // A 0-byte file: said so at once, and nothing to start.
  await dialog.drop([{ name: 'empty.log', text: '' }]);
  await expect(dialog.fileRow('empty.log')).toContainText('empty.log is empty (0 bytes)');
  await expect(dialog.dialog.getByRole('button', { name: /^Import \d+ files?/ })).toBeDisabled();
  await close();

  // Only blank lines: no "Accept 0 events".
  await dialog.drop([{ name: 'blank.log', text: '\n\n   \n' }]);
  await dialog.start();
  await expect(about).toContainText('blank.log holds no records');
  await expect(dialog.dialog.getByRole('button', { name: /^Accept/ })).toHaveCount(0);
  await expect(dialog.dialog).toContainText('Nothing to import');
});

test('a log whose records all read as routine: the summary says why none became an event', async ({
  page,
  list,
  incident,
}) => {
  await createIncident(list, incident, 'Routine log');
  await incident.tab('Timeline').click();
  const dialog = new ImportDialogPage(page);
  const lines = Array.from({ length: 40 }, (_, i) => {
    const at = `2008-11-09T20:${String(i).padStart(2, '0')}:00Z`;
    return i % 4 === 0 ? `${at} WARN slow ack from node${i % 3}` : `${at} INFO block blk_${i} received`;
  });
  await dialog.drop([{ name: 'datanode.log', text: `${lines.join('\n')}\n` }]);
  await dialog.start();
  const about = dialog.dialog.getByRole('list', { name: 'About the files' });
  await expect(about).toContainText(
    'datanode.log yielded no events: 30 records below warning level, or with no level, name no failure, change, alert, mitigation or recovery; 10 warnings came at their pattern',
  );
  await expect(dialog.stat('Events')).toHaveText('0');
  await expect(dialog.dialog.getByRole('button', { name: /^Accept/ })).toHaveCount(0);
  await expect(dialog.dialog).toContainText('None: no record became an event (the notes above say why).');
  await expect(dialog.dialog.getByRole('table', { name: 'Proposed events' })).toHaveCount(0);
  // What the log holds is still there to read, pattern by pattern.
  const patterns = dialog.dialog.getByRole('table', { name: 'Import patterns' });
  await patterns.getByRole('button', { name: /slow ack from/ }).click();
  await expect(dialog.dialog).toContainText('None: its records read as routine, so no event holds them.');
});

test('a syslog without years: the summary says which year it was read in, and reads it in the one typed', async ({
  page,
  list,
  incident,
}) => {
  await createIncident(list, incident, 'Yearless syslog');
  await incident.tab('Timeline').click();
  const dialog = new ImportDialogPage(page);
  await dialog.drop([
    {
      name: 'messages',
      text: 'Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; user=root\nJun 14 15:16:02 combo sshd[19939]: connection refused\n',
    },
  ]);
  await dialog.start();
  const note = dialog.dialog.getByRole('note', { name: 'Times without a year' });
  await expect(note).toContainText('1 file has times without a year: messages');
  await expect(note).toContainText('the latest year that puts them before the file was last modified');
  const field = note.getByLabel('Year they are from');
  await field.fill('05');
  await note.getByRole('button', { name: 'Read them in this year' }).click();
  await expect(note).toContainText('Enter a four-digit year such as 2014');
  await field.fill('2005');
  await note.getByRole('button', { name: 'Read them in this year' }).click();
  // Read again in 2005: the year was given, so there is nothing left to say about it.
  await expect(dialog.dialog.getByRole('table', { name: 'Proposed events' })).toContainText('2005-06-14');
  await expect(note).toHaveCount(0);
});
