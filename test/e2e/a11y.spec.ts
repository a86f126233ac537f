import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { captureDownload, expect, test } from './fixtures';

/*
 * axe-core's WCAG 2.1 A/AA rules over every view of the sample incident, in the light and the
 * dark theme. axe is injected as a script, so this spec alone lets the page's CSP be bypassed.
 */
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

test.use({ bypassCSP: true });

async function violations(page: Page, view: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResult> } }).axe;
    interface AxeResult {
      violations: { id: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[];
    }
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(
      (v) =>
        `${v.id} (${v.help}) ×${v.nodes.length}: ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`)
          .join(' | ')}`,
    );
  }, TAGS);
  return found.map((f) => `${view}: ${f}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every view passes axe's WCAG 2.1 AA rules (${colorScheme})`, async ({ page, list }) => {
    await page.emulateMedia({ colorScheme });
    await list.goto();
    const problems = await violations(page, 'empty list');
    await list.emptyState.getByRole('button', { name: 'Try the sample incident' }).click();
    // Each view is judged once its data is on screen.
    const ready: [string, () => Promise<void>][] = [
      ['Overview', () => expect(page.getByLabel('Title', { exact: true })).toBeVisible()],
      [
        'Timeline',
        () =>
          expect(
            page.getByRole('grid', { name: 'Timeline events' }).locator('[data-event-id]').first(),
          ).toBeVisible(),
      ],
      ['Root causes', () => expect(page.getByRole('tree', { name: 'Cause tree' })).toBeVisible()],
      ['Action items', () => expect(page.locator('tr.action-row').first()).toBeVisible()],
      ['Document', () => expect(page.getByRole('navigation', { name: 'Document outline' })).toBeVisible()],
      ['Review', () => expect(page.getByRole('group', { name: 'Filter threads' })).toBeVisible()],
    ];
    for (const [tab, shown] of ready) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await shown();
      problems.push(...(await violations(page, tab)));
    }
    await page.getByRole('link', { name: '← Incidents' }).click();
    await expect(page.getByRole('link', { name: /Blob Storage unavailable/ })).toBeVisible();
    problems.push(...(await violations(page, 'incident list')));
    expect(problems).toEqual([]);
  });
}

test('the exported HTML document passes the same rules', async ({ page, list }) => {
  await list.goto();
  await list.emptyState.getByRole('button', { name: 'Try the sample incident' }).click();
  await page.getByRole('tab', { name: 'Document', exact: true }).click();
  // Internal: every section, the timeline table with its kind chips included.
  await page.getByLabel('Audience').selectOption('internal');
  const html = await captureDownload(page, () => page.getByRole('button', { name: 'Export HTML' }).click());
  expect(html.name).toMatch(/\.html$/);
  await page.setContent(html.text);
  expect(await violations(page, html.name)).toEqual([]);
});
