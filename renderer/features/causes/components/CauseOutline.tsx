import { useMemo, useState, type KeyboardEvent } from 'react';
import type { CauseNode } from '../../../../shared/domain';
import { newId } from '../../../../shared/domain';
import {
  addChild,
  addSibling,
  buildTree,
  childrenOf,
  deleteSubtree,
  flattenTree,
  indent,
  moveAmongSiblings,
  outdent,
  parentIdOf,
  reparent,
  updateNode,
} from '../../../../shared/causes';
import type { CauseEdits } from '../hooks/useCauseEdits';
import { OutlineRow, type DropPlace, type RowCommands } from './OutlineRow';

interface CauseOutlineProps {
  nodes: readonly CauseNode[];
  edits: CauseEdits;
  selectedId: string | null;
  onSelect: (id: string) => void;
  openThreads: ReadonlyMap<string, number>;
  /** Deletes a subtree (the panel also unlinks action items and offers undo in a toast). */
  onDelete: (id: string) => Promise<string | null>;
  focus: { id: string; n: number } | null;
  onFocus: (id: string | null) => void;
}

/**
 * The keyboard-first outline: Enter adds a sibling, Ctrl+Enter a child, Tab / Shift+Tab indent
 * and outdent, Alt+↑/↓ move, ↑/↓ go to the previous/next line, Delete (or Backspace on an
 * empty title) removes the line and what hangs under it. Lines can also be dragged onto others.
 */
export function CauseOutline({
  nodes,
  edits,
  selectedId,
  onSelect,
  openThreads,
  onDelete,
  focus,
  onFocus,
}: CauseOutlineProps) {
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const tree = useMemo(() => buildTree(nodes), [nodes]);
  const rows = useMemo(() => flattenTree(tree, folded), [tree, folded]);

  const commands: RowCommands = {
    onSelect,
    onTitle: (id, title) =>
      void edits.run(
        updateNode(edits.rows(), id, { title }, Date.now()),
        'Edit cause title',
        `cause-title:${id}`,
      ),
    onToggleFold: (id) =>
      setFolded((f) => {
        const next = new Set(f);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    onToggleGate: (id) => {
      const node = tree.byId.get(id);
      if (node)
        void edits.run(
          updateNode(edits.rows(), id, { gate: node.gate === 'AND' ? 'OR' : 'AND' }, Date.now()),
          'Change gate',
        );
    },
    onDrop: (dragId: string, targetId: string, place: DropPlace) => {
      const now = Date.now();
      const nodes = edits.rows();
      const tree = buildTree(nodes);
      let edit;
      if (place === 'inside')
        edit = reparent(nodes, dragId, targetId, childrenOf(tree, targetId).length, now);
      else {
        const parent = parentIdOf(tree, targetId);
        if (parent === null) return;
        const siblings = childrenOf(tree, parent).filter((c) => c.id !== dragId);
        const at = siblings.findIndex((c) => c.id === targetId) + (place === 'after' ? 1 : 0);
        edit = reparent(nodes, dragId, parent, at, now);
      }
      void edits.run(edit, 'Move cause').then((id) => onFocus(id));
    },
    onKey: (id: string, e: KeyboardEvent<HTMLInputElement>, title: string) => {
      const now = Date.now();
      const nodes = edits.rows();
      const mod = e.ctrlKey || e.metaKey;
      const go = (p: Promise<string | null>) => {
        e.preventDefault();
        e.stopPropagation();
        void p.then((next) => onFocus(next));
      };
      const index = rows.findIndex((r) => r.node.id === id);
      if (e.key === 'Enter' && !e.altKey && !e.shiftKey) {
        const init = { id: newId(now), now };
        go(edits.run(mod ? addChild(nodes, id, init) : addSibling(nodes, id, init), 'Add cause'));
      } else if (e.key === 'Tab' && !mod && !e.altKey) {
        go(
          edits.run(
            e.shiftKey ? outdent(nodes, id, now) : indent(nodes, id, now),
            e.shiftKey ? 'Outdent cause' : 'Indent cause',
          ),
        );
      } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
        go(edits.run(moveAmongSiblings(nodes, id, e.key === 'ArrowUp' ? -1 : 1, now), 'Move cause'));
      } else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && !mod && !e.shiftKey) {
        const next = rows[index + (e.key === 'ArrowUp' ? -1 : 1)];
        if (next) go(Promise.resolve(next.node.id));
      } else if (
        // Delete removes the line when there is nothing after the caret for it to delete.
        (e.key === 'Delete' && (mod || title === '' || caretAtEnd(e.currentTarget))) ||
        (e.key === 'Backspace' && title === '' && !mod)
      ) {
        if (deleteSubtree(nodes, id) !== null) go(onDelete(id));
      } else if (e.key === 'Escape') {
        e.currentTarget.blur();
      }
    },
  };

  return (
    <div role="tree" aria-label="Cause tree" className="outline-tree">
      {rows.map((row) => (
        <OutlineRow
          key={row.node.id}
          row={row}
          selected={row.node.id === selectedId}
          focusRequest={focus?.id === row.node.id ? focus.n : 0}
          folded={folded.has(row.node.id)}
          openThreads={openThreads.get(row.node.id) ?? 0}
          commands={commands}
        />
      ))}
    </div>
  );
}

function caretAtEnd(input: HTMLInputElement): boolean {
  const end = input.value.length;
  return input.selectionStart === end && input.selectionEnd === end;
}
