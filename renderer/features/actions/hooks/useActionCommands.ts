import { useMemo } from 'react';
import { bulkWithStatus, createActionItem, type DueDays } from '../../../../shared/actions';
import type { ActionItem, ActionStatus } from '../../../../shared/domain';
import { newId } from '../../../../shared/domain';
import { deleteActions, putActions } from '../../../db/repos';
import { useUndoManager } from '../../undo';

/**
 * Writes a change and records it on the app's undo stack. `before` holds the previous versions
 * of changed items (absent for new ones); `after` the new versions (absent for deleted ones).
 */
async function applyChange(before: ActionItem[], after: ActionItem[]): Promise<void> {
  const afterIds = new Set(after.map((a) => a.id));
  const removed = before.filter((b) => !afterIds.has(b.id)).map((b) => b.id);
  if (removed.length > 0) await deleteActions(removed);
  if (after.length > 0) await putActions(after);
}

export interface ActionCommands {
  add(input: {
    incidentId: string;
    title: string;
    today: string;
    dueDays: DueDays;
    type?: string | undefined;
    causeIds?: string[] | undefined;
  }): Promise<ActionItem>;
  /** Saves edited versions of items (one undo step; typing in one field coalesces). */
  update(before: ActionItem, after: ActionItem, label: string, coalesce?: boolean): Promise<void>;
  setStatus(
    items: ActionItem[],
    status: ActionStatus,
    reason?: string,
  ): Promise<{ changed: number; refused: number }>;
  remove(items: ActionItem[]): Promise<void>;
  /** Puts many already-computed versions (CSV import) as one undo step. */
  replace(before: ActionItem[], after: ActionItem[], label: string): Promise<void>;
}

/** Mutations of action items, each undoable through the app's undo manager. */
export function useActionCommands(): ActionCommands {
  const undo = useUndoManager();
  return useMemo(() => {
    const record = async (label: string, before: ActionItem[], after: ActionItem[], coalesceKey?: string) => {
      await applyChange(before, after);
      undo.push({
        label,
        coalesceKey,
        undo: () => applyChange(after, before),
        redo: () => applyChange(before, after),
      });
    };
    return {
      async add({ incidentId, title, today, dueDays, type, causeIds }) {
        const now = Date.now();
        const item = createActionItem({
          id: newId(now),
          incidentId,
          title,
          now,
          today,
          dueDays,
          type,
          causeIds,
        });
        await record('Add action item', [], [item]);
        return item;
      },
      async update(before, after, label, coalesce = false) {
        await record(
          label,
          [before],
          [{ ...after, updatedAt: Date.now() }],
          coalesce ? `action:${before.id}:${label}` : undefined,
        );
      },
      async setStatus(items, status, reason) {
        const { changed, refused } = bulkWithStatus(items, status, Date.now(), reason);
        if (changed.length > 0) {
          const ids = new Set(changed.map((c) => c.id));
          const label = changed.length === 1 ? 'Change status' : `Change status of ${changed.length} items`;
          await record(
            label,
            items.filter((i) => ids.has(i.id)),
            changed,
          );
        }
        return { changed: changed.length, refused: refused.length };
      },
      async remove(items) {
        if (items.length === 0) return;
        await record(
          items.length === 1 ? 'Delete action item' : `Delete ${items.length} action items`,
          items,
          [],
        );
      },
      async replace(before, after, label) {
        if (after.length === 0) return;
        await record(label, before, after);
      },
    };
  }, [undo]);
}
