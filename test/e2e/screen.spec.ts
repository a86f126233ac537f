import type { Locator, Page } from '@playwright/test';
import { contrastRatio } from '../../shared/chart/contrast';
import { DARK_CHART, LIGHT_CHART } from '../../shared/chart/theme';
import { captureDownload, createIncident, expect, test } from './fixtures';

/*
 * Issue 12 §4, decided by geometry and computed colours rather than by eye: boxes that must
 * stay inside their container, text that must contrast with what is painted under it.
 */

/** `rgb(r, g, b)` → `#rrggbb`; null for a colour with transparency. */
function hex(css: string): string | null {
  const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(css);
  if (!m || (m[4] !== undefined && Number(m[4]) < 1)) return null;
  return `#${[m[1], m[2], m[3]].map((v) => Math.round(Number(v)).toString(16).padStart(2, '0')).join('')}`;
}

/** The element's text colour and the first solid background at or above it. */
async function inkAndGround(el: Locator): Promise<{ ink: string; ground: string }> {
  return el.evaluate((node) => {
    const ink = getComputedStyle(node).color;
    let at: Element | null = node;
    while (at) {
      const bg = getComputedStyle(at).backgroundColor;
      if (!/rgba\(.*,\s*0\)$/.test(bg) && bg !== 'transparent') return { ink, ground: bg };
      at = at.parentElement;
    }
    return { ink, ground: 'rgb(255, 255, 255)' };
  });
}

async function inside(inner: Locator, outer: Locator): Promise<void> {
  const a = (await inner.boundingBox())!;
  const b = (await outer.boundingBox())!;
  expect(a.x).toBeGreaterThanOrEqual(b.x - 0.5);
  expect(a.y).toBeGreaterThanOrEqual(b.y - 0.5);
  expect(a.x + a.width).toBeLessThanOrEqual(b.x + b.width + 0.5);
  expect(a.y + a.height).toBeLessThanOrEqual(b.y + b.height + 0.5);
}

async function openSample(page: Page): Promise<void> {
  await page.goto('./#/');
  await page.locator('html[data-ready="true"]').waitFor();
  await page.getByRole('button', { name: 'Try the sample incident' }).click();
  await expect(page.getByRole('tab', { name: 'Timeline', exact: true })).toBeVisible();
}

test('the template buttons stay inside the empty document card', async ({ page, list, incident }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await list.goto();
  await createIncident(list, incident, 'Card check');
  await incident.tab('Document').click();
  const card = page.getByRole('region', { name: 'No document yet' });
  const buttons = card.getByRole('button', { name: /^Use / });
  await expect(buttons.first()).toBeVisible();
  for (const b of await buttons.all()) await inside(b, card);
});

test('dark timeline: a dark chart, readable gap rows, a visible log icon, unclipped phase badges', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openSample(page);
  await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
  const chart = page.locator('.tl-chart');
  await expect(chart).toHaveAttribute('data-theme', 'dark');
  // The chart's own pixels: its top-left corner (the SVG's background, in its bottom layer, the
  // one image of its stacked layers that is named), read through a canvas.
  const corner = await chart.getByRole('img').evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const c = document.createElement('canvas');
    c.width = 4;
    c.height = 4;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const [r, g, b] = ctx.getImageData(1, 1, 1, 1).data;
    return `rgb(${r}, ${g}, ${b})`;
  });
  const ground = hex(await page.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor))!;
  // The chart sits on the page's dark ground instead of a white slab.
  expect(contrastRatio(hex(corner)!, ground)).toBeLessThan(1.3);
  // Its export is drawn on paper (light), from the same layout.
  const exported = await captureDownload(page, () =>
    page.getByRole('button', { name: 'Export SVG' }).first().click(),
  );
  expect(exported.text).toContain(`fill="${LIGHT_CHART.background}"`);
  expect(exported.text).not.toContain(`fill="${DARK_CHART.background}"`);
  expect(exported.text).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);

  const gap = page.locator('.tl-gap [role="gridcell"]').first();
  await expect(gap).toContainText('without events');
  const g = await inkAndGround(gap);
  expect(await gap.evaluate((n) => getComputedStyle(n).backgroundColor)).not.toMatch(/rgba\(.*,\s*0\)$/);
  expect(contrastRatio(hex(g.ink)!, hex(g.ground)!)).toBeGreaterThanOrEqual(4.5);

  const logChip = page.getByRole('group', { name: 'Filter by kind' }).getByRole('button', { name: 'log' });
  const fill = await logChip.locator('path[data-kind="log"]').evaluate((p) => getComputedStyle(p).fill);
  const chip = await inkAndGround(logChip);
  expect(contrastRatio(hex(fill)!, hex(chip.ground)!)).toBeGreaterThanOrEqual(3);

  const badge = page.locator('.tl-phase', { hasText: 'Impact started' }).first();
  await expect(badge).toBeVisible();
  await inside(badge, badge.locator('xpath=..'));
});

test('the action table at 1440 px cuts no title or owner short', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openSample(page);
  await page.getByRole('tab', { name: 'Action items', exact: true }).click();
  const rows = page.locator('tr.action-row');
  await expect(rows.first()).toBeVisible();
  const cut = await page
    .locator('tr.action-row')
    .evaluateAll((trs) =>
      trs.flatMap((tr) =>
        [...tr.querySelectorAll<HTMLElement>('.col-title .cell-input, .col-owner .cell-input, .cause-chip')]
          .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
          .map((el) => (el as HTMLInputElement).value || el.textContent || ''),
      ),
    );
  expect(cut).toEqual([]);
  // And the table fits the window: no sideways scrolling at 1440 px.
  const wrap = page.locator('.actions-table-wrap');
  expect(await wrap.evaluate((w) => w.scrollWidth <= w.clientWidth + 1)).toBe(true);
});

test('dark cause diagram: drawn in the dark theme on a dark page, exported on paper', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openSample(page);
  await page.getByRole('tab', { name: 'Root causes', exact: true }).click();
  await page
    .getByRole('tablist', { name: 'Cause views' })
    .getByRole('tab', { name: 'Diagram', exact: true })
    .click();
  const viewport = page.locator('.diagram-viewport');
  await expect(viewport.locator('.diagram-svg svg')).toBeVisible();
  const ground = hex(await viewport.evaluate((el) => getComputedStyle(el).backgroundColor))!;
  expect(contrastRatio(ground, '#ffffff')).toBeGreaterThan(7);
  // An edge label drawn by mermaid's dark theme is light text: readable on the dark page.
  const svgText = await viewport.locator('.diagram-svg svg').innerHTML();
  expect(svgText).not.toMatch(/fill:\s*#333(?![\da-f])/i);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export SVG' }).click();
  const saved = await (await download).createReadStream();
  let text = '';
  for await (const chunk of saved) text += String(chunk);
  expect(text).toContain('<svg');
  expect(text).not.toBe(svgText);
  expect(text).toMatch(/#333|#333333/i);
});

test('the page itself never scrolls: every view scrolls inside the app, nothing hangs below it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openSample(page);
  const pageHeight = () => page.evaluate(() => document.scrollingElement!.scrollHeight - window.innerHeight);
  const tabs = ['Timeline', 'Root causes', 'Action items', 'Document', 'Review'];
  for (const name of tabs) {
    await page.getByRole('tab', { name, exact: true }).click();
    await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
    expect(await pageHeight(), `incident tab ${name}`).toBeLessThanOrEqual(0);
  }
  // Trends draws its figures' tables with visually hidden captions (absolutely placed).
  await page.evaluate(() => (location.hash = '#/trends'));
  await page.locator('[data-testid="trends"][data-ready="true"]').waitFor();
  await expect(page.locator('.visually-hidden').first()).toBeAttached();
  expect(await pageHeight(), 'Trends').toBeLessThanOrEqual(0);
});
