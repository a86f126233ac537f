import type { KeyTimeField, LogRecord } from '../../../../shared/domain';
import { PHASE_MARKS, createRecordMatcher } from '../../../../shared/timeline-edit';
import { findLogRecords } from '../../../db/repos';
import { useToast } from '../../../ui/Toast';
import { useUndoManager } from '../../undo';
import { cachedSpans } from '../model/density';
import type { TimelineEdits } from '../model/edits';
import type { TimelineStore } from '../model/store';

/** A split beyond this many records is refused: it would flood the table with single lines. */
export const MAX_SPLIT = 10_000;

interface CommandDeps {
  edits: TimelineEdits;
  store: TimelineStore;
  selectedIds: string[];
  setSelection: (ids: Set<string>, focus: string | null, anchor?: string | null) => void;
  closeDialog: () => void;
  importsKey: string | null;
  fail: (err: unknown) => void;
}

/** The selection toolbar's and keyboard's commands: delete, merge, key, split, set phase. */
export function useTimelineCommands(d: CommandDeps) {
  const toast = useToast();
  const undo = useUndoManager();
  const { edits, store, selectedIds, setSelection, fail } = d;
  const selected = selectedIds.map((id) => store.byId.get(id)).filter((e) => e !== undefined);
  const doDelete = () => {
    const n = selectedIds.length;
    edits.remove(selectedIds).then(() => {
      setSelection(new Set(), null, null);
      toast({
        message: `Deleted ${n} ${n === 1 ? 'event' : 'events'}.`,
        action: { label: 'Undo', run: () => void undo.undo().catch(fail) },
      });
    }, fail);
  };
  const doMerge = () => edits.merge(selectedIds).then((m) => setSelection(new Set([m.id]), m.id, m.id), fail);
  const doKey = () => void edits.setKey(selectedIds, !selected.every((e) => e.key)).catch(fail);
  const doSplit = async (id: string, records?: LogRecord[]) => {
    const e = store.byId.get(id);
    if (!e) return;
    try {
      const found =
        records ??
        (
          await findLogRecords({
            incidentId: e.incidentId,
            fromAt: e.at,
            toAt: e.endAt ?? e.at,
            match: createRecordMatcher(e),
            spans: d.importsKey ? cachedSpans(e.incidentId, d.importsKey) : null,
            cap: MAX_SPLIT + 1,
          })
        ).records;
      if (found.length > MAX_SPLIT)
        throw new Error(
          `This event stands for more than ${MAX_SPLIT.toLocaleString('en-US')} records; narrow it (edit its time span) before splitting.`,
        );
      const r = await edits.split(e.id, found);
      d.closeDialog();
      setSelection(new Set(r.events.map((x) => x.id)), r.events[0]?.id ?? null, r.events[0]?.id ?? null);
      toast({
        message: `Split into ${r.events.length} events${r.missing ? ` (${r.missing} records not found in the stored logs)` : ''}.`,
      });
    } catch (err) {
      fail(err);
    }
  };
  const doPhase = (field: KeyTimeField) => {
    const single = selected.length === 1 ? selected[0] : undefined;
    if (!single) return;
    const label = PHASE_MARKS.find((p) => p.field === field)?.label ?? field;
    edits.setPhase(field, single.at, `Set “${label}” from the timeline`).catch(fail);
  };
  return { doDelete, doMerge, doKey, doSplit, doPhase };
}
