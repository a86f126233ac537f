import { CodeNode } from '@lexical/code';
import { createHeadlessEditor } from '@lexical/headless';
import { $generateHtmlFromNodes } from '@lexical/html';
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { $convertFromMarkdownString, TRANSFORMERS } from '@lexical/markdown';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import DOMPurify from 'dompurify';

const editor = createHeadlessEditor({
  namespace: 'markdown-html',
  nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, CodeNode, LinkNode],
  onError: (error) => {
    throw error;
  },
});

const cache = new Map<string, string>();
const CACHE_LIMIT = 500;

/** Only plain formatting survives: no styles, no media, no forms, links with safe schemes only. */
const PURIFY = {
  ALLOWED_TAGS: [
    'p',
    'br',
    'b',
    'strong',
    'i',
    'em',
    'u',
    's',
    'code',
    'pre',
    'a',
    'ul',
    'ol',
    'li',
    'blockquote',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'span',
  ],
  ALLOWED_ATTR: ['href', 'title'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
};

/**
 * Markdown (comments, cause details) as sanitised HTML, using the app's own Lexical Markdown
 * transformers so text reads the same here as in the document editor. Raw HTML in the input is
 * text, not markup; the output passes DOMPurify with a small allow-list. Results are cached
 * because comment lists re-render often.
 */
export function markdownToSafeHtml(markdown: string): string {
  const hit = cache.get(markdown);
  if (hit !== undefined) return hit;
  let html = '';
  editor.update(() => $convertFromMarkdownString(markdown, TRANSFORMERS), { discrete: true });
  editor.getEditorState().read(() => {
    html = $generateHtmlFromNodes(editor, null);
  });
  const safe = DOMPurify.sanitize(html, PURIFY);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(markdown, safe);
  return safe;
}
