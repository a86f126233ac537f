import { describe, expect, it } from 'vitest';
import { markdownToLexicalState } from '../../../shared/document';
import { exportHtml, exportMarkdown } from '../../../shared/export';
import type { IncidentSnapshot } from '../../../shared/domain';
import { sampleSnapshot } from './helpers';

const HTML = '<img src=x onerror=alert(1)><script>alert("x")</script>';
const MERMAID = 'x"] --> y[evil]\nclick c0 call alert() %%{init: {"theme":"dark"}}%%';
const MD = '# not a heading | pipe *star* _under_ [link](javascript:alert(1)) `tick` ~~s~~ <b>&amp;';

/** The sample with attacker-controlled text in every place data reaches a document. */
function hostileSnapshot(): IncidentSnapshot {
  const snap = sampleSnapshot('azure-rca-2014');
  snap.incident.title = `${HTML} ${MD}`;
  snap.incident.summary = MD;
  snap.incident.services = [HTML];
  snap.incident.authors = [MD];
  snap.events.forEach((e, i) => {
    if (e.key && i % 2 === 0) e.title = `${MD} ${HTML}`;
    if (e.key && i % 2 === 1) e.service = MERMAID;
  });
  const [first, second] = snap.causes;
  if (first !== undefined) first.title = MERMAID;
  if (second !== undefined) second.title = `${HTML} ${MD}`;
  snap.actions.forEach((a) => {
    a.title = `${MD} ${HTML}`;
    a.owner = MERMAID;
    a.ticketUrl = 'javascript:alert(1)';
  });
  const section = snap.sections[0];
  if (section !== undefined) {
    section.title = `${HTML} ${MD}`;
    section.lexicalState = markdownToLexicalState(
      `Text with ${HTML} and \\| pipes and [bad](javascript:alert(1)) [good](https://example.com/a)`,
    );
  }
  return snap;
}

describe('hostile content', () => {
  it('never becomes HTML, links or table breaks in Markdown', () => {
    const md = exportMarkdown(hostileSnapshot(), { audience: 'internal' });
    // Every '<' of the data is backslash-escaped, so no tag can open.
    expect(md).not.toMatch(/(?<!\\)<(script|img|b)\b/i);
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/i);
    expect(md).not.toMatch(/<javascript:/i);
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('[good](https://example.com/a)');
    // The title stays one escaped heading: its '#' and '|' are literal.
    expect(md.split('\n')[0]).toMatch(/^# \\<img/);
    expect(md).toContain('\\# not a heading \\| pipe \\*star\\* \\_under\\_');
    // Every row of every table keeps its column count: no cell content splits a row.
    for (const block of md.split('\n\n')) {
      const rows = block.split('\n').filter((l) => l.startsWith('| '));
      if (rows.length < 2) continue;
      const cols = (l: string): number => l.replace(/\\\|/g, '').split('|').length;
      for (const r of rows) expect(cols(r)).toBe(cols(rows[0]!));
    }
  });

  it('keeps the mermaid block one diagram: labels cannot close quotes, add nodes, clicks or directives', () => {
    const md = exportMarkdown(hostileSnapshot(), { audience: 'internal' });
    const mermaid = /```mermaid\n([\s\S]*?)\n```/.exec(md)?.[1] ?? '';
    expect(mermaid).not.toBe('');
    const lines = mermaid.split('\n');
    expect(lines.some((l) => /^\s*click\b/.test(l))).toBe(false);
    expect(mermaid).not.toContain('%%{');
    expect(mermaid).not.toContain('<img');
    for (const l of lines) {
      // Each label line has exactly its own opening and closing quote.
      if (/\["/.test(l)) expect((l.match(/"/g) ?? []).length).toBe(2);
    }
  });

  it('escapes everything in HTML and keeps only safe links', () => {
    const html = exportHtml(hostileSnapshot(), { audience: 'internal' });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[^>]*onerror/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('<a href="https://example.com/a"');
    // Inside the SVG, titles are text too.
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(svg).toContain('x&quot;] --&gt; y[evil]');
    expect(svg).not.toMatch(/<img|<script/);
  });
});
