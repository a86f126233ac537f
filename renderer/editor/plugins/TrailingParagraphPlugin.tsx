import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createParagraphNode, $isDecoratorNode, RootNode, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';

/**
 * Keeps a paragraph after a live block that ends a section: without one, a click below the
 * block selects the block itself and typed text has nowhere to go.
 */
export function registerTrailingParagraph(editor: LexicalEditor): () => void {
  return editor.registerNodeTransform(RootNode, (root) => {
    const last = root.getLastChild();
    if (last === null || $isDecoratorNode(last)) root.append($createParagraphNode());
  });
}

export function TrailingParagraphPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerTrailingParagraph(editor), [editor]);
  return null;
}
