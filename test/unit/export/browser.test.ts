import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToPdf } from '../../../cli/commands/export';
import { exportHtml } from '../../../shared/export';
import { sectionForType } from '../../../shared/templates';
import { sampleSnapshot, template } from './helpers';
import { CHROMIUM_FLAGS, findChromium } from '../../../scripts/test/chromium.mjs';

const CHROMIUM = findChromium();
const HAS_POPPLER = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const ARGS = CHROMIUM_FLAGS;

describe.skipIf(CHROMIUM === null)('HTML export in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: ARGS });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('renders the sample: title, sections, diagram boxes and tables, nothing blocked, no overflow', async () => {
    const t = template('azure-rca-2014');
    const html = exportHtml(sampleSnapshot('azure-rca-2014'), { audience: 'internal', templateName: t.name });
    const page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('request', (r) => {
      if (!r.url().startsWith('data:') && r.url() !== 'about:blank') errors.push(`request ${r.url()}`);
    });
    await page.setContent(html, { waitUntil: 'load' });
    await expect(page.locator('h1').textContent()).resolves.toContain('Blob Storage unavailable');
    expect(await page.locator('section h2').allTextContents()).toEqual(
      t.sections.filter((s) => sectionForType(s, 'incident')).map((s) => s.title),
    );
    // The cause diagram is drawn: eight boxes with real size.
    const boxes = page.locator('figure.diagram svg g.cause rect');
    expect(await boxes.count()).toBe(8);
    const box = await page.locator('figure.diagram svg').boundingBox();
    expect(box?.width).toBeGreaterThan(400);
    expect(box?.height).toBeGreaterThan(200);
    expect(await page.locator('table.timeline tbody tr').count()).toBeGreaterThan(5);
    expect(await page.locator('table.actions').textContent()).toContain('(Completed)');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // Screenshot check: the diagram region is not blank (several distinct colours are drawn).
    const shot = await page.locator('figure.diagram').screenshot();
    expect(shot.length).toBeGreaterThan(10_000);
    const colours = await page.evaluate(() =>
      [...document.querySelectorAll('figure.diagram rect')].map((r) => r.getAttribute('fill')),
    );
    expect(new Set(colours).size).toBeGreaterThanOrEqual(5);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.skipIf(CHROMIUM === null || !HAS_POPPLER)('PDF export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rootline-pdf-'));

  async function pdf(
    paper: 'a4' | 'letter',
    audience: 'internal' | 'customer',
  ): Promise<{ text: string; info: string }> {
    const t = template('google-sre');
    const html = exportHtml(sampleSnapshot('google-sre'), { audience, paper, templateName: t.name });
    const file = join(dir, `${paper}-${audience}.pdf`);
    writeFileSync(file, await htmlToPdf(html, CHROMIUM!));
    expect(existsSync(file)).toBe(true);
    return {
      text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
      info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
    };
  }

  it('prints A4 with a title page, page numbers and the document text', async () => {
    const { text, info } = await pdf('a4', 'internal');
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    const pageTexts = text.split('\f');
    // Page 1 is the title page alone: the title and facts, no section heading.
    expect(pageTexts[0]).toContain('Blob Storage unavailable');
    expect(pageTexts[0]).not.toContain('Root causes');
    expect(pageTexts[0]).not.toMatch(/Page 1 of/);
    expect(text).toContain(`Page 2 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain('Lessons learned: where we got lucky');
    expect(text).toContain('(Completed)');
  });

  it('prints Letter, and the customer version leaves internal sections out', async () => {
    const { text, info } = await pdf('letter', 'customer');
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(text).toContain('Customer-facing version');
    expect(text).not.toContain('Lessons learned: where we got lucky');
    expect(text).not.toContain('Dana Reyes');
  });
});
