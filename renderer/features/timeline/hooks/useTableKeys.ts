import { useCallback, type KeyboardEvent } from 'react';
import type { TimelineEvent } from '../../../../shared/domain';
import type { EditField, RowActions } from '../components/EventRow';
import { nullProto } from '../../../../shared/domain/lookup';

export interface TableKeyDeps {
  shown: TimelineEvent[];
  focusedId: string | null;
  selected: ReadonlySet<string>;
  actions: RowActions;
  setSelection: (ids: Set<string>, focus: string | null, anchor?: string | null) => void;
  scrollTo: (position: number) => void;
  onDelete: () => void;
  onMerge: () => void;
  onKey: () => void;
  onEvidence: () => void;
}

const EDIT_KEYS: Record<string, EditField> = nullProto({ Enter: 'title', F2: 'title', t: 'at', y: 'kind' });

/**
 * Keyboard use of the table: ↑/↓ (Shift extends), Home/End, Space toggles, Enter/F2 edits the
 * title, T the time, Y the kind; Delete, K (key), M (merge), E (evidence), Ctrl+A, Escape;
 * A (handled by the panel) moves to the add-event bar.
 */
export function useTableKeys(d: TableKeyDeps): (e: KeyboardEvent<HTMLDivElement>) => void {
  return useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.target !== e.currentTarget) return;
      const { shown, focusedId } = d;
      const pos = focusedId ? shown.findIndex((x) => x.id === focusedId) : -1;
      const move = (to: number) => {
        const i = Math.max(0, Math.min(shown.length - 1, to));
        const target = shown[i];
        if (!target) return;
        e.preventDefault();
        d.actions.select(target.id, e.shiftKey ? 'range' : 'single');
        d.scrollTo(i);
      };
      const focused = pos >= 0 ? shown[pos] : undefined;
      switch (e.key) {
        case 'ArrowDown':
          return move(pos + 1);
        case 'ArrowUp':
          return move(pos < 0 ? 0 : pos - 1);
        case 'Home':
          return move(0);
        case 'End':
          return move(shown.length - 1);
        case 'PageDown':
          return move(pos + 15);
        case 'PageUp':
          return move(pos - 15);
        case ' ':
          if (focused) {
            e.preventDefault();
            d.actions.select(focused.id, 'toggle');
          }
          return;
        case 'Delete':
        case 'Backspace':
          if (d.selected.size) {
            e.preventDefault();
            d.onDelete();
          }
          return;
        case 'Escape':
          d.setSelection(new Set(), focusedId);
          return;
      }
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
        e.preventDefault();
        d.setSelection(new Set(shown.map((x) => x.id)), focusedId);
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const field = EDIT_KEYS[e.key];
      if (field && focused) {
        e.preventDefault();
        d.actions.edit(focused.id, field);
        return;
      }
      const k = e.key.toLowerCase();
      if (k === 'k' && d.selected.size) d.onKey();
      else if (k === 'm' && d.selected.size > 1) d.onMerge();
      else if (k === 'e' && focused) d.onEvidence();
    },
    [d],
  );
}
