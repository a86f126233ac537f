import { shortcutRows } from '../../renderer/app/commands';
import { createIncident, expect, test } from './fixtures';
import { CommandPalette } from './pages/CommandPalette';

test('the command palette opens with Ctrl+K and runs what is chosen', async ({ page, list, incident }) => {
  const palette = new CommandPalette(page);
  await list.goto();
  await createIncident(list, incident, 'Queue backlog');

  await palette.run('Root causes tab');
  await expect(page).toHaveURL(/\/causes$/);
  await expect(page.getByRole('tab', { name: 'Root causes' })).toHaveAttribute('aria-selected', 'true');

  await palette.run('Action items of every incident');
  await expect(page).toHaveURL(/#\/actions$/);

  await palette.run('New incident');
  await expect(incident.title).toHaveValue('Untitled incident');

  await palette.run('Keyboard shortcuts');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});

test('the shortcuts sheet lists exactly the command table', async ({ page, list }) => {
  await list.goto();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  const expected = shortcutRows('Ctrl', false).map((r) => [r.keys, r.action]);
  const rows = sheet.getByRole('row');
  await expect(rows).toHaveCount(expected.length);
  const shown = await rows.evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')),
  );
  expect(shown).toEqual(expected);
});
