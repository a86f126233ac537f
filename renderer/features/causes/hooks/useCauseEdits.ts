import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { CauseNode } from '../../../../shared/domain';
import { applyEdit, invertEdit, type TreeEdit } from '../../../../shared/causes';
import { applyCauseEdit } from '../../../db/repos/causes';
import { useAlert } from '../../../ui/Alerts';
import { useUndoManager } from '../../undo';

/** Another write that belongs to the same undo step (e.g. unlinking action items of deleted causes). */
export type SideEffect = () => Promise<{ undo: () => Promise<void>; redo: () => Promise<void> }>;

export interface CauseEdits {
  /** Applies an edit, records its undo step, and returns the node to focus (or null if refused). */
  run: (
    edit: TreeEdit | null,
    label: string,
    coalesceKey?: string,
    side?: SideEffect,
  ) => Promise<string | null>;
  /** The rows including our latest writes (the live query can lag a keystroke or two behind). */
  rows: () => readonly CauseNode[];
}

/** One row we wrote (null = deleted) and until when to trust it over the live query. */
interface Pending {
  row: CauseNode | null;
  until: number;
}

/** How long our own write wins over a live-query result that does not show it yet. */
const TRUST_MS = 3_000;

/**
 * Writes tree edits through the repository and the app's undo manager. Fast typing (Enter,
 * then a title, then Tab) must work on the rows as just written, not on a live-query result
 * that was read before the last write, so our writes overlay the live rows for a few seconds
 * (a live result can even arrive out of order). Undo and redo drop the overlay: they write
 * older rows on purpose.
 */
export function useCauseEdits(nodes: readonly CauseNode[]): CauseEdits {
  const undo = useUndoManager();
  const alert = useAlert();
  const live = useRef<readonly CauseNode[]>(nodes);
  const overlay = useRef(new Map<string, Pending>());
  useEffect(() => {
    live.current = nodes;
  }, [nodes]);

  const rows = useCallback((): readonly CauseNode[] => {
    const base = live.current;
    const pending = overlay.current;
    if (pending.size === 0) return base;
    const now = Date.now();
    for (const [id, p] of pending) if (p.until < now) pending.delete(id);
    if (pending.size === 0) return base;
    return applyEdit(base, {
      put: [...pending.values()].flatMap((p) => (p.row === null ? [] : [p.row])),
      remove: [...pending.entries()].filter(([, p]) => p.row === null).map(([id]) => id),
      focusId: null,
    });
  }, []);

  const run = useCallback(
    async (edit: TreeEdit | null, label: string, coalesceKey?: string, side?: SideEffect) => {
      if (edit === null) return null;
      const before = rows();
      const inverse = invertEdit(before, edit);
      const until = Number.POSITIVE_INFINITY;
      for (const n of edit.put) overlay.current.set(n.id, { row: n, until });
      for (const id of edit.remove) overlay.current.set(id, { row: null, until });
      let extra: Awaited<ReturnType<SideEffect>> | null = null;
      try {
        await applyCauseEdit(edit);
        if (side) extra = await side();
      } catch (e) {
        for (const n of edit.put) overlay.current.delete(n.id);
        for (const id of edit.remove) overlay.current.delete(id);
        alert('Could not save the cause tree', e instanceof Error ? e.message : String(e));
        return null;
      } finally {
        const expires = Date.now() + TRUST_MS;
        for (const p of overlay.current.values()) if (p.until === until) p.until = expires;
      }
      undo.push({
        label,
        coalesceKey,
        undo: async () => {
          overlay.current.clear();
          await applyCauseEdit(inverse);
          await extra?.undo();
        },
        redo: async () => {
          overlay.current.clear();
          await applyCauseEdit(edit);
          await extra?.redo();
        },
      });
      return edit.focusId;
    },
    [undo, alert, rows],
  );
  return useMemo(() => ({ run, rows }), [run, rows]);
}
