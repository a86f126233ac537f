import { createIncident, expect, test } from './fixtures';
import { TimelinePage } from './pages/TimelinePage';
import { seedTimeline, T } from './data/timelineSeed';
import { routeHash } from '../../renderer/routing/route';

test('add, edit, undo, delete, filter, zone switch, phases and reload on a hand-written timeline', async ({
  page,
  list,
  incident,
}) => {
  const tl = new TimelinePage(page);
  await list.goto();
  await createIncident(list, incident, 'Hand-written timeline');
  await incident.setZone('Display time zone', 'America/Los_Angeles');
  await incident.saved();
  await tl.open();
  await expect(page.getByRole('region', { name: 'No events yet' })).toBeVisible();

  await tl.add('2014-11-18 16:51', 'impact', 'API errors', 'api');
  await tl.add('+5m', 'detection', 'Pager fired', 'pager');
  await tl.add('2014-11-19T02:00:00Z', 'communication', 'Status page updated');
  await expect(tl.rows).toHaveCount(3);
  await expect(tl.row('API errors')).toContainText('16:51:00 PST');
  await expect(tl.row('Pager fired')).toContainText('16:56:00 PST');
  await expect(tl.row('Status page updated')).toContainText('18:00:00 PST');
  await expect(tl.grid.getByText('Tue Nov 18, 2014')).toBeVisible();
  await expect(tl.grid.getByText('1 h 4 min without events')).toBeVisible();

  // Inline edit, then app undo/redo from the grid.
  await tl.row('Pager fired').locator('.c-title').dblclick();
  const editor = tl.grid.getByLabel('Title');
  await editor.fill('Pager fired for API');
  await editor.press('Enter');
  await expect(tl.row('Pager fired for API')).toBeVisible();
  await tl.focusGrid();
  await page.keyboard.press('Control+z');
  await expect(tl.row('Pager fired for API')).toHaveCount(0);
  await expect(tl.row('Pager fired')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(tl.row('Pager fired for API')).toBeVisible();
  // A moves from the grid to the add-event bar (N stays the app's New incident).
  await tl.focusGrid();
  await page.keyboard.press('a');
  await expect(tl.addForm.getByPlaceholder(/^Time in/)).toBeFocused();

  // Time edit in the display zone; a bad time keeps the editor open with the reason.
  await tl.row('Status page updated').locator('.c-time').dblclick();
  const time = tl.grid.getByLabel('Time');
  await time.fill('tomorrow-ish');
  await time.press('Enter');
  await expect(tl.grid.getByRole('alert')).toContainText('Not a date and time');
  await time.fill('17:30');
  await time.press('Enter');
  await expect(tl.row('Status page updated')).toContainText('17:30:00 PST');

  // Delete is undoable.
  await tl.row('Status page updated').click();
  await tl.focusGrid();
  await page.keyboard.press('Delete');
  await expect(tl.rows).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).last().click();
  await expect(tl.rows).toHaveCount(3);

  // Filters are visible and clearable.
  await tl.search.fill('pager');
  await expect(tl.filterStatus).toHaveText('1 of 3 events shown');
  await expect(page.getByText('Text: “pager”')).toBeVisible();
  await page.getByRole('group', { name: 'Filter by kind' }).getByRole('button', { name: 'impact' }).click();
  await expect(tl.filterStatus).toHaveText('0 of 3 events shown');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(tl.filterStatus).toHaveText('3 events');

  // Zone switch and two zones side by side.
  await tl.zone.selectOption('utc');
  await expect(tl.row('API errors')).toContainText('00:51:00 UTC');
  await page.getByLabel(/Also show/).check();
  await expect(tl.row('API errors')).toContainText('00:51:00 UTC 16:51:00 PST');
  await tl.zone.selectOption('incident');
  await expect(tl.row('API errors')).toContainText('16:51:00 PST 00:51:00 UTC');

  // Setting phases from the timeline updates the incident's key times and TTD.
  await tl.row('API errors').click();
  await tl.selection.getByLabel('Set phase from this event').selectOption('impactStartAt');
  await expect(tl.row('API errors')).toContainText('Impact started');
  await expect(tl.row('Pager fired for API')).toContainText('T+00:05');
  await tl.row('Pager fired for API').click();
  await tl.selection.getByLabel('Set phase from this event').selectOption('detectedAt');
  await expect(page.getByLabel('Phase durations')).toContainText('TTD 5m');
  await incident.tab('Overview').click();
  await expect(incident.keyTime('Impact started')).toHaveValue('2014-11-18 16:51');
  await expect(incident.duration('Time to detect')).toHaveText('5m');

  // The view (zone, second zone) is remembered for this incident across a reload.
  await tl.open();
  await tl.zone.selectOption('utc');
  await page.reload();
  await list.waitReady();
  await tl.open();
  await expect(tl.rows).toHaveCount(3);
  await expect(tl.row('Pager fired for API')).toContainText('T+00:05');
  await expect(tl.zone).toHaveValue('utc');
  await expect(page.getByLabel(/Also show/)).toBeChecked();
  await expect(tl.row('API errors')).toContainText('00:51:00 UTC 16:51:00 PST');
});

test('evidence, split, merge, chart click and brushing on an imported incident', async ({ page, list }) => {
  const tl = new TimelinePage(page);
  await list.goto();
  const id = await seedTimeline(page);
  await page.goto(`./${routeHash({ name: 'incident', id, tab: 'timeline' })}`);
  await expect(tl.rows).toHaveCount(3);
  const folded = tl.row('timeout after <dur> to <ip>');
  await expect(folded).toContainText('×4');

  // Evidence: the raw records behind the folded event, with file and line.
  await folded.click();
  await folded.getByRole('button', { name: /^Evidence for/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('4 of 4 records found');
  await expect(dialog).toContainText('app.log:10');
  await expect(dialog).toContainText('timeout after 12s to 10.0.0.9');

  // Details that do not fit a row are edited here; the span end is read in the display zone.
  await dialog.getByLabel('Detail', { exact: true }).fill('Blob front-ends timed out');
  await dialog.getByLabel(/^Ends/).fill('+2m');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog.getByText('Saved.')).toBeVisible();
  await expect(dialog.getByLabel(/^Ends/)).toHaveValue('2014-11-18 16:53');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await tl.focusGrid();
  await page.keyboard.press('Control+z');
  await folded.click();
  await folded.getByRole('button', { name: /^Evidence for/ }).click();
  await expect(dialog.getByLabel(/^Ends/)).toHaveValue('2014-11-18 16:54');
  await expect(dialog.getByLabel('Detail', { exact: true })).toHaveValue('');

  // Split it into its records, then undo.
  await dialog.getByRole('button', { name: 'Split into 4 events' }).click();
  await expect(tl.rows).toHaveCount(6);
  await expect(tl.row('timeout after 30s to 10.0.0.7')).toBeVisible();
  await tl.focusGrid();
  await page.keyboard.press('Control+z');
  await expect(tl.rows).toHaveCount(3);
  await expect(folded).toContainText('×4');

  // Chart click selects the event's row.
  await page.getByLabel('Lanes').selectOption('kind');
  await tl.clickChart(T + 5 * 60_000, 'detection');
  await expect(tl.row('page sent to on-call')).toHaveAttribute('aria-selected', 'true');

  // Merge two events; counts and sources combine; it survives a reload.
  await tl.row('deploy 42').click({ modifiers: ['Control'] });
  await expect(tl.selection).toContainText('2 selected');
  await tl.selection.getByRole('button', { name: 'Merge' }).click();
  await expect(tl.rows).toHaveCount(2);
  const merged = tl.row('deploy 42');
  await expect(merged).toContainText('×2');
  await expect(merged).toContainText('deployer, pager');

  // Brushing a range on the chart filters the table.
  // After the folded impact ended (T+3m) only the merged event (T−10m…T+5m) overlaps.
  const a = await tl.chartPoint(T + 4 * 60_000, 'impact');
  const b = await tl.chartPoint(T + 4.5 * 60_000, 'impact');
  const box = (await tl.chart.boundingBox())!;
  await page.mouse.move(box.x + a.x, box.y + a.y);
  await page.mouse.down();
  await page.mouse.move(box.x + b.x, box.y + b.y, { steps: 5 });
  await page.mouse.up();
  await expect(tl.filterStatus).toHaveText('1 of 2 events shown');
  await expect(page.getByText(/^Time: /)).toBeVisible();
  await expect(tl.row('deploy 42')).toBeVisible();

  await page.reload();
  await list.waitReady();
  await expect(tl.rows).toHaveCount(2);
  await expect(tl.row('deploy 42')).toContainText('×2');
});

test('a long timeline keeps few rows in the page; scrolling, End and Home reach any row', async ({
  page,
  list,
}) => {
  const tl = new TimelinePage(page);
  await list.goto();
  const id = await seedTimeline(page, 3_000);
  await page.goto(`./${routeHash({ name: 'incident', id, tab: 'timeline' })}`);
  await expect(tl.grid).toHaveAttribute('aria-busy', 'false');
  await expect(tl.row('deploy 42')).toBeInViewport();
  const drawn = async () => {
    const n = await tl.rows.count();
    expect(n, 'event rows in the page').toBeGreaterThan(5);
    expect(n, 'event rows in the page').toBeLessThan(80);
  };
  await drawn();
  // End selects the last event and scrolls it into view; Home goes back to the first.
  await tl.focusGrid();
  await page.keyboard.press('End');
  await expect(tl.row('note 3000')).toBeInViewport();
  await expect(tl.row('note 3000')).toHaveAttribute('aria-selected', 'true');
  await expect(tl.row('deploy 42')).toHaveCount(0);
  await drawn();
  await page.keyboard.press('Home');
  await expect(tl.row('deploy 42')).toBeInViewport();
  // ↑ at the first row stays; ↓ past the bottom of the view scrolls one row at a time.
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowDown');
  await expect(tl.row('note 18')).toBeInViewport();
  await expect(tl.row('note 18')).toHaveAttribute('aria-selected', 'true');
  // Scrolled by hand to the thousandth row: the rows there are drawn.
  await tl.grid.evaluate((el) => {
    el.scrollTop = 30 * 1_000;
  });
  await expect(tl.row('note 1000')).toBeInViewport();
  await drawn();
});
