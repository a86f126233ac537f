import { createIncident, expect, test } from './fixtures';

test('empty state, then a filled overview survives a reload', async ({ page, list, incident }) => {
  await list.goto();
  await expect(list.emptyState).toBeVisible();
  await expect(list.emptyState).toContainText('postmortems');
  await expect(page.getByTestId('storage-status')).toContainText('Storage:');

  await createIncident(list, incident, 'Checkout API outage');
  await incident.severity.selectOption('SEV1');
  await incident.status.selectOption('in-review');
  await incident.summary.fill('Payments failed for 2 hours after a config push.');
  await incident.addTokens('Services', ['checkout-api', 'payments']);
  await incident.addTokens('Regions', ['us-west-2']);
  await incident.addTokens('Authors', ['Ada']);
  await incident.setZone('Display time zone', 'America/Los_Angeles');
  await expect(incident.field('Display time zone')).toHaveValue('America/Los_Angeles');

  await incident.keyTime('Impact started').fill('2014-11-18 16:51');
  await incident.keyTime('Detected').fill('2014-11-18T17:02:30');
  await incident.keyTime('Mitigated').fill('2014-11-18 18:03');
  await incident.keyTime('Recovered').fill('2014-11-18 18:20');
  await incident.keyTime('Resolved').fill('2014-11-19T03:00:00Z');
  await incident.summary.click();
  await incident.saved();

  await expect(incident.keyTimeNote('Impact started')).toHaveText(
    '2014-11-18 16:51:00 PST · 2014-11-19 00:51:00 UTC',
  );
  await expect(incident.keyTimeNote('Resolved')).toHaveText(
    '2014-11-18 19:00:00 PST · 2014-11-19 03:00:00 UTC',
  );
  await expect(incident.duration('Time to detect')).toHaveText('11m 30s');
  await expect(incident.duration('Time to mitigate')).toHaveText('1h 12m');
  await expect(incident.duration('Time to recover')).toHaveText('1h 29m');
  await expect(incident.duration('Total duration')).toHaveText('2h 9m');

  const notesBefore = await page.locator('.key-time p').allTextContents();
  await page.reload();
  await list.waitReady();

  await expect(incident.title).toHaveValue('Checkout API outage');
  await expect(incident.severity).toHaveValue('SEV1');
  await expect(incident.status).toHaveValue('in-review');
  await expect(incident.summary).toHaveValue('Payments failed for 2 hours after a config push.');
  await expect(incident.tokens('Services')).toHaveText(['checkout-api×', 'payments×']);
  await expect(incident.tokens('Regions')).toHaveText(['us-west-2×']);
  await expect(incident.field('Display time zone')).toHaveValue('America/Los_Angeles');
  await expect(incident.keyTime('Impact started')).toHaveValue('2014-11-18 16:51');
  await expect(incident.keyTime('Detected')).toHaveValue('2014-11-18 17:02:30');
  await expect(incident.keyTime('Resolved')).toHaveValue('2014-11-18 19:00');
  await expect(page.locator('.key-time p')).toHaveText(notesBefore);
  await expect(incident.duration('Total duration')).toHaveText('2h 9m');
});

test('invalid times are flagged and not saved; out-of-order times warn', async ({ page, list, incident }) => {
  await list.goto();
  await createIncident(list, incident, 'Clock check');
  await incident.keyTime('Impact started').fill('2020-02-30 10:00');
  await expect(incident.keyTimeNote('Impact started')).toContainText('No such date');
  await expect(incident.keyTime('Impact started')).toHaveAttribute('aria-invalid', 'true');
  await incident.keyTime('Detected').fill('2020-02-01 10:00');
  await incident.keyTime('Mitigated').fill('2020-02-01 09:00');
  await incident.saved();
  await expect(page.getByRole('list', { name: 'Key time warnings' })).toContainText(
    'Mitigated is before detected.',
  );
  await page.reload();
  await list.waitReady();
  await expect(incident.keyTime('Impact started')).toHaveValue('');
  await expect(incident.keyTime('Detected')).toHaveValue('2020-02-01 10:00');
});

test('undo and redo an overview edit', async ({ page, list, incident }) => {
  await list.goto();
  await createIncident(list, incident, 'Original title');
  await page.getByRole('heading', { name: 'Key times' }).click();

  await incident.title.fill('Edited title');
  await incident.saved();
  await expect(incident.undoButton).toHaveAttribute('title', 'Undo edit of title');

  await incident.undoButton.click();
  await expect(incident.title).toHaveValue('Original title');
  await expect(incident.heading).toHaveText('Original title');

  await incident.redoButton.click();
  await expect(incident.title).toHaveValue('Edited title');

  // The keyboard shortcut works when focus is not in a text field.
  await page.getByRole('tab', { name: 'Overview' }).focus();
  await page.keyboard.press('Control+z');
  await expect(incident.title).toHaveValue('Original title');
  await page.keyboard.press('Control+Shift+z');
  await expect(incident.title).toHaveValue('Edited title');

  await page.reload();
  await list.waitReady();
  await expect(incident.title).toHaveValue('Edited title');
});

test('tabs switch with arrow keys, and the tab survives a reload', async ({ page, list, incident }) => {
  await list.goto();
  await createIncident(list, incident, 'Tabs');
  await incident.tab('Overview').focus();
  await page.keyboard.press('ArrowRight');
  await expect(incident.tab('Timeline')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Timeline' })).toBeVisible();
  await expect(page).toHaveURL(/#\/incident\/[^/]+\/timeline$/);
  await page.keyboard.press('End');
  await expect(incident.tab('Review')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Review' })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(incident.tab('Document')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.reload();
  await list.waitReady();
  await expect(incident.tab('Review')).toHaveAttribute('aria-selected', 'true');
});

test('a time typed right after changing the zone is read in the new zone', async ({
  page,
  list,
  incident,
}) => {
  await list.goto();
  await createIncident(list, incident, 'Zone switch');
  await incident.setZone('Display time zone', 'Asia/Tokyo');
  await incident.keyTime('Impact started').fill('2024-02-01 08:00');
  await incident.summary.click();
  await incident.saved();
  await expect(incident.keyTimeNote('Impact started')).toHaveText(
    '2024-02-01 08:00:00 GMT+9 · 2024-01-31 23:00:00 UTC',
  );
  await page.reload();
  await list.waitReady();
  await expect(incident.keyTime('Impact started')).toHaveValue('2024-02-01 08:00');
});
