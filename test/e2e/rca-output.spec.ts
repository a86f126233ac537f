import { expect, test } from './fixtures';

/*
 * Issue 12 §3: a template switch says what it moves out of customers' sight, and a PDF in the
 * browser says plainly that the print dialog makes it, and why.
 */
test.beforeEach(async ({ page, list }) => {
  await list.goto();
  await list.emptyState.getByRole('button', { name: 'Try the sample incident' }).click();
  await page.getByRole('tab', { name: 'Document', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Document outline' })).toBeVisible();
});

test('switching templates asks before moving public content into internal sections', async ({ page }) => {
  const picker = page.getByLabel('Template', { exact: true });
  const before = await picker.inputValue();
  // The sample's template (Azure 2014 RCA) publishes "Secondary impact"; Google SRE has no such section.
  const customers = 'Secondary impact';
  await expect(page.getByRole('heading', { name: customers, exact: true })).toBeVisible();

  await picker.selectOption({ label: 'Google SRE postmortem' });
  const dialog = page.getByRole('alertdialog', { name: 'Switch to “Google SRE postmortem”?' });
  await expect(dialog).toBeVisible();
  const moves = dialog.getByRole('list', { name: 'Content that becomes internal' });
  await expect(moves).toContainText(customers);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(picker).toHaveValue(before);

  await picker.selectOption({ label: 'Google SRE postmortem' });
  await dialog.getByRole('button', { name: 'Switch template' }).click();
  await expect(picker).toHaveValue('google-sre');
  // Nothing was dropped: the section is still there, now marked internal.
  const moved = page
    .locator('section.doc-section')
    .filter({ has: page.getByRole('heading', { name: customers, exact: true }) });
  await expect(moved.locator('.pill')).toHaveText('internal');
});

test('a switch that moves nothing out of sight does not ask', async ({ page }) => {
  const picker = page.getByLabel('Template', { exact: true });
  await picker.selectOption({ label: 'Google SRE postmortem' });
  await page
    .getByRole('alertdialog', { name: /Switch to/ })
    .getByRole('button', { name: 'Switch template' })
    .click();
  await expect(picker).toHaveValue('google-sre');
  // Back: what Google SRE keeps internal stays internal, and nothing public moves, so no question.
  await picker.selectOption({ label: 'Atlassian incident postmortem' });
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await expect(picker).toHaveValue('atlassian');
});

test('PDF in the browser: the print dialog makes it, and the app says so and why', async ({ page }) => {
  // Export dialog: the PDF choice explains itself.
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Export/ });
  await dialog.getByRole('radio', { name: /PDF/ }).check();
  await expect(dialog).toContainText('choose “Save as PDF”');
  await expect(dialog).toContainText('A web page cannot write a PDF file by itself');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The Document's button prints the document from a sandboxed frame and says the same.
  await page.evaluate(() => {
    const seen: { sandbox: string; html: string }[] = [];
    (window as unknown as { printFrames: typeof seen }).printFrames = seen;
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if (n instanceof HTMLIFrameElement)
            seen.push({ sandbox: n.getAttribute('sandbox') ?? '', html: n.srcdoc });
    }).observe(document.body, { childList: true });
  });
  const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  await page.getByRole('button', { name: 'Print / PDF' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Save as PDF' })).toContainText(
    'cannot write a PDF file by itself',
  );
  const frames = await page.evaluate(
    () => (window as unknown as { printFrames: { sandbox: string; html: string }[] }).printFrames,
  );
  expect(frames).toHaveLength(1);
  expect(frames[0]!.sandbox).not.toContain('allow-scripts');
  expect(frames[0]!.html).toContain(title.trim());
});
