import {
  $createTableCellNode,
  $createTableNode,
  $createTableRowNode,
  $isTableCellNode,
  $isTableNode,
  $isTableRowNode,
  TableCellHeaderStates,
  TableCellNode,
  TableNode,
  TableRowNode,
} from '@lexical/table';
import {
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  CHECK_LIST,
  CODE,
  HEADING,
  INLINE_CODE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  UNORDERED_LIST,
  BOLD_UNDERSCORE,
} from '@lexical/markdown';
import type { ElementTransformer, MultilineElementTransformer, Transformer } from '@lexical/markdown';
import { $createParagraphNode, $createTextNode } from 'lexical';
import type { LexicalNode } from 'lexical';
import { $isCodeNode } from '@lexical/code';
import { fencedCodeBlock } from '../export/escape';
import { LIVE_BLOCK_SYNTAX, liveBlockSyntax, parseLiveBlockSyntax } from './blocks';
import type { LiveBlockSpec } from './blocks';
import { $isLiveBlockNode, LiveBlockNode } from './nodes';

/** How a live block is written out: rendered data at export, the line syntax otherwise. */
export type LiveBlockExporter = (spec: LiveBlockSpec) => string;

/**
 * `{{live:kind …}}` on its own line ↔ a live block node. `create` lets the renderer make
 * its own subclass (which has the DOM and React view) instead of the headless base class.
 */
export function liveBlockTransformer(
  create: (spec: LiveBlockSpec) => LexicalNode,
  exportBlock: LiveBlockExporter = liveBlockSyntax,
): ElementTransformer {
  return {
    dependencies: [LiveBlockNode],
    export: (node) => ($isLiveBlockNode(node) ? exportBlock(node.getSpec()) : null),
    regExp: LIVE_BLOCK_SYNTAX,
    replace: (parentNode, _children, match) => {
      const spec = parseLiveBlockSyntax(match[0] ?? '');
      if (spec === null) return false;
      parentNode.replace(create(spec));
      return true;
    },
    type: 'element',
  };
}

const TABLE_ROW = /^\|(.+)\|\s*$/;
const TABLE_DIVIDER = /^\|?(\s*:?-{3,}:?\s*\|)+\s*:?-{3,}:?\s*\|?\s*$|^\|(\s*:?-{3,}:?\s*\|)+\s*$/;

function splitRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** GFM pipe tables ↔ Lexical tables (text content per cell; the first row is the header). */
export const TABLE: ElementTransformer = {
  dependencies: [TableNode, TableRowNode, TableCellNode],
  export: (node, traverseChildren) => {
    if (!$isTableNode(node)) return null;
    const lines: string[] = [];
    node.getChildren().forEach((row, rowIndex) => {
      if (!$isTableRowNode(row)) return;
      const cells = row
        .getChildren()
        .filter($isTableCellNode)
        .map(
          (cell) =>
            traverseChildren(cell)
              .replace(/\n+/g, ' ')
              .replace(/(?<!\\)\|/g, '\\|')
              .trim() || ' ',
        );
      lines.push(`| ${cells.join(' | ')} |`);
      if (rowIndex === 0) lines.push(`| ${cells.map(() => '---').join(' | ')} |`);
    });
    return lines.join('\n');
  },
  regExp: TABLE_ROW,
  replace: (parentNode, _children, match) => {
    const line = match[0] ?? '';
    const previous = parentNode.getPreviousSibling();
    if (TABLE_DIVIDER.test(line)) {
      if (!$isTableNode(previous)) return false;
      parentNode.remove();
      return true;
    }
    const table = $isTableNode(previous) ? previous : $createTableNode();
    const header = !$isTableNode(previous);
    const row = $createTableRowNode();
    for (const text of splitRow(line)) {
      const cell = $createTableCellNode(header ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS);
      cell.append($createParagraphNode().append($createTextNode(text)));
      row.append(cell);
    }
    table.append(row);
    if ($isTableNode(previous)) parentNode.remove();
    else parentNode.replace(table);
    return true;
  },
  type: 'element',
};

/**
 * Code blocks as Lexical reads them, but written with a fence no line of the code can close
 * (Lexical keeps a `~~~` fence a line of the code may end) and a sanitised language name.
 */
export const SAFE_CODE: MultilineElementTransformer = {
  ...CODE,
  export: (node) =>
    $isCodeNode(node) ? fencedCodeBlock(node.getTextContent(), node.getLanguage() ?? '') : null,
};

/** Element and text transformers for the document (order matters: check lists before lists). */
export function documentTransformers(liveBlock: ElementTransformer): Transformer[] {
  return [
    liveBlock,
    TABLE,
    HEADING,
    QUOTE,
    CHECK_LIST,
    UNORDERED_LIST,
    ORDERED_LIST,
    SAFE_CODE,
    INLINE_CODE,
    BOLD_ITALIC_STAR,
    BOLD_STAR,
    BOLD_UNDERSCORE,
    STRIKETHROUGH,
    ITALIC_STAR,
    ITALIC_UNDERSCORE,
    LINK,
  ];
}
