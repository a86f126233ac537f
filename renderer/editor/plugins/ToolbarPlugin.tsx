import { $createCodeNode } from '@lexical/code';
import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import {
  INSERT_CHECK_LIST_COMMAND,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
} from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { $insertNodeToNearestRoot } from '@lexical/utils';
import { $createParagraphNode, $getSelection, $isRangeSelection, FORMAT_TEXT_COMMAND } from 'lexical';
import type { ElementNode, TextFormatType } from 'lexical';
import { LIVE_BLOCK_KINDS, LIVE_BLOCK_LABELS, liveBlock } from '../../../shared/document/blocks';
import type { LiveBlockKind } from '../../../shared/document/blocks';
import { $createLiveBlockEditorNode } from '../LiveBlockEditorNode';

/** Formatting and insert buttons for one section; every action is also a Markdown shortcut. */
export function ToolbarPlugin({ label }: { label: string }) {
  const [editor] = useLexicalComposerContext();
  const format = (f: TextFormatType) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, f);
  const block = (make: () => ElementNode) =>
    editor.update(() => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) $setBlocksType(selection, make);
    });
  const insertLive = (kind: LiveBlockKind) =>
    editor.update(() => {
      $insertNodeToNearestRoot($createLiveBlockEditorNode(liveBlock(kind)));
    });
  const link = () => {
    const url = window.prompt('Link address (https://…)');
    if (url !== null && url.trim() !== '') editor.dispatchCommand(TOGGLE_LINK_COMMAND, url.trim());
  };
  const btn = (text: string, title: string, run: () => void) => (
    <button
      type="button"
      className="ed-tool"
      title={title}
      aria-label={title}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {/* The glyph is decoration; the button's name is its title. */}
      <span aria-hidden="true">{text}</span>
    </button>
  );
  return (
    <div className="ed-toolbar" role="toolbar" aria-label={`Formatting: ${label}`}>
      {btn('B', 'Bold (Ctrl+B)', () => format('bold'))}
      {btn('I', 'Italic (Ctrl+I)', () => format('italic'))}
      {btn('</>', 'Inline code', () => format('code'))}
      {btn('H', 'Heading', () => block(() => $createHeadingNode('h3')))}
      {btn('¶', 'Paragraph', () => block(() => $createParagraphNode()))}
      {btn('•', 'Bulleted list', () => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined))}
      {btn('1.', 'Numbered list: 1, 2, 3', () =>
        editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined),
      )}
      {btn('☑', 'Checklist', () => editor.dispatchCommand(INSERT_CHECK_LIST_COMMAND, undefined))}
      {btn('❝', 'Quote', () => block(() => $createQuoteNode()))}
      {btn('{ }', 'Code block', () => block(() => $createCodeNode()))}
      {btn('Link', 'Link', link)}
      {btn('▦', 'Table (3×3)', () =>
        editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3' }),
      )}
      <select
        className="ed-insert"
        aria-label="Insert live block"
        value=""
        onChange={(e) => {
          if (e.target.value !== '') insertLive(e.target.value as LiveBlockKind);
        }}
      >
        <option value="">Insert live block…</option>
        {LIVE_BLOCK_KINDS.map((k) => (
          <option key={k} value={k}>
            {LIVE_BLOCK_LABELS[k]}
          </option>
        ))}
      </select>
    </div>
  );
}
