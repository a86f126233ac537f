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
// axe runs eight times per theme; on a busy two-core machine that takes longer than the default.
test.describe.configure({ timeout: 180_000 });

async function violations(page: Page, view: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async (tags) => {
    interface AxeNode {
      target: string[];
      failureSummary?: string;
    }
    interface AxeResult {
      violations: { id: string; help: string; nodes: AxeNode[] }[];
      incomplete: { id: string; nodes: AxeNode[] }[];
    }
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    const out = result.violations.map(
      (v) =>
        `${v.id} (${v.help}) ×${v.nodes.length}: ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`)
          .join(' | ')}`,
    );

    // axe leaves contrast it cannot judge as "incomplete" (text in SVG, above all). Decide what
    // can be decided: the text's own colour against the solid shape or box painted under it.
    const parse = (c: string): [number, number, number, number] | null => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
    };
    const lum = ([r, g, b]: number[]) =>
      [r!, g!, b!]
        .map((v) => v / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
    const ratio = (a: number[], b: number[]) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    const paint = (el: Element): [number, number, number, number] | null => {
      const style = getComputedStyle(el);
      const c = el instanceof SVGElement ? parse(style.fill) : parse(style.backgroundColor);
      return c && c[3] === 1 ? c : null;
    };
    for (const check of result.incomplete.filter((r) => r.id === 'color-contrast')) {
      for (const node of check.nodes) {
        const el = document.querySelector(node.target[0] ?? '');
        if (!el) continue;
        const style = getComputedStyle(el);
        const ink = parse(el instanceof SVGElement ? style.fill : style.color);
        // elementsFromPoint sees only the viewport.
        el.scrollIntoView({ block: 'center', inline: 'center' });
        const box = el.getBoundingClientRect();
        if (!ink || ink[3] !== 1 || box.width === 0) continue;
        const under = document
          .elementsFromPoint(box.left + box.width / 2, box.top + box.height / 2)
          .filter(
            (e) => e !== el && !el.contains(e) && !e.contains(el) && !(e instanceof SVGTextContentElement),
          );
        const bg = under.map(paint).find((c) => c !== null);
        if (!bg) continue;
        const size = parseFloat(style.fontSize);
        const bold = Number(style.fontWeight) >= 700;
        const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
        const got = ratio(ink, bg);
        if (got < needed)
          out.push(
            `color-contrast (computed; axe: incomplete) ${node.target.join(' ')} — ${got.toFixed(2)}:1, needs ${needed}:1`,
          );
      }
    }
    return out;
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
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trends' }).click();
    await expect(page.getByTestId('trends')).toHaveAttribute('data-ready', 'true');
    for (const details of await page.locator('.trends-numbers').all())
      await details.locator('summary').click();
    problems.push(...(await violations(page, 'Trends')));
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
