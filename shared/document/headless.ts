import { CodeHighlightNode, CodeNode, $isCodeNode } from '@lexical/code';
import { createHeadlessEditor } from '@lexical/headless';
import { $isLinkNode, AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { $convertFromMarkdownString, $convertToMarkdownString } from '@lexical/markdown';
import { $isHeadingNode, HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { HeadingTagType } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { $getRoot, $isElementNode, $isTextNode } from 'lexical';
import type { Klass, LexicalEditor, LexicalNode } from 'lexical';
import { escapeForLexicalMarkdown, escapeMarkdown, flattenCodeText, safeUrl } from '../export/escape';
import { $createLiveBlockNode, LiveBlockNode } from './nodes';
import { checkSectionState, MAX_SECTION_DEPTH } from './state';
import { lexicalPlainText } from './text';
import { documentTransformers, liveBlockTransformer } from './transformers';
import type { LiveBlockExporter } from './transformers';

/** The node classes a document section may contain (the renderer swaps in its live block subclass). */
export const DOCUMENT_NODES: Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  CodeNode,
  CodeHighlightNode,
  LinkNode,
  AutoLinkNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  LiveBlockNode,
];

function headless(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'rootline-document',
    nodes: DOCUMENT_NODES,
    onError: (error) => {
      throw error;
    },
  });
}

/**
 * Converts Markdown (with `{{live:…}}` lines) to a serialized Lexical editor state (JSON
 * text), as stored in `DocumentSection.lexicalState`. Used for template starters and the sample.
 */
export function markdownToLexicalState(markdown: string): string {
  const editor = headless();
  const transformers = documentTransformers(liveBlockTransformer($createLiveBlockNode));
  editor.update(() => $convertFromMarkdownString(markdown, transformers), { discrete: true });
  return JSON.stringify(editor.getEditorState().toJSON());
}

/** Headings inside a section sit below the section's own `##` title: h1 → h3 … h4+ → h6. */
export function demoteHeading(tag: HeadingTagType): HeadingTagType {
  const level = Math.min(6, Number(tag.slice(1)) + 2);
  return `h${level}` as HeadingTagType;
}

/* Makes every text node render literally in Markdown (user text is data, not markup) and drops
 * links whose target is not http(s)/mailto; demotes headings below the section title. Runs on a throwaway headless copy. */
function $escapeForMarkdown(node: LexicalNode): void {
  if ($isCodeNode(node)) return;
  if ($isLinkNode(node)) {
    const url = safeUrl(node.getURL());
    if (url === null) {
      const children = node.getChildren();
      for (const child of children) node.insertBefore(child);
      node.remove();
      for (const child of children) $escapeForMarkdown(child);
      return;
    } else {
      node.setURL(url);
    }
  }
  if ($isHeadingNode(node)) node.setTag(demoteHeading(node.getTag()));
  if ($isTextNode(node)) {
    if (node.hasFormat('code')) {
      // Lexical fences inline code with a longer backtick run; only the line breaks are ours to defuse.
      const text = node.getTextContent();
      const flat = flattenCodeText(text);
      if (flat !== text) node.setTextContent(flat);
      return;
    }
    const first = node.getPreviousSibling() === null;
    node.setTextContent(escapeForLexicalMarkdown(node.getTextContent(), first));
    return;
  }
  if ($isElementNode(node)) for (const child of node.getChildren()) $escapeForMarkdown(child);
}

export type LexicalMarkdownResult = { ok: true; markdown: string } | { ok: false; error: string };

/**
 * Serialized Lexical state → GitHub-flavoured Markdown, with live blocks written by
 * `exportBlock` (rendered incident data at export time). Never throws: a state that cannot be
 * read comes back as `ok: false` with the reason.
 */
export function lexicalStateToMarkdown(
  state: string | null,
  exportBlock: LiveBlockExporter,
): LexicalMarkdownResult {
  if (state === null || state.trim() === '') return { ok: true, markdown: '' };
  const checked = checkSectionState(state);
  if (!checked.ok) {
    // Too deep for Lexical: the words are kept, as plain text, with the reason.
    const note = `_(This section is nested ${checked.depth.toLocaleString('en-US')} levels deep, more than the ${MAX_SECTION_DEPTH} Rootline keeps as structure, so it is exported as plain text.)_`;
    return { ok: true, markdown: `${note}\n\n${escapeMarkdown(lexicalPlainText(state))}` };
  }
  try {
    const editor = headless();
    editor.setEditorState(editor.parseEditorState(checked.state ?? state));
    editor.update(() => $escapeForMarkdown($getRoot()), { discrete: true });
    const transformers = documentTransformers(liveBlockTransformer($createLiveBlockNode, exportBlock));
    const markdown = editor.getEditorState().read(() => $convertToMarkdownString(transformers));
    return { ok: true, markdown: markdown.trim() };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
