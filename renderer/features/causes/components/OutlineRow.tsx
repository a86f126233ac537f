import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { OutlineRow as Row } from '../../../../shared/causes';
import { causeKindColor, kindLabel, MAX_INDENT_DEPTH } from '../../../../shared/causes';
import { useReadOnly } from '../../../ui/readOnly';
import { EvidenceIcon } from './EvidenceIcon';

export type DropPlace = 'before' | 'inside' | 'after';

export interface RowCommands {
  onTitle: (id: string, title: string) => void;
  onKey: (id: string, e: KeyboardEvent<HTMLInputElement>, title: string) => void;
  onSelect: (id: string) => void;
  onToggleFold: (id: string) => void;
  onToggleGate: (id: string) => void;
  onDrop: (dragId: string, targetId: string, place: DropPlace) => void;
}

interface OutlineRowProps {
  row: Row;
  selected: boolean;
  focusRequest: number;
  folded: boolean;
  openThreads: number;
  commands: RowCommands;
}

const DRAG_TYPE = 'application/x-rootline-cause';

function dropPlace(e: DragEvent<HTMLElement>, isRoot: boolean): DropPlace {
  if (isRoot) return 'inside';
  const box = e.currentTarget.getBoundingClientRect();
  const y = (e.clientY - box.top) / box.height;
  return y < 0.28 ? 'before' : y > 0.72 ? 'after' : 'inside';
}

/** One line of the cause outline: fold toggle, kind colour, editable title, gate and badges. */
/** Keys that only move between rows: they still work when the outline is read-only. */
const MOVING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

export function OutlineRow({ row, selected, focusRequest, folded, openThreads, commands }: OutlineRowProps) {
  const readOnly = useReadOnly() !== null;
  const { node, depth, hasChildren } = row;
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(node.title);
  const [seen, setSeen] = useState(node.title);
  const [editing, setEditing] = useState(false);
  const [over, setOver] = useState<DropPlace | null>(null);
  // Follow changes made elsewhere (undo, review merge) unless the user is typing here.
  if (node.title !== seen) {
    setSeen(node.title);
    if (!editing) setDraft(node.title);
  }
  useEffect(() => {
    if (focusRequest > 0) input.current?.focus();
  }, [focusRequest]);
  const isRoot = depth === 0;
  return (
    <div
      role="treeitem"
      aria-level={depth + 1}
      aria-selected={selected}
      aria-expanded={hasChildren ? !folded : undefined}
      className={`outline-row${selected ? ' is-selected' : ''}${over ? ` drop-${over}` : ''} review-${node.reviewState}`}
      data-cause-id={node.id}
      style={{ paddingLeft: 6 + Math.min(depth, MAX_INDENT_DEPTH) * 22 }}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        setOver(dropPlace(e, isRoot));
      }}
      onDragLeave={() => setOver(null)}
      onDrop={(e) => {
        const dragId = e.dataTransfer.getData(DRAG_TYPE);
        const place = dropPlace(e, isRoot);
        setOver(null);
        if (dragId && dragId !== node.id) {
          e.preventDefault();
          commands.onDrop(dragId, node.id, place);
        }
      }}
    >
      {!isRoot && (
        <span
          className="drag-handle"
          // Kept for alignment, hidden: a read-only outline cannot be rearranged.
          style={readOnly ? { visibility: 'hidden' } : undefined}
          draggable={!readOnly}
          title={readOnly ? undefined : 'Drag to move under another cause'}
          aria-hidden="true"
          onDragStart={(e) => {
            e.dataTransfer.setData(DRAG_TYPE, node.id);
            e.dataTransfer.effectAllowed = 'move';
          }}
        >
          ⋮⋮
        </span>
      )}
      <button
        type="button"
        className="fold"
        tabIndex={-1}
        aria-label={folded ? 'Expand' : 'Collapse'}
        disabled={!hasChildren}
        onClick={() => commands.onToggleFold(node.id)}
      >
        {hasChildren ? (folded ? '▸' : '▾') : ''}
      </button>
      <span
        className="kind-bar"
        style={{ background: causeKindColor(node.kind) }}
        title={kindLabel(node.kind)}
      />
      <span className="row-kind">{kindLabel(node.kind)}</span>
      {depth > MAX_INDENT_DEPTH && (
        <span
          className="row-level"
          title={`Indented as level ${MAX_INDENT_DEPTH}; deeper levels are numbered`}
        >
          level {depth.toLocaleString('en-US')}
        </span>
      )}
      <input
        ref={input}
        className="row-title"
        aria-label="Cause title"
        value={draft}
        placeholder={isRoot ? 'What was lost (the incident)' : 'Why did the line above happen?'}
        maxLength={2000}
        readOnly={readOnly}
        onFocus={() => {
          setEditing(true);
          commands.onSelect(node.id);
        }}
        onBlur={() => setEditing(false)}
        onChange={(e) => {
          setDraft(e.target.value);
          commands.onTitle(node.id, e.target.value);
        }}
        onKeyDown={(e) => {
          if (readOnly && (e.altKey || !MOVING_KEYS.has(e.key))) return;
          commands.onKey(node.id, e, draft);
        }}
      />
      {hasChildren && (
        <button
          type="button"
          className={`gate gate-${node.gate}`}
          tabIndex={-1}
          disabled={readOnly}
          title={
            node.gate === 'AND'
              ? 'AND: all causes below were needed (click for OR)'
              : 'OR: any cause below was enough (click for AND)'
          }
          onClick={() => commands.onToggleGate(node.id)}
        >
          {node.gate}
        </button>
      )}
      {node.evidenceEventIds.length > 0 && (
        <span className="badge-evidence" title={`${node.evidenceEventIds.length} evidence events`}>
          <EvidenceIcon /> {node.evidenceEventIds.length}
        </span>
      )}
      {openThreads > 0 && (
        <span
          className="count-badge"
          title={`${openThreads} unresolved comment threads`}
          aria-label={`${openThreads} unresolved threads`}
        >
          {openThreads}
        </span>
      )}
      {node.reviewState !== 'open' && (
        <span className={`review-pill review-pill-${node.reviewState}`}>{node.reviewState}</span>
      )}
    </div>
  );
}
