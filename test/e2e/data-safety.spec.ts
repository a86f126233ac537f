import type { Page } from '@playwright/test';
import { createIncident, expect, test } from './fixtures';

// Every keystroke that reached the screen survives a reload, however soon after it the reload
// comes: the edit is journaled synchronously and replayed when the page opens again.
const OFFSETS_MS = [0, 25, 75, 150, 300, 500];

/** Leaving while a write is pending asks first; these tests leave on purpose. */
function leaveAnyway(page: Page): void {
  page.on('dialog', (d) => void d.accept());
}

/** Whether the page would ask before unloading now (its beforeunload handler cancels). */
function wouldAsk(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const e = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  });
}

test.beforeEach(async ({ list, page }) => {
  // Typing and reloading six times in a row takes longer than most tests.
  test.setTimeout(180_000);
  leaveAnyway(page);
  await list.goto();
});

test('Overview summary: type, reload 0–500 ms later, no character lost', async ({ page, list, incident }) => {
  await createIncident(list, incident, 'Reload race: summary');
  let expected = '';
  for (const offset of OFFSETS_MS) {
    await incident.summary.click();
    await page.keyboard.press('End');
    const chunk = ` typed ${offset}ms before reload;`;
    await page.keyboard.type(chunk);
    expected += chunk;
    // The delay between the keystrokes and the reload is what this test is about.
    // eslint-disable-next-line playwright/no-wait-for-timeout
    await page.waitForTimeout(offset);
    await page.reload();
    await list.waitReady();
    await expect(incident.summary).toHaveValue(expected);
  }
  // The replayed text is saved for good: it is there after one more reload with nothing typed.
  await expect.poll(() => wouldAsk(page)).toBe(false);
  await page.reload();
  await list.waitReady();
  await expect(incident.summary).toHaveValue(expected);
});

test('Document section: type, reload 0–500 ms later, no character lost', async ({ page, list, incident }) => {
  await createIncident(list, incident, 'Reload race: document');
  await incident.tab('Document').click();
  await page.getByRole('button', { name: 'Use Atlassian incident postmortem' }).click();
  const summary = () => page.getByRole('textbox', { name: 'Summary text' });
  let expected = '';
  for (const offset of OFFSETS_MS) {
    await summary().locator('p').last().click();
    await page.keyboard.press('End');
    const chunk = ` typed ${offset}ms before reload;`;
    await page.keyboard.type(chunk);
    expected += chunk;
    // The delay between the keystrokes and the reload is what this test is about.
    // eslint-disable-next-line playwright/no-wait-for-timeout
    await page.waitForTimeout(offset);
    await page.reload();
    await list.waitReady();
    await expect(summary().locator('p').last()).toHaveText(expected.trim());
  }
  await expect.poll(() => wouldAsk(page)).toBe(false);
  await page.reload();
  await list.waitReady();
  await expect(summary().locator('p').last()).toHaveText(expected.trim());
});

test('leaving while "Saving…" shows asks first', async ({ page, list, incident }) => {
  await createIncident(list, incident, 'Unsaved warning');
  expect(await wouldAsk(page)).toBe(false);
  await incident.summary.click();
  await page.keyboard.type('not yet written');
  await expect(incident.saveStatus).toHaveText('Saving…');
  expect(await wouldAsk(page)).toBe(true);
  // Once everything is written, leaving does not ask.
  await incident.saved();
  expect(await wouldAsk(page)).toBe(false);
  // The text waits in the journal meanwhile, so leaving anyway loses nothing (see above).
});
