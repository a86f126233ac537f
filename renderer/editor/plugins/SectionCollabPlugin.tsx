import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { registerSectionCollab } from '../collab/registerSectionCollab';

/**
 * Binds the editor to a section's shared document (`registerSectionCollab`) and holds the layer
 * others' cursors are drawn in; read-only (a reviewer) keeps the text live but not editable.
 * Keep it inside the editor's positioned frame: cursors are placed relative to it.
 */
export function SectionCollabPlugin({
  doc,
  awareness,
  name,
  color,
  readOnly,
}: {
  doc: Y.Doc;
  awareness: Awareness | null;
  name: string;
  color: string;
  readOnly: boolean;
}) {
  const [editor] = useLexicalComposerContext();
  const cursors = useRef<HTMLDivElement>(null);
  useEffect(
    () =>
      registerSectionCollab(editor, {
        doc,
        awareness,
        user: { name, color },
        cursorsContainer: cursors.current,
        readOnly,
      }),
    [editor, doc, awareness, name, color, readOnly],
  );
  useEffect(() => editor.setEditable(!readOnly), [editor, readOnly]);
  return <div ref={cursors} className="ed-cursors" aria-hidden="true" />;
}
