import { readFileSync } from 'node:fs';
import { $createCodeNode } from '@lexical/code';
import { createHeadlessEditor } from '@lexical/headless';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { marked } from 'marked';
import Papa from 'papaparse';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportActionsCsv } from '../../../shared/actions/csv';
import { causeDiagram } from '../../../shared/causes/mermaid';
import { fishboneSvg, layoutFishbone } from '../../../shared/causes';
import { DOCUMENT_NODES, markdownToLexicalState } from '../../../shared/document';
import type { IncidentSnapshot } from '../../../shared/domain';
import { exportHtml, exportMarkdown } from '../../../shared/export';
import { causeTreeSvg } from '../../../shared/export/causeSvg';
import { sampleSnapshot } from '../export/helpers';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../scripts/test/chromium.mjs';

interface Payload {
  id: string;
  payload: string;
}
const PAYLOADS = (
  JSON.parse(readFileSync(new URL('../../fixtures/xss/payloads.json', import.meta.url), 'utf8')) as {
    payloads: Payload[];
  }
).payloads;

/** The sample incident with `p` in every field a person or a log can fill. */
function hostile(p: string): IncidentSnapshot {
  const snap = sampleSnapshot('azure-rca-2014');
  snap.incident.title = p;
  snap.incident.summary = p;
  snap.incident.services = [p];
  snap.incident.authors = [p];
  for (const e of snap.events) {
    e.title = p;
    e.service = p;
    e.key = true;
  }
  for (const c of snap.causes) c.title = p;
  for (const a of snap.actions) {
    a.title = p;
    a.owner = p;
    a.ticketUrl = p.includes(':') ? p : `javascript:top.__pwned('${a.id}')`;
  }
  for (const s of snap.sections) {
    s.title = p;
    s.lexicalState = markdownToLexicalState(`${p}\n\nParagraph: ${p}\n\n- item ${p}`);
  }
  return snap;
}

/**
 * A section whose code text carries `p` (issue 11, item 3): inline code with blank lines and a
 * reference-link line, a code block whose text holds backtick and tilde fences, and a language
 * name with a line break.
 */
function codeSection(p: string): string {
  const editor = createHeadlessEditor({
    nodes: DOCUMENT_NODES,
    onError: (e) => {
      throw e;
    },
  });
  editor.update(
    () => {
      const inline = $createTextNode(
        `a\n\n${p}\n\n[x]: javascript:top.__pwned('ref')\n\n[x]\n\n<img src=x onerror="top.__pwned('img')">`,
      );
      inline.toggleFormat('code');
      const lead = $createTextNode('See ');
      $getRoot().append(
        $createParagraphNode().append(lead, inline),
        $createCodeNode(`js\n<img src=x onerror="top.__pwned('lang')">`).append(
          $createTextNode(`~~~\n\`\`\`\n${p}\n\`\`\`\`\n<img src=x onerror="top.__pwned('block')">\n${p}`),
        ),
      );
    },
    { discrete: true },
  );
  return JSON.stringify(editor.getEditorState().toJSON());
}

const CHROMIUM = CHROMIUM_PATH;
const ARGS = CHROMIUM_FLAGS;
let browser: Browser;
let page: Page;
const pwned: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  page = await browser.newPage();
  await page.exposeFunction('__pwned', (label: unknown) => pwned.push(String(label)));
  // Bindings are delivered in the order the page calls them: once this one has answered, every
  // __pwned call made before it has been recorded (no waiting on the clock).
  await page.exposeFunction('__settled', () => true);
  page.on('dialog', (d) => {
    pwned.push(`dialog:${d.message()}`);
    void d.dismiss();
  });
  page.on('popup', (p) => pwned.push(`popup:${p.url()}`));
  // Nothing in an export may fetch anything; block and record it.
  await page.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
}, 30_000);

afterAll(async () => {
  await browser?.close();
});

/** Loads HTML into the page, pokes every element that could run code, returns what fired. */
async function runInBrowser(html: string): Promise<{ fired: string[]; dangerous: string[] }> {
  pwned.length = 0;
  // A fresh document each time: setContent rewrites the same document, which would keep the
  // CSP <meta> of an earlier export and hide what this one does without it.
  await page.goto('about:blank');
  await page.setContent(html, { waitUntil: 'load' });
  const dangerous = await page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (['script', 'iframe', 'object', 'embed', 'base', 'form', 'foreignobject', 'meta'].includes(tag)) {
        if (!(tag === 'meta' && !el.getAttribute('http-equiv')?.toLowerCase().includes('refresh')))
          found.push(`<${tag}>`);
      }
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) found.push(`${tag}[${attr.name}]`);
        if (/^(href|src|xlink:href|action|formaction|data)$/i.test(attr.name)) {
          const v = attr.value.trim().toLowerCase();
          if (!/^(https?:|#|mailto:)/.test(v) && !(tag === 'img' && v.startsWith('data:image/')))
            found.push(`${tag}[${attr.name}=${attr.value.slice(0, 40)}]`);
        }
      }
    }
    // Focus and hover everything a payload might hang on.
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('*'))) {
      el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      el.focus?.();
    }
    return found;
  });
  await page.evaluate(() => (window as unknown as { __settled(): Promise<boolean> }).__settled());
  return { fired: [...pwned], dangerous };
}

describe('XSS corpus', () => {
  it('has at least 50 distinct payloads', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(PAYLOADS.map((p) => p.payload)).size).toBe(PAYLOADS.length);
  });

  it('the harness itself catches an executing payload', async () => {
    const r = await runInBrowser(
      `<p>x</p><img src=x onerror="top.__pwned('canary')"><a href="javascript:1">a</a>`,
    );
    expect(r.fired).toEqual(['canary']);
    expect(r.dangerous).toEqual(['img[src=x]', 'img[onerror]', 'a[href=javascript:1]']);
  });

  it('HTML export: no payload runs, fetches or leaves markup behind', async () => {
    const failures: string[] = [];
    for (const { id, payload } of PAYLOADS) {
      for (const audience of ['internal', 'customer'] as const) {
        const html = exportHtml(hostile(payload), { audience });
        const r = await runInBrowser(html);
        if (r.fired.length > 0 || r.dangerous.length > 0)
          failures.push(`${id}/${audience}: fired ${r.fired.join(',')} dangerous ${r.dangerous.join(',')}`);
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toEqual([]);
  }, 120_000);

  it('cause and fishbone SVGs: inline in a page, nothing runs and no active element appears', async () => {
    const failures: string[] = [];
    for (const { id, payload } of PAYLOADS) {
      const { causes } = hostile(payload);
      const svg = causeTreeSvg(causes, payload);
      const fish = fishboneSvg(layoutFishbone(causes, [payload, 'People', 'Process']), payload);
      const r = await runInBrowser(`<!doctype html><body>${svg}${fish}</body>`);
      if (r.fired.length > 0 || r.dangerous.length > 0)
        failures.push(`${id}: ${[...r.fired, ...r.dangerous].join(',')}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it('Markdown export: no raw HTML and no non-http(s) links', () => {
    for (const { id, payload } of PAYLOADS) {
      const md = exportMarkdown(hostile(payload), { audience: 'internal' });
      // Every '<' from the data is backslash-escaped, so no tag or autolink can open.
      expect(md, id).not.toMatch(/(?<!\\)<[a-z!/?]/i);
      expect(md, id).not.toMatch(/(?<!\\)\]\(\s*(?:javascript|data|file|vbscript):/i);
      expect(md, id).not.toMatch(/^\s*\[[^\]]*\]:\s*(?:javascript|data|file):/im);
    }
  });

  it('Markdown rendered by a real renderer (marked, raw HTML on) runs nothing and links nowhere', async () => {
    // Canary: marked passes raw HTML through, so an escape the exporter missed would show here.
    const canary = await runInBrowser(await marked.parse(`x <img src=x onerror="top.__pwned('md')">`));
    expect(canary.fired).toEqual(['md']);
    const failures: string[] = [];
    for (const { id, payload } of PAYLOADS) {
      const snap = hostile(payload);
      snap.sections.push({
        ...snap.sections[0]!,
        id: 'code-section',
        order: 99,
        lexicalState: codeSection(payload),
      });
      for (const audience of ['internal', 'customer'] as const) {
        const html = await marked.parse(exportMarkdown(snap, { audience }));
        const r = await runInBrowser(`<!doctype html><body>${html}</body>`);
        if (r.fired.length > 0 || r.dangerous.length > 0)
          failures.push(`${id}/${audience}: fired ${r.fired.join(',')} dangerous ${r.dangerous.join(',')}`);
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toEqual([]);
  }, 180_000);

  it('mermaid sources: payloads stay inside labels (no directives, clicks or styles)', () => {
    // Labels are entity-escaped; the only markup in them is the generator's own <br/>.
    const LABEL = '"(?:[^"%<]|<br/>)*"';
    const NODE = new RegExp(`^ {2}c\\d+[gm]?(?:\\[${LABEL}\\]|\\(\\(${LABEL}\\)\\))$`);
    const EDGE = /^ {2}c\d+[gm]? (?:---|-\.-) c\d+[gm]?$/;
    const CLASS = /^ {2}(?:class c\d+[gm]? [\w-]+|classDef [\w-]+ [^"<>]*)$/;
    for (const { id, payload } of PAYLOADS) {
      const { source } = causeDiagram(hostile(payload).causes);
      const lines = source.split('\n');
      expect(lines[0], id).toBe('flowchart TD');
      for (const line of lines.slice(1).filter((l) => l !== ''))
        expect(NODE.test(line) || EDGE.test(line) || CLASS.test(line), `${id}: ${line}`).toBe(true);
    }
  });

  it('CSV export: no cell a spreadsheet would run as a formula', () => {
    for (const { id, payload } of PAYLOADS) {
      const csv = exportActionsCsv(hostile(payload).actions);
      const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
      expect(rows.length, id).toBe(hostile(payload).actions.length + 1);
      for (const row of rows.slice(1)) for (const cell of row) expect(cell, id).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});
