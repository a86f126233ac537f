import { captureDownload, createIncident, expect, test } from './fixtures';
import { BUNDLE_VERSION } from '../../shared/bundle/schema';

test.beforeEach(async ({ list }) => {
  await list.goto();
});

test('write the RCA from a template, keep the text across a template switch, export Markdown', async ({
  page,
  list,
  incident,
}) => {
  await createIncident(list, incident, 'Front-end loop');
  await page.getByRole('tab', { name: 'Document', exact: true }).click();
  await page.getByRole('button', { name: 'Use Google SRE postmortem' }).click();

  // Type into the Summary section with a Markdown shortcut; "Saved" only once the write is done.
  const summary = page.getByRole('textbox', { name: 'Summary text' });
  // The section starts with a live block; the paragraph after it takes the text.
  await summary.locator('p').last().click();
  await page.keyboard.type('Blob front-ends looped after a config change.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- rolled back region by region');
  const status = page.getByRole('toolbar', { name: 'Document' }).getByRole('status');
  await expect(status).toHaveText('Saved');
  await expect(summary.locator('li')).toHaveText('rolled back region by region');

  // The outline beside the document counts what is written and goes to a section on click.
  const outline = page.getByRole('navigation', { name: 'Document outline' });
  // Only Summary: the live blocks of a new incident (no key events, actions or key times) show nothing yet.
  await expect(outline).toContainText('1 of 12 sections filled');
  const summaryItem = outline.getByRole('button', { name: /^Summary/ });
  await expect(summaryItem).toContainText('12 words');
  await expect(outline.getByRole('button', { name: /^Trigger/ })).toContainText('to write');
  await outline.getByRole('button', { name: /^Lessons learned: where we got lucky/ }).click();
  await expect(page.getByRole('textbox', { name: 'Lessons learned: where we got lucky text' })).toBeFocused();

  // Survives a reload.
  await page.reload();
  await list.waitReady();
  await expect(page.getByRole('textbox', { name: 'Summary text' })).toContainText(
    'Blob front-ends looped after a config change.',
  );

  // Switching template keeps the text of the matching section.
  const template = page.getByRole('combobox', { name: 'Template' });
  await template.selectOption({ label: 'Atlassian incident postmortem' });
  await expect(page.getByRole('textbox', { name: 'Summary text' })).toContainText(
    'Blob front-ends looped after a config change.',
  );

  const md = await captureDownload(page, () => page.getByRole('button', { name: 'Export Markdown' }).click());
  expect(md.name).toMatch(/\.md$/);
  expect(md.text).toContain('# Front-end loop');
  expect(md.text).toContain('Blob front-ends looped after a config change.');
  expect(md.text).toContain('- rolled back region by region');
});

test('a broken template file is refused with the reason and changes nothing', async ({
  page,
  list,
  incident,
}) => {
  await createIncident(list, incident, 'Template check');
  await page.getByRole('tab', { name: 'Document', exact: true }).click();
  await page.getByRole('button', { name: 'Use Azure Post Incident Review' }).click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Load template file…' }).click(),
  ]);
  await chooser.setFiles({
    name: 'mine.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"id": "mine", "name": "Mine", "sections": [{"title": 3}]}'),
  });
  await expect(page.getByText(/Template not loaded\. mine\.json/)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Template' })).toHaveValue('azure-pir');
});

test('text typed just before a reload is not lost', async ({ page, list, incident }) => {
  await createIncident(list, incident, 'Quick reload');
  await page.getByRole('tab', { name: 'Document', exact: true }).click();
  await page.getByRole('button', { name: 'Use Atlassian incident postmortem' }).click();
  const summary = page.getByRole('textbox', { name: 'Summary text' });
  await summary.locator('p').last().click();
  await page.keyboard.type('Written a moment before the reload.');
  const status = page.getByRole('toolbar', { name: 'Document' }).getByRole('status');
  await expect(status).toHaveText('Unsaved changes…');
  // No wait for the autosave: leaving the page flushes it.
  await page.reload();
  await list.waitReady();
  await expect(page.getByRole('textbox', { name: 'Summary text' })).toContainText(
    'Written a moment before the reload.',
  );
});

test('the Export… dialog saves the RCA as Markdown for customers and the bundle', async ({ page, list }) => {
  await list.emptyState.getByRole('button', { name: 'Try the sample incident' }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Export/ });
  await dialog.getByRole('radio', { name: /Markdown/ }).check();
  // Before anyone picks, the dialog starts where the Document tab does: the template's audience.
  await expect(dialog.getByLabel('Audience')).toHaveValue('customer');
  const utc = dialog.getByRole('checkbox', { name: 'Times in UTC only' });
  await expect(utc).toBeChecked();
  // A checkbox, not a 30 px box above its words.
  expect((await utc.boundingBox())?.height).toBeLessThan(24);
  await dialog.getByLabel('Audience').selectOption('customer');
  const md = await captureDownload(page, () =>
    dialog.getByRole('button', { name: 'Export', exact: true }).click(),
  );
  expect(md.name).toMatch(/-customer\.md$/);
  expect(md.text).toContain('# Blob Storage unavailable');
  // Customers get UTC only (on by default) and no tool metadata.
  expect(md.text).toContain('| Impact started | 2014-11-19 01:01:22 UTC |');
  expect(md.text).not.toContain('| Template |');
  await expect(dialog).toBeHidden();
  // One audience setting per incident: the Document tab now says customer-facing too.
  await page.getByRole('tab', { name: 'Document', exact: true }).click();
  const toolbar = page.getByRole('toolbar', { name: 'Document' });
  await expect(toolbar.getByLabel('Audience')).toHaveValue('customer');
  await expect(toolbar.getByRole('checkbox', { name: 'UTC only' })).toBeChecked();

  await page.getByRole('button', { name: 'Export…' }).click();
  await dialog.getByRole('radio', { name: /Bundle/ }).check();
  const bundle = await captureDownload(page, () =>
    dialog.getByRole('button', { name: 'Export', exact: true }).click(),
  );
  expect(bundle.name).toMatch(/\.rootline\.json$/);
  expect(JSON.parse(bundle.text)).toMatchObject({ format: 'rootline-bundle', version: BUNDLE_VERSION });
});

test('a section with a bad heading tag or text nested 5,000 deep opens without breaking the Document tab', async ({
  page,
  list,
  incident,
}) => {
  await createIncident(list, incident, 'Hostile sections');
  await page.getByRole('tab', { name: 'Document', exact: true }).click();
  await page.getByRole('button', { name: 'Use Google SRE postmortem' }).click();
  await expect(page.getByRole('textbox', { name: 'Summary text' })).toBeVisible();
  const exported = await captureDownload(page, () => incident.exportBundle());

  const bundle = JSON.parse(exported.text) as {
    sections: { title: string; lexicalState: string | null }[];
  };
  expect(bundle.sections.length).toBeGreaterThan(2);
  const summary = bundle.sections[0]!;
  const impact = bundle.sections[1]!;
  // Lexical creates an element named by the tag: "h1 onclick" threw and blanked the tab.
  summary.lexicalState = JSON.stringify({
    root: {
      type: 'root',
      children: [
        { type: 'heading', tag: 'h1 onclick', children: [{ type: 'text', text: 'Crafted heading' }] },
      ],
    },
  });
  // Built as text: JSON.stringify itself overflows at this depth.
  const depth = 5_000;
  impact.lexicalState =
    `{"root":{"type":"root","children":[${'{"type":"quote","children":['.repeat(depth)}` +
    `{"type":"text","text":"bottom of the well","format":0}${']}'.repeat(depth)}]}}`;

  await incident.backToList();
  await list.openBundle({
    name: 'hostile.rootline.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bundle)),
  });
  await expect(incident.title).toHaveValue('Hostile sections (copy)');
  await page.getByRole('tab', { name: 'Document', exact: true }).click();

  const heading = page.getByRole('textbox', { name: `${summary.title} text` });
  await expect(heading.getByRole('heading', { name: 'Crafted heading' })).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: '5,001 levels deep' })).toContainText(
    'the editor opens sections up to 100 levels',
  );
  await expect(page.getByLabel(`${impact.title} text (read-only)`)).toHaveText('bottom of the well');
  // The other sections still edit.
  const third = page.getByRole('textbox', { name: /text$/ }).nth(1);
  await expect(third).toBeVisible();
});
