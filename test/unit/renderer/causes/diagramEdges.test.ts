import fc from 'fast-check';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MERMAID_CONFIG } from '../../../../renderer/features/causes/render/mermaidConfig';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../../scripts/test/chromium.mjs';
import { causeDiagram, mermaidBlock } from '../../../../shared/causes';
import { CAUSE_KINDS, type CauseNode } from '../../../../shared/domain';
import { node } from '../../causes/helpers';

/*
 * "A diagram edge passes through a box" (issue 12): the cause diagram drawn by mermaid with the
 * app's settings, in a real browser, for cause trees whose boxes differ in height (titles of
 * one to many lines, badges): no edge may enter a box other than the two it joins.
 */
const MERMAID = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
let browser: Browser;
/** One page with the app's mermaid settings, one with mermaid's defaults (a Markdown viewer). */
let app: Page;
let plain: Page;

async function mermaidPage(config: object): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.setContent('<!doctype html><body><div id="out"></div></body>');
  await page.addScriptTag({ path: MERMAID });
  await page.evaluate((c) => {
    (window as unknown as { mermaid: { initialize(c: object): void } }).mermaid.initialize(c);
  }, config);
  return page;
}

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  app = await mermaidPage(MERMAID_CONFIG as object);
  plain = await mermaidPage({ startOnLoad: false });
}, 30_000);

afterAll(async () => {
  await browser?.close();
});

const WORDS = [
  'config',
  'change',
  'rollout',
  'front-end',
  'blob',
  'cache',
  'loop',
  'flighting',
  'policy',
  'operator',
];

/** Cause trees of 4–30 nodes, each hung under an earlier one, with titles of 1–25 words. */
const trees = fc
  .array(
    fc.record({
      parent: fc.nat(),
      words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 25 }),
      kind: fc.constantFrom(...CAUSE_KINDS.filter((k) => k !== 'incident')),
      gate: fc.constantFrom('AND' as const, 'OR' as const),
      evidence: fc.boolean(),
      review: fc.constantFrom('open' as const, 'agreed' as const, 'disputed' as const),
    }),
    { minLength: 3, maxLength: 29 },
  )
  .map((specs) => {
    const nodes: CauseNode[] = [node('c0', null, 0, { title: 'Storage outage', gate: 'OR' })];
    specs.forEach((s, i) =>
      nodes.push(
        node(`c${i + 1}`, `c${s.parent % (i + 1)}`, i, {
          title: s.words.join(' '),
          kind: s.kind,
          gate: s.gate,
          evidenceEventIds: s.evidence ? ['e1'] : [],
          reviewState: s.review,
        }),
      ),
    );
    return nodes;
  });

/** Edges (by mermaid id) that pass through a box they do not join. */
async function edgesThroughBoxes(page: Page, source: string, n: number): Promise<string[]> {
  return page.evaluate(
    async ([src, id]) => {
      const m = (
        window as unknown as { mermaid: { render(id: string, s: string): Promise<{ svg: string }> } }
      ).mermaid;
      const { svg } = await m.render(id, src);
      const out = document.getElementById('out')!;
      out.innerHTML = svg;
      const boxes = [...out.querySelectorAll('g.node')].map((g) => ({
        id: /flowchart-(.+)-\d+$/.exec(g.id)?.[1] ?? g.id,
        r: g.getBoundingClientRect(),
      }));
      const hits = new Set<string>();
      for (const path of out.querySelectorAll<SVGPathElement>('.edgePaths path')) {
        const [, from, to] = /L_(.+?)_(.+?)_\d+$/.exec(path.id) ?? [];
        const ctm = path.getScreenCTM()!;
        const len = path.getTotalLength();
        for (let s = 0; s <= len; s += 2) {
          const p = path.getPointAtLength(s).matrixTransform(ctm);
          for (const { id: box, r } of boxes)
            if (
              box !== from &&
              box !== to &&
              p.x > r.left + 1 &&
              p.x < r.right - 1 &&
              p.y > r.top + 1 &&
              p.y < r.bottom - 1
            )
              hits.add(`${path.id} through ${box}`);
        }
      }
      return [...hits];
    },
    [source, `edge-test-${n}`] as const,
  );
}

describe('cause diagram edges', () => {
  const sample = fc.sample(trees, { seed: 12, numRuns: 12 });

  it('never pass through a box they do not join, in the app', async () => {
    const found: string[] = [];
    for (const [i, nodes] of sample.entries()) {
      const hits = await edgesThroughBoxes(app, causeDiagram(nodes).source, i);
      if (hits.length > 0) found.push(`tree ${i}: ${hits.join('; ')}`);
    }
    expect(found).toEqual([]);
  }, 120_000);

  it('nor in the Markdown export, drawn by a mermaid with default settings', async () => {
    const found: string[] = [];
    for (const [i, nodes] of sample.entries()) {
      const block = mermaidBlock(causeDiagram(nodes).source);
      const hits = await edgesThroughBoxes(plain, block.replace(/^```mermaid\n|\n```$/g, ''), i);
      if (hits.length > 0) found.push(`tree ${i}: ${hits.join('; ')}`);
    }
    expect(found).toEqual([]);
  }, 120_000);
});
