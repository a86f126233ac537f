import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CausesPage } from './pages/CausesPage';
import { CommentsPage } from './pages/CommentsPage';
import { ImportDialogPage } from './pages/ImportDialog';
import { ActionsPage } from './pages/ActionsPage';
import { routeHash } from '../../renderer/routing/route';

/**
 * The XSS corpus pushed through every input of the running app (an opened bundle for bulk, a
 * dropped log, typed titles and comments, pasted rich text, a loaded template), then every view is
 * visited. A payload that runs calls `top.__pwned()`, opens a dialog or a window: all are counted.
 */

const fixture = (rel: string) => fileURLToPath(new URL(`../fixtures/${rel}`, import.meta.url));
const PAYLOADS = (
  JSON.parse(readFileSync(fixture('xss/payloads.json'), 'utf8')) as { payloads: { payload: string }[] }
).payloads.map((p) => p.payload);

type Json = Record<string, unknown>;

/** The payload `i` if it fits a field of at most `max` characters, else the next one that does. */
function fit(i: number, max = 200): string {
  for (let k = 0; k < PAYLOADS.length; k++) {
    const p = PAYLOADS[(i + k) % PAYLOADS.length] ?? '';
    if (p.length <= max) return p;
  }
  return 'x';
}

function lexicalParagraphs(texts: string[]): string {
  const paragraph = (text: string) => ({
    children: [{ detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 }],
    direction: 'ltr',
    format: '',
    indent: 0,
    type: 'paragraph',
    version: 1,
  });
  return JSON.stringify({
    root: {
      children: texts.map(paragraph),
      direction: 'ltr',
      format: '',
      indent: 0,
      type: 'root',
      version: 1,
    },
  });
}

/** The rich fixture bundle with a payload in every free-text field and one item per payload. */
function hostileBundle(): string {
  const b = JSON.parse(readFileSync(fixture('bundles/v1-rich.rootline.json'), 'utf8')) as Json & {
    incident: Json;
    events: Json[];
    causes: Json[];
    comments: Json[];
    actions: Json[];
    sections: Json[];
    logBlocks: (Json & { records: Json[] })[];
    imports: (Json & { findings: Json[]; errors: Json[] })[];
  };
  const id = b.incident.id as string;
  b.incident = {
    ...b.incident,
    id: 'XSS-INC',
    title: 'XSS corpus',
    summary: PAYLOADS.join('\n'),
    services: [fit(1), fit(2)],
    regions: [fit(3)],
    authors: [fit(4)],
    reviewers: [fit(5)],
    tags: [fit(6), fit(7)],
  };
  const rehome = (o: Json): Json => ({ ...o, incidentId: 'XSS-INC' });
  const [event0, cause0, comment0, action0] = [b.events[0], b.causes[0], b.comments[0], b.actions[0]];
  if (!event0 || !cause0 || !comment0 || !action0) throw new Error('fixture bundle changed shape');
  b.events = PAYLOADS.map((p, i) =>
    rehome({
      ...event0,
      id: `X-E${i}`,
      at: 1763509200000 + i * 60_000,
      title: fit(i, 500),
      detail: p,
      service: fit(i + 1),
      region: fit(i + 2),
      tags: [fit(i + 3)],
      importId: null,
      sources: [],
      key: i % 10 === 0,
    }),
  );
  b.causes = [
    rehome({ ...cause0, id: 'X-C0', parentId: null, kind: 'incident', title: fit(0, 500) }),
    ...PAYLOADS.map((p, i) =>
      rehome({
        ...cause0,
        id: `X-C${i + 1}`,
        parentId: i < 10 ? 'X-C0' : `X-C${(i % 10) + 1}`,
        order: i,
        kind: i % 3 === 0 ? 'root-cause' : 'cause',
        title: fit(i, 500),
        detail: p,
        category: fit(i + 4),
      }),
    ),
  ];
  const targets: [string, string][] = [
    ['incident', 'XSS-INC'],
    ['cause', 'X-C1'],
    ['event', 'X-E0'],
    ['action', 'X-A0'],
    ['section', String(b.sections[0]?.id)],
  ];
  b.comments = PAYLOADS.map((p, i) => {
    const [targetType, targetId] = targets[i % targets.length] ?? ['incident', 'XSS-INC'];
    return rehome({
      ...comment0,
      id: `X-M${i}`,
      targetType,
      targetId,
      parentId: null,
      author: fit(i),
      body: p,
    });
  });
  b.actions = PAYLOADS.map((p, i) =>
    rehome({
      ...action0,
      id: `X-A${i}`,
      title: fit(i, 500),
      description: p,
      owner: fit(i + 1),
      statusReason: p,
      ticketUrl: p,
      causeIds: [`X-C${i + 1}`],
      status: i % 2 === 0 ? 'open' : 'wont-do',
    }),
  );
  b.sections = b.sections.map((s, i) =>
    rehome({
      ...s,
      id: `X-S${i}`,
      title: fit(i),
      lexicalState: lexicalParagraphs(PAYLOADS.filter((_, k) => k % b.sections.length === i)),
    }),
  );
  for (const c of b.comments) if (c.targetType === 'section') c.targetId = 'X-S0';
  b.imports = b.imports.map((imp) => ({
    ...rehome(imp),
    fileName: fit(8),
    errors: imp.errors.map((e, i) => ({ ...e, file: fit(9), reason: fit(i + 10, 1000) })),
    findings: imp.findings.map((f, i) => ({ ...f, message: fit(i + 11, 1000), eventIds: ['X-E1'] })),
  }));
  b.logBlocks = b.logBlocks.map((blk) => ({
    ...rehome(blk),
    records: blk.records.map((r, i) => ({ ...r, message: PAYLOADS[i % PAYLOADS.length] ?? '' })),
  }));
  const text = JSON.stringify(b, null, 2);
  if (text.includes(`"${id}"`)) throw new Error('an id of the fixture incident was left behind');
  return text;
}

interface Traps {
  pwned: string[];
  dialogs: string[];
  opened: string[];
}

async function setTraps(page: Page): Promise<Traps> {
  const traps: Traps = { pwned: [], dialogs: [], opened: [] };
  await page.exposeFunction('__pwned', (label?: unknown) => {
    traps.pwned.push(String(label));
  });
  await page.exposeFunction('__opened', (url?: unknown) => {
    traps.opened.push(String(url));
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __opened: (u: unknown) => void };
    window.open = (url?: string | URL) => {
      w.__opened(url);
      return null;
    };
  });
  page.on('dialog', (d) => {
    traps.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('popup', (p) => traps.opened.push(`popup ${p.url()}`));
  page.context().on('page', (p) => traps.opened.push(`page ${p.url()}`));
  return traps;
}

async function visitEveryView(page: Page): Promise<void> {
  const tab = (name: string) => page.getByRole('tab', { name, exact: true }).click();
  await tab('Overview');
  await expect(page.getByLabel('Summary', { exact: true })).toHaveValue(/script/);
  await tab('Timeline');
  await expect(
    page.getByRole('grid', { name: 'Timeline events' }).locator('[data-event-id]').first(),
  ).toBeVisible();
  const causes = new CausesPage(page);
  await causes.open();
  await causes.titles.nth(1).click();
  for (const view of ['5 whys', 'Diagram', 'Fishbone', 'Analysis', 'Outline'] as const) {
    await causes.view(view).click();
    await expect(causes.view(view)).toHaveAttribute('aria-selected', 'true');
    if (view === 'Diagram') await expect(causes.diagramSvg).toBeVisible({ timeout: 20_000 });
  }
  await tab('Action items');
  const actions = new ActionsPage(page);
  await expect(actions.titles().first()).toBeVisible();
  await page
    .getByRole('button', { name: /^Show details of / })
    .first()
    .click();
  await tab('Document');
  await expect(page.locator('.doc-section').first()).toBeVisible();
  await page.getByLabel('Audience').selectOption('customer');
  await page.getByLabel('Audience').selectOption('internal');
  await page.getByRole('tab', { name: /^Review/ }).click();
  await expect(page.getByRole('region', { name: 'Review status' })).toBeVisible();
  await page.goto(`./${routeHash({ name: 'actions' })}`);
  await expect(page.getByRole('table').first()).toBeVisible();
  await page.goto(`./${routeHash({ name: 'list' })}`);
  await expect(page.locator('.incident-link').first()).toBeVisible();
}

test('the XSS corpus in every input runs nothing and opens nothing, in every view', async ({
  page,
  list,
}) => {
  test.setTimeout(120_000);
  const traps = await setTraps(page);
  await list.goto();
  // Canary: the traps do catch a payload that runs.
  await page.evaluate(async () => {
    const w = window as unknown as { __pwned: (l: string) => Promise<void> };
    window.open('https://example.com/');
    alert('canary');
    await w.__pwned('canary');
  });
  await expect.poll(() => traps.opened.length + traps.dialogs.length + traps.pwned.length).toBe(3);
  traps.pwned.length = traps.dialogs.length = traps.opened.length = 0;

  // Bulk: a bundle with a payload in every field.
  await list.openBundle({
    name: 'xss.rootline.json',
    mimeType: 'application/json',
    buffer: Buffer.from(hostileBundle()),
  });
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('XSS corpus');

  // Imported log messages: a dropped JSON-lines file.
  await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
  const jsonl = PAYLOADS.map((msg, i) =>
    JSON.stringify({
      time: new Date(1763509200000 + i * 1000).toISOString(),
      level: 'error',
      msg,
      service: fit(i),
    }),
  ).join('\n');
  const dialog = new ImportDialogPage(page);
  await dialog.drop([{ name: 'xss.jsonl', text: jsonl }]);
  await dialog.start();
  await expect(dialog.acceptButton).toBeVisible();
  await dialog.acceptButton.click();
  await expect(dialog.dialog).toBeHidden();

  // Typed: a cause title, an action item, a comment.
  const causes = new CausesPage(page);
  await causes.open();
  await causes.titles.last().click();
  await causes.titles.last().press('End');
  await causes.titles.last().press('Enter');
  await causes.typeTitle(`${fit(0)} typed`);
  await page.getByRole('tab', { name: 'Action items', exact: true }).click();
  await new ActionsPage(page).add(`${fit(6)} typed`);
  await page.getByRole('tab', { name: /^Review/ }).click();
  await page.getByRole('tab', { name: 'Overview', exact: true }).click();

  // Document: pasted rich text with every payload as HTML, then a hostile template file.
  await page.getByRole('tab', { name: 'Document', exact: true }).click();
  const editable = page.locator('.doc-section [contenteditable="true"]').first();
  await editable.click();
  await editable.evaluate(
    (el, html) => {
      const dt = new DataTransfer();
      dt.setData('text/html', html);
      dt.setData('text/plain', html);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    },
    PAYLOADS.map((p) => `<p>${p}</p><a href="javascript:top.__pwned('paste')">x</a>`).join(''),
  );
  const sections = new CommentsPage(page, page.locator('.doc-section').first());
  const template = {
    format: 'rootline-template',
    version: 1,
    id: 'xss-template',
    name: fit(12),
    description: PAYLOADS.join(' '),
    audience: 'internal',
    sections: PAYLOADS.slice(0, 20).map((p, i) => ({
      key: `s-${i}`,
      title: fit(i, 500),
      guidance: p,
      starter: p,
    })),
  };
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Load template file…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'xss-template.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(template)),
  });
  // The switch moves the blank incident's public sections out of sight, so it asks first.
  await page
    .getByRole('alertdialog', { name: /Switch to/ })
    .getByRole('button', { name: 'Switch template' })
    .click();
  await expect(page.getByText(/^Template ".*" applied/)).toBeVisible();
  const first = page.locator('.doc-section').first();
  // The sections are drawn again once the template is stored: open the comments of the new one.
  await expect(async () => {
    await first.getByText(/^Comments on /).click();
    await expect(first.getByRole('textbox', { name: 'New comment' })).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await sections.comment(fit(20), fit(21), '');

  await visitEveryView(page);
  await list.open('XSS corpus');
  await visitEveryView(page);
  await page.reload();
  await list.waitReady();

  expect(traps.pwned).toEqual([]);
  expect(traps.dialogs).toEqual([]);
  expect(traps.opened).toEqual([]);
});
