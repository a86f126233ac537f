import { nullProto } from '../domain/lookup';
/**
 * Escaping for every output format. Text from logs, titles and people is data: it must show
 * as written and never become markup, a link, a table cell break or a diagram statement.
 */

const HTML_ESCAPES: Record<string, string> = nullProto({
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
});

/** Text safe inside HTML element content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/* What XML 1.0 forbids in a document: C0 controls other than tab, LF and CR, unpaired
 * surrogates, and U+FFFE / U+FFFF. One of them makes the whole SVG invalid (a broken image). */
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe in SVG/XML content and quoted attributes: characters XML forbids dropped, markup escaped. */
export function escapeXml(text: string): string {
  return escapeHtml(text.replace(XML_FORBIDDEN, ''));
}

/* A line start that would open a heading, list, rule or setext underline: the mark followed by
 * a space, the end, or more of the same marks. */
const BLOCK_MARK = /^(\s*)([#+\-=])(?=\s|$|[#=-])/;
/* `1.` or `1)` followed by a space or the end: an ordered list item. */
const LIST_NUMBER = /^(\s*\d+)([.)])(?=\s|$)/;

/* Characters that can start or end inline Markdown syntax anywhere in a line (GFM). */
const MD_INLINE = /[\\`*_[\]<>|~&$]/g;

/**
 * Inline Markdown text that renders literally: punctuation that could open emphasis, code,
 * links, HTML, tables, strikethrough or entities is backslash-escaped, line breaks become
 * spaces, and (when the text starts a line) a leading `#`, `+`, `-`, `=` or `1.` cannot start a block.
 */
export function escapeMarkdown(text: string, atLineStart = true): string {
  const flat = text
    .replace(/\r\n|\r|\n/g, ' ')
    // Control characters are never meaningful in a document and can break parsers downstream.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  const escaped = flat.replace(MD_INLINE, (c) => `\\${c}`);
  if (!atLineStart) return escaped;
  return escaped.replace(BLOCK_MARK, '$1\\$2').replace(LIST_NUMBER, '$1\\$2');
}

/** A GFM table cell: escaped inline text (pipes included); empty cells keep the table shape. */
export function markdownCell(text: string): string {
  const cell = escapeMarkdown(text).trim();
  return cell === '' ? ' ' : cell;
}

/** A GFM table from a header row and body rows (cells already escaped). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * A mermaid node label: inside double quotes, with the characters mermaid or its HTML
 * labels would interpret turned into mermaid entity codes (`#quot;`, `#lt;`…).
 */
export function escapeMermaidLabel(text: string): string {
  // Control characters are never meaningful in a document and can break parsers downstream.
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/\r\n|\r|\n/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
  const coded = flat.replace(/[#"<>&`[\](){}|;]/g, (c) => `#${c.charCodeAt(0)};`);
  return `"${coded}"`;
}

/** A link target that is safe to emit: http(s) and mailto only, without spaces or brackets; else null. */
export function safeUrl(url: string): string | null {
  const trimmed = url.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(trimmed)) return null;
  return trimmed.replace(
    /[\s<>"'()[\]`]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/* What @lexical/markdown leaves alone (it backslash-escapes `*`, `_`, `` ` ``, `~` and `\` itself). */
const LEXICAL_UNESCAPED = /[&<>[\]|$]/g;

/**
 * Text of a Lexical text node before @lexical/markdown exports it. Lexical escapes emphasis,
 * code, strikethrough and backslashes on its own (and would double any backslash added here),
 * so the rest — HTML, links, table pipes, entities, math and block starts — become numeric
 * character references, which GFM shows as the characters.
 */
export function escapeForLexicalMarkdown(text: string, atLineStart: boolean): string {
  const coded = text.replace(LEXICAL_UNESCAPED, (c) => `&#${c.charCodeAt(0)};`);
  if (!atLineStart) return coded;
  return coded
    .replace(BLOCK_MARK, (_m, ws: string, c: string) => `${ws}&#${c.charCodeAt(0)};`)
    .replace(LIST_NUMBER, (_m, n: string, c: string) => `${n}&#${c.charCodeAt(0)};`);
}

/** A backtick fence longer than any backtick run in `text` (at least `min`), so `text` cannot close it. */
export function backtickFence(text: string, min: number): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(min, longest + 1));
}

/**
 * A fenced code block that holds `text` literally: the fence outruns every backtick run in it,
 * and the info string keeps only characters a language name uses (no newline, no backtick).
 */
export function fencedCodeBlock(text: string, language: string): string {
  const fence = backtickFence(text, 3);
  const info = language.replace(/[^\w+#.-]/g, '').slice(0, 40);
  return `${fence}${info}\n${text === '' ? '' : `${text}\n`}${fence}`;
}

/**
 * Inline code text made unable to leave its code span: a line break inside a span lets the
 * next line start a block (a blank line ends the paragraph; `<div …` opens raw HTML), so every
 * line break becomes a space — which is how Markdown shows a line break inside a code span anyway.
 */
export function flattenCodeText(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ');
}
