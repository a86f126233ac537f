import type { Klass, LexicalNode } from 'lexical';
import type { Transformer } from '@lexical/markdown';
import { DOCUMENT_NODES } from '../../shared/document/headless';
import { LiveBlockNode } from '../../shared/document/nodes';
import { documentTransformers, liveBlockTransformer } from '../../shared/document/transformers';
import { $createLiveBlockEditorNode, LiveBlockEditorNode } from './LiveBlockEditorNode';

/** The document's nodes, with the live block swapped for its editor subclass (same type name). */
export const EDITOR_NODES: Klass<LexicalNode>[] = [
  ...DOCUMENT_NODES.filter((n) => n !== LiveBlockNode),
  LiveBlockEditorNode,
];

/** Markdown shortcuts while typing (`## `, `- `, `[] `, `> `, ``` ``` ```, `**bold**`…). */
export const EDITOR_TRANSFORMERS: Transformer[] = documentTransformers(
  liveBlockTransformer($createLiveBlockEditorNode),
);

export const EDITOR_THEME = {
  paragraph: 'ed-p',
  quote: 'ed-quote',
  heading: { h1: 'ed-h1', h2: 'ed-h2', h3: 'ed-h3', h4: 'ed-h4', h5: 'ed-h5', h6: 'ed-h6' },
  list: {
    ul: 'ed-ul',
    ol: 'ed-ol',
    listitem: 'ed-li',
    listitemChecked: 'ed-li-checked',
    listitemUnchecked: 'ed-li-unchecked',
    nested: { listitem: 'ed-li-nested' },
  },
  link: 'ed-link',
  code: 'ed-code',
  table: 'ed-table',
  tableCell: 'ed-td',
  tableCellHeader: 'ed-th',
  text: {
    bold: 'ed-bold',
    italic: 'ed-italic',
    code: 'ed-inline-code',
    strikethrough: 'ed-strike',
    underline: 'ed-underline',
  },
};
