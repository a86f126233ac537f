import { describe, expect, it } from 'vitest';
import {
  lexicalPlainText,
  lexicalStateToHtml,
  lexicalStateToMarkdown,
  liveBlockSyntax,
  markdownToLexicalState,
  parseLiveBlockSyntax,
} from '../../../shared/document';

const syntax = (md: string): string => {
  const result = lexicalStateToMarkdown(markdownToLexicalState(md), liveBlockSyntax);
  if (!result.ok) throw new Error(result.error);
  return result.markdown;
};

describe('Lexical ↔ Markdown in Node (headless)', () => {
  it('round-trips the supported nodes', () => {
    const md = [
      '# Heading',
      'Some **bold**, *italic*, `code` and [a link](https://example.com/x).',
      '- one\n- two',
      '1. first\n2. second',
      '- [ ] open task\n- [x] done task',
      '> a quote',
      '```sh\necho hi\n```',
      '| a | b |\n| --- | --- |\n| 1 | 2 |',
      '{{live:timeline scope=all}}',
    ].join('\n\n');
    const out = syntax(md);
    // Section headings are demoted under the section's own "##" title.
    expect(out).toContain('### Heading');
    for (const piece of [
      'Some **bold**, *italic*, `code` and [a link](https://example.com/x).',
      '- one\n- two',
      '1. first\n2. second',
      '- [ ] open task\n- [x] done task',
      '> a quote',
      '```sh\necho hi\n```',
      '| a | b |\n| --- | --- |\n| 1 | 2 |',
      '{{live:timeline scope=all}}',
    ]) {
      expect(out).toContain(piece);
    }
  });

  it('renders live blocks through the given exporter', () => {
    const state = markdownToLexicalState('Before\n\n{{live:actions}}\n\nAfter');
    const result = lexicalStateToMarkdown(state, (spec) => `<<${spec.block}>>`);
    expect(result).toEqual({ ok: true, markdown: 'Before\n\n<<actions>>\n\nAfter' });
  });

  it('escapes typed Markdown and HTML so they show literally', () => {
    const out = syntax('Price is 5 * 3 <b>bold?</b> | not a cell & [no link](x) $x$ C:\\temp');
    expect(out).toBe(
      'Price is 5 \\* 3 &#60;b&#62;bold?&#60;/b&#62; &#124; not a cell &#38; no link &#36;x&#36; C:\\\\temp',
    );
  });

  it('keeps a code block fenced even when it contains a fence', () => {
    const state = markdownToLexicalState('````\n```\ninner\n```\n````');
    const out = lexicalStateToMarkdown(state, liveBlockSyntax);
    expect(out.ok && out.markdown.startsWith('````')).toBe(true);
  });

  it('reports a damaged state instead of throwing', () => {
    expect(lexicalStateToMarkdown('{"root":', liveBlockSyntax).ok).toBe(false);
    expect(lexicalStateToMarkdown('{"root":{"type":"nope"}}', liveBlockSyntax).ok).toBe(false);
    expect(lexicalStateToMarkdown(null, liveBlockSyntax)).toEqual({ ok: true, markdown: '' });
  });
});

describe('Lexical → HTML', () => {
  it('writes escaped HTML with safe links, checklists, tables and blocks', () => {
    const state = markdownToLexicalState(
      '## Title <i>\n\n**b** [x](javascript:alert(1)) [y](https://ok.example/)\n\n- [x] done\n\n| h |\n| --- |\n| <c> |\n\n{{live:impact}}',
    );
    const result = lexicalStateToHtml(state, (spec) => `<div data-b="${spec.block}"></div>`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.html).toContain('<h4>Title &lt;i&gt;</h4>');
    expect(result.html).toContain('<strong>b</strong>');
    expect(result.html).not.toContain('javascript:');
    expect(result.html).toContain('<a href="https://ok.example/"');
    expect(result.html).toContain('class="checked"');
    expect(result.html).toContain('<th>h</th>');
    expect(result.html).toContain('<td>&lt;c&gt;</td>');
    expect(result.html).toContain('<div data-b="impact"></div>');
  });
});

describe('live block syntax and plain text', () => {
  it('parses and prints the line syntax', () => {
    const spec = parseLiveBlockSyntax('{{live:timeline scope=range from=10 to=20}}');
    expect(spec).toEqual({ block: 'timeline', scope: 'range', from: 10, to: 20 });
    expect(liveBlockSyntax(spec!)).toBe('{{live:timeline scope=range from=10 to=20}}');
    expect(parseLiveBlockSyntax('{{live:nonsense}}')).toBeNull();
    expect(parseLiveBlockSyntax('text {{live:timeline}}')).toBeNull();
  });

  it('finds written text but not live blocks', () => {
    expect(lexicalPlainText(markdownToLexicalState('{{live:timeline}}'))).toBe('');
    expect(lexicalPlainText(markdownToLexicalState('Hello **there**'))).toBe('Hello there');
  });
});
