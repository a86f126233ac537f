import { escapeHtml, safeUrl } from '../export/escape';
import { walkTree } from '../domain';
import { LIVE_BLOCK_NODE_TYPE, readSpec } from './nodes';
import { MAX_SECTION_DEPTH, storedChildren } from './state';
import type { StoredNode } from './state';
import type { LiveBlockSpec } from './blocks';

/** A serialized Lexical node as stored (only the fields the HTML writer reads). */
interface SerializedNode {
  type?: unknown;
  children?: unknown;
  text?: unknown;
  format?: unknown;
  tag?: unknown;
  listType?: unknown;
  start?: unknown;
  checked?: unknown;
  url?: unknown;
  language?: unknown;
  headerState?: unknown;
  spec?: unknown;
}

export type LiveBlockHtml = (spec: LiveBlockSpec) => string;

const FORMAT_TAGS: [number, string][] = [
  [16, 'code'],
  [1, 'strong'],
  [2, 'em'],
  [4, 's'],
  [8, 'u'],
  [32, 'sub'],
  [64, 'sup'],
  [128, 'mark'],
];

function kids(node: SerializedNode): SerializedNode[] {
  return storedChildren(node as StoredNode) as SerializedNode[];
}

function text(node: SerializedNode): string {
  const value = typeof node.text === 'string' ? escapeHtml(node.text) : '';
  const format = typeof node.format === 'number' ? node.format : 0;
  let out = value;
  for (const [bit, tag] of FORMAT_TAGS) if ((format & bit) !== 0) out = `<${tag}>${out}</${tag}>`;
  return out;
}

function headingTag(tag: unknown): string {
  const level = typeof tag === 'string' && /^h[1-6]$/.test(tag) ? Number(tag.slice(1)) : 1;
  return `h${Math.min(6, level + 2)}`;
}

/** Plain text of a code block: code-highlight and text nodes, line breaks and tabs. */
function codeText(node: SerializedNode): string {
  return kids(node)
    .map((k) =>
      k.type === 'linebreak' ? '\n' : k.type === 'tab' ? '\t' : typeof k.text === 'string' ? k.text : '',
    )
    .join('');
}

/** What a node writes around its children, and whether it has children to write. */
interface Wrap {
  open: string;
  close: string;
  descend: boolean;
}

const LEAF = (html: string): Wrap => ({ open: html, close: '', descend: false });
const AROUND = (open: string, close: string): Wrap => ({ open, close, descend: true });

function wrapOf(node: SerializedNode, block: LiveBlockHtml): Wrap {
  switch (node.type) {
    case 'root':
      return AROUND('', '');
    case 'paragraph':
      return kids(node).length === 0 ? LEAF('') : AROUND('<p>', '</p>\n');
    case 'heading': {
      const tag = headingTag(node.tag);
      return AROUND(`<${tag}>`, `</${tag}>\n`);
    }
    case 'quote':
      return AROUND('<blockquote>', '</blockquote>\n');
    case 'list': {
      const ordered = node.listType === 'number';
      const tag = ordered ? 'ol' : 'ul';
      const start =
        ordered && typeof node.start === 'number' && node.start !== 1
          ? ` start="${Math.floor(node.start)}"`
          : '';
      const cls = node.listType === 'check' ? ' class="checklist"' : '';
      return AROUND(`<${tag}${start}${cls}>\n`, `</${tag}>\n`);
    }
    case 'listitem': {
      const nested = kids(node).length > 0 && kids(node).every((k) => k.type === 'list');
      if (nested) return AROUND('<li class="nested">', '</li>\n');
      if (typeof node.checked === 'boolean') {
        const box = node.checked ? '☑' : '☐';
        const cls = node.checked ? 'checked' : 'unchecked';
        return AROUND(`<li class="${cls}"><span class="box" aria-hidden="true">${box}</span> `, '</li>\n');
      }
      return AROUND('<li>', '</li>\n');
    }
    case 'text':
    case 'code-highlight':
      return LEAF(text(node));
    case 'linebreak':
      return LEAF('<br>');
    case 'tab':
      return LEAF('\t');
    case 'link':
    case 'autolink': {
      const url = typeof node.url === 'string' ? safeUrl(node.url) : null;
      return url === null
        ? AROUND('', '')
        : AROUND(`<a href="${escapeHtml(url)}" rel="noopener noreferrer">`, '</a>');
    }
    case 'code': {
      const lang =
        typeof node.language === 'string' && /^[\w+-]{1,30}$/.test(node.language) ? node.language : '';
      const cls = lang === '' ? '' : ` class="language-${lang}"`;
      return LEAF(`<pre><code${cls}>${escapeHtml(codeText(node))}</code></pre>\n`);
    }
    case 'table':
      return AROUND('<table class="content">\n', '</table>\n');
    case 'tablerow':
      return AROUND('<tr>', '</tr>\n');
    case 'tablecell': {
      const tag = typeof node.headerState === 'number' && node.headerState !== 0 ? 'th' : 'td';
      return AROUND(`<${tag}>`, `</${tag}>`);
    }
    case LIVE_BLOCK_NODE_TYPE:
      return LEAF(`${block(readSpec(node))}\n`);
    default:
      // Unknown node types (from a newer version) keep their text rather than vanish.
      return typeof node.text === 'string' ? LEAF(text(node)) : AROUND('', '');
  }
}

/**
 * Writes a node and everything below it, without recursion (a stored state may nest thousands
 * of levels). Elements nested deeper than MAX_SECTION_DEPTH write their content without their
 * own tags, so the output stays valid and its nesting bounded; all text is kept.
 */
function render(root: SerializedNode, block: LiveBlockHtml): string {
  const out: string[] = [];
  const closes: string[] = [];
  walkTree(root, kids, {
    enter: (node, depth, index, parent) => {
      // A table cell's paragraphs are written bare, one line each.
      const inCell = parent?.type === 'tablecell';
      if (inCell && index > 0) out.push('<br>');
      let wrap = wrapOf(node, block);
      if (wrap.descend && ((inCell && node.type === 'paragraph') || depth > MAX_SECTION_DEPTH))
        wrap = AROUND('', '');
      out.push(wrap.open);
      closes.push(wrap.close);
      return wrap.descend;
    },
    leave: () => {
      out.push(closes.pop()!);
    },
  });
  return out.join('');
}

export type LexicalHtmlResult = { ok: true; html: string } | { ok: false; error: string };

/**
 * Serialized Lexical state → HTML fragment. Written from the JSON directly (no DOM needed), so
 * it runs in Node; every text is escaped, only http(s)/mailto links survive, and headings sit
 * two levels below the section title. Never throws.
 */
export function lexicalStateToHtml(state: string | null, block: LiveBlockHtml): LexicalHtmlResult {
  if (state === null || state.trim() === '') return { ok: true, html: '' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(state);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  const root = (parsed as { root?: unknown } | null)?.root;
  if (typeof root !== 'object' || root === null)
    return { ok: false, error: 'no "root" node in the saved state' };
  return { ok: true, html: render(root as SerializedNode, block).trim() };
}
