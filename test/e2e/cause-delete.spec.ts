import { createIncident, expect, test } from './fixtures';
import { ActionsPage } from './pages/ActionsPage';
import { CausesPage } from './pages/CausesPage';

test('Delete at the end of a cause with children or linked actions asks; undo restores the links', async ({
  page,
  list,
  incident,
}) => {
  await list.goto();
  await createIncident(list, incident, 'Delete guard');
  const causes = new CausesPage(page);
  await causes.open();
  await causes.press('Delete guard', 'Enter');
  await causes.typeTitle('Parent cause');
  await causes.press('Parent cause', 'Control+Enter');
  await causes.typeTitle('Child cause');
  await causes.press('Child cause', 'Enter');
  await causes.typeTitle('Lonely leaf');

  const actions = new ActionsPage(page);
  await incident.tab('Action items').click();
  await actions.add('Fix the parent');
  await actions.linkCauses('Fix the parent', ['Parent cause']);
  await expect(page.getByRole('button', { name: 'Edit: link causes to Fix the parent' })).toBeVisible();

  await causes.open();
  // A leaf with nothing linked goes at once (undo is offered in a toast).
  await causes.press('Lonely leaf', 'End');
  await causes.press('Lonely leaf', 'Delete');
  await expect(causes.row('Lonely leaf')).toHaveCount(0);

  // The caret at the end of a title with a child and a linked action: asked first.
  await causes.press('Parent cause', 'End');
  await causes.press('Parent cause', 'Delete');
  const ask = page.getByRole('alertdialog', { name: 'Delete cause?' });
  await expect(ask).toContainText('1 cause under it');
  await expect(ask).toContainText('1 action item');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(causes.row('Parent cause')).toHaveCount(1);
  await expect(causes.row('Child cause')).toHaveCount(1);
  await expect(causes.titleInput('Parent cause')).toBeFocused();

  await causes.press('Parent cause', 'Delete');
  await ask.getByRole('button', { name: 'Delete' }).click();
  await expect(causes.row('Parent cause')).toHaveCount(0);
  await expect(causes.row('Child cause')).toHaveCount(0);
  await incident.tab('Action items').click();
  await expect(page.getByRole('button', { name: 'Link causes to Fix the parent' })).toBeVisible();

  // Undo brings back the causes and the action item's link.
  await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await expect(page.getByRole('button', { name: 'Edit: link causes to Fix the parent' })).toBeVisible();
  await causes.open();
  await expect(causes.row('Parent cause')).toHaveCount(1);
  await expect(causes.row('Child cause')).toHaveCount(1);
});
