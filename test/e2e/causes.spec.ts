import { readFile } from 'node:fs/promises';
import { captureDownload, expect, test } from './fixtures';
import { AZURE_CAUSES, AZURE_TITLE, openAzureIncident } from './data/azure2014';
import { CausesPage } from './pages/CausesPage';
import { CommentsPage } from './pages/CommentsPage';

const LOOP = AZURE_CAUSES.loop;
const CONFIG = AZURE_CAUSES.config;
const FLIGHT = AZURE_CAUSES.flight;
const UNTESTED = AZURE_CAUSES.untested;
const TABLES = AZURE_CAUSES.tables;

test('build the Azure 2014 cause tree by keyboard, link evidence, analyse, draw and comment', async ({
  page,
  list,
  incident,
}) => {
  await openAzureIncident(list, incident);
  const causes = new CausesPage(page);
  await causes.open();

  // The top node is the loss, named after the incident.
  await expect(causes.titles).toHaveCount(1);
  await expect(causes.titles.first()).toHaveValue(AZURE_TITLE);

  // Enter on the top node starts its first child; Enter adds siblings; Tab indents.
  await causes.press(AZURE_TITLE, 'Enter');
  await causes.typeTitle(LOOP);
  await causes.press(LOOP, 'Enter');
  await causes.typeTitle(CONFIG);
  await causes.move(CONFIG, 'Tab', 2);
  await causes.press(CONFIG, 'Enter');
  await causes.typeTitle(UNTESTED);
  await causes.press(UNTESTED, 'Enter');
  await causes.typeTitle(FLIGHT);
  await causes.press(FLIGHT, 'Alt+ArrowUp');
  await expect(causes.row(FLIGHT).locator('xpath=following-sibling::*[1]//input')).toHaveValue(UNTESTED);
  await causes.move(FLIGHT, 'Tab', 3);
  await causes.press(FLIGHT, 'Enter');
  await causes.typeTitle(TABLES);
  await causes.move(TABLES, 'Shift+Tab', 2);
  await causes.move(TABLES, 'Shift+Tab', 1);
  expect(await causes.outline()).toEqual([
    `0:${AZURE_TITLE}`,
    `1:${LOOP}`,
    `2:${CONFIG}`,
    `3:${FLIGHT}`,
    `2:${UNTESTED}`,
    `1:${TABLES}`,
  ]);

  // Delete (caret at the end of the title) removes a line with what hangs under it; Undo brings it back.
  await causes.press(TABLES, 'Enter');
  await causes.typeTitle('Temporary line');
  await causes.press('Temporary line', 'Delete');
  await expect(causes.row('Temporary line')).toHaveCount(0);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(causes.row('Temporary line')).toHaveCount(1);
  await causes.titleInput('Temporary line').fill('');
  await causes.titleInput('').press('Backspace');
  await expect(causes.titles).toHaveCount(6);

  // Drag and drop reparents (dropped on the middle of a line: under it); Undo puts it back.
  await causes.row(TABLES).locator('.drag-handle').dragTo(causes.row(LOOP));
  await expect.poll(() => causes.outline()).toContain(`2:${TABLES}`);
  await page.getByTitle('Undo Move cause').click();
  await expect.poll(() => causes.outline()).toContain(`1:${TABLES}`);

  // Kinds and gates: both were needed for the loop (AND).
  await causes.setGate(LOOP, 'AND');
  await causes.setKind(FLIGHT, 'Root cause');
  await causes.setKind(UNTESTED, 'Root cause');
  await causes.setKind(CONFIG, 'Trigger');
  await causes.detail.getByLabel('Detail').fill('Enabled in **every region** at once, bypassing flighting.');
  await causes.detail.getByRole('button', { name: 'Preview' }).click();
  await expect(causes.detail.locator('.detail-preview strong')).toHaveText('every region');
  await causes.detail.getByRole('button', { name: 'Edit', exact: true }).click();
  await causes.setKind(TABLES, 'Mitigating factor');
  await expect(causes.row(LOOP).getByRole('button', { name: 'AND' })).toBeVisible();

  // Evidence from the timeline, and the event shows who cites it.
  await causes.linkEvidence(CONFIG, 'config', 'Storage config change deployed to all regions');
  await causes.linkEvidence(LOOP, 'loop', 'Blob front-ends stuck in an infinite loop');
  await expect(causes.evidence).toHaveCount(1);
  await causes.evidence
    .first()
    .getByRole('button', { name: /^Nov 19 00:51 UTC/ })
    .click();
  const card = page.getByRole('dialog', { name: 'Blob front-ends stuck in an infinite loop' });
  await expect(card.getByRole('link', { name: LOOP })).toBeVisible();
  await card.getByRole('button', { name: 'Close' }).click();
  await expect(causes.row(CONFIG).locator('.badge-evidence')).toHaveText('1');

  // Analysis: one sufficient combination (AND), no single point of failure; with OR, two.
  await causes.view('Analysis').click();
  const cuts = page.locator('ol.cut-sets > li');
  await expect(cuts).toHaveCount(1);
  await expect(cuts.first()).toHaveText(`${FLIGHT} AND ${UNTESTED}`);
  await expect(page.getByText('None: no cause was enough on its own.')).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Causes without an action item' }).getByRole('listitem'),
  ).toHaveCount(2);
  await causes.view('Outline').click();
  await causes.setGate(LOOP, 'OR');
  await causes.view('Analysis').click();
  await expect(cuts).toHaveCount(2);
  await expect(page.locator('ul.spof > li')).toHaveCount(2);
  await causes.view('Outline').click();
  await causes.setGate(LOOP, 'AND');

  // An action item for a root cause closes its coverage gap.
  await causes.select(UNTESTED);
  await causes.detail.getByRole('button', { name: 'Add action item' }).click();
  await expect(causes.detail.locator('.linked-actions li')).toHaveCount(1);
  await causes.view('Analysis').click();
  await expect(
    page.getByRole('list', { name: 'Causes without an action item' }).getByRole('listitem'),
  ).toHaveCount(1);

  // A finding of the log import is offered as a contributing factor, with its evidence.
  const suggestion = page.locator('li.suggestion');
  await expect(suggestion).toHaveCount(1);
  await expect(suggestion).toContainText('Change storage-cfg-1119 was rolled out everywhere at once');
  await expect(suggestion).toContainText('1 evidence event(s)');
  await suggestion.getByRole('button', { name: 'Accept' }).click();
  await expect(suggestion).toHaveCount(0);
  const accepted = 'Change storage-cfg-1119 was rolled out everywhere at once, without staged deployment';
  await expect(causes.row(accepted)).toContainText('Contributing factor');
  await expect(causes.row(accepted).locator('.badge-evidence')).toHaveText('1');
  await causes.titleInput(accepted).press('Control+Delete');
  await expect(causes.row(accepted)).toHaveCount(0);

  // 5 whys for the deepest path.
  await causes.view('5 whys').click();
  await page.getByLabel('Path to').selectOption({ label: FLIGHT });
  await expect(page.locator('.whys-chain > li')).toHaveCount(3);

  // The diagram: boxes, AND gate, evidence badge.
  await causes.view('Diagram').click();
  await expect(causes.diagramSvg).toBeVisible();
  // Mermaid wraps long labels into lines, so compare without white space.
  const flat = (s: string): string => s.replace(/\s+/g, '');
  const boxes = flat((await causes.diagramSvg.locator('g.node').allTextContents()).join('|'));
  for (const t of [LOOP, CONFIG, UNTESTED, 'AND', '[evidence 1]', '«Root cause»'])
    expect(boxes).toContain(flat(t));
  await expect(causes.diagramSvg.locator('script, foreignObject')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/causes-shots/diagram.png' });
  const svgFile = await captureDownload(page, () => page.getByRole('button', { name: 'Export SVG' }).click());
  expect(svgFile.name).toBe('Azure-Storage-outage-causes.svg');
  expect(svgFile.text).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svgFile.text).not.toMatch(/<script|onerror|foreignObject/i);
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export PNG' }).click(),
  ]);
  expect(png.suggestedFilename()).toBe('Azure-Storage-outage-causes.png');
  expect((await readFile(await png.path())).subarray(1, 4).toString()).toBe('PNG');
  await causes.view('Fishbone').click();
  await expect(causes.diagramSvg).toBeVisible();
  await expect(page.locator('.diagram-error')).toHaveCount(0);
  // Rootline's own fishbone: real text, and no two labels overlap as the browser draws them.
  const drawn = await causes.diagramSvg.evaluate((svg) => {
    const r = [...svg.querySelectorAll('g.fb-label text')].map((t) => t.getBoundingClientRect());
    let overlaps = 0;
    r.forEach((a, i) =>
      r.slice(i + 1).forEach((b) => {
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps++;
      }),
    );
    return { labels: r.length, overlaps };
  });
  expect(drawn.labels).toBeGreaterThan(3);
  expect(drawn.overlaps).toBe(0);
  // Export SVG saves the same drawing, in paper colours and with its text alternative.
  const fishFile = await captureDownload(page, () =>
    page.getByRole('button', { name: 'Export SVG' }).click(),
  );
  expect(fishFile.name).toBe('Azure-Storage-outage-fishbone.svg');
  expect(fishFile.text).toMatch(/<desc>[^<]+<\/desc>/);
  expect(fishFile.text).toContain('fill="#ffffff"');
  // A cause on the fishbone opens in the outline.
  const onBone = causes.diagramSvg.locator('g.fb-cause').first();
  const boneTitle = (await onBone.locator('title').textContent()) ?? '';
  await onBone.click();
  await expect(causes.view('Outline')).toHaveAttribute('aria-selected', 'true');
  await expect(causes.titleInput(boneTitle)).toBeFocused();

  // Comment on a cause, then resolve it; the badge follows.
  await causes.view('Outline').click();
  await causes.select(LOOP);
  const comments = new CommentsPage(page, causes.detail);
  await comments.comment('Is the **loop** documented?', 'Ana', 'Is the loop documented?');
  await expect(comments.thread('Is the loop documented?').locator('strong')).toHaveText('loop');
  await expect(causes.row(LOOP).locator('.count-badge')).toHaveText('1');
  // Edit your own comment: it is marked as edited.
  const mine = causes.detail.getByRole('article', { name: 'Thread by Ana' });
  await mine.getByRole('button', { name: 'Edit' }).click();
  await mine.getByRole('textbox', { name: 'Edit comment' }).fill('Is the loop documented anywhere?');
  await mine.getByRole('button', { name: 'Save' }).click();
  await expect(mine).toContainText('(edited)');
  await expect(mine).toContainText('Is the loop documented anywhere?');
  await comments.reply('documented anywhere?', 'Yes, in the RCA.');
  await comments.resolve('documented anywhere?');
  await expect(causes.row(LOOP).locator('.count-badge')).toHaveCount(0);
  await causes.detail.getByRole('button', { name: 'Show 1 resolved' }).click();
  await comments.thread('documented anywhere?').getByRole('button', { name: 'Reopen' }).click();
  await expect(causes.row(LOOP).locator('.count-badge')).toHaveText('1');
  await page.screenshot({ path: 'test-results/causes-shots/outline.png' });
});

test('hostile titles reach the diagram as text only', async ({ page, list, incident }) => {
  await openAzureIncident(list, incident);
  const causes = new CausesPage(page);
  await causes.open();
  const hostile = '"] --> x["<img src=x onerror=alert(1)> %%{init:{}}%% click c0 call alert(2)';
  await causes.press(AZURE_TITLE, 'Enter');
  await causes.typeTitle(hostile);
  let dialogs = 0;
  page.on('dialog', () => dialogs++);
  await causes.view('Diagram').click();
  await expect(causes.diagramSvg).toBeVisible();
  await expect(causes.diagramSvg.locator('img')).toHaveCount(0);
  // Mermaid wraps long labels into lines, so compare without white space.
  const labels = (await causes.diagramSvg.locator('g.node').allTextContents()).join('').replace(/\s+/g, '');
  expect(labels).toContain(hostile.replace(/\s+/g, ''));
  expect(dialogs).toBe(0);
});
