import { createIncident, expect, test } from './fixtures';
import { TimelinePage } from './pages/TimelinePage';

// Escape belongs to the top-most dialog only: the comment-author prompt opened from an event's
// Comments dialog closes alone, and the next Escape closes the Comments dialog.
test('Escape in a dialog opened from a dialog closes only the top one', async ({ page, list, incident }) => {
  const tl = new TimelinePage(page);
  await list.goto();
  await createIncident(list, incident, 'Nested dialogs');
  await tl.open();
  await tl.add('2014-11-19T00:51:00Z', 'impact', 'Blob front-ends loop', 'blob-fe');

  await tl
    .row('Blob front-ends loop')
    .getByRole('button', { name: 'Comments on Blob front-ends loop' })
    .click();
  const comments = page.getByRole('dialog', { name: 'Comments: Blob front-ends loop' });
  await expect(comments).toBeVisible();
  await comments.getByRole('textbox', { name: 'New comment' }).fill('Which slice first?');
  await comments.getByRole('button', { name: 'Comment', exact: true }).click();
  const prompt = page.getByRole('dialog', { name: 'Your name for comments' });
  await expect(prompt).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(prompt).toBeHidden();
  await expect(comments).toBeVisible();
  // The typed comment is still there: nothing was lost with the prompt.
  await expect(comments.getByRole('textbox', { name: 'New comment' })).toHaveValue('Which slice first?');

  await comments.getByRole('textbox', { name: 'New comment' }).focus();
  await page.keyboard.press('Escape');
  await expect(comments).toBeHidden();
  await expect(tl.rows).toHaveCount(1);
});
