import { useLayoutEffect, useMemo, useRef } from 'react';
import { EVENT_KINDS, type EventKind, type TimelineEvent } from '../../../../shared/domain';
import { parseEventTimeInput } from '../../../../shared/timeline-edit';
import type { EditField, RowActions } from '../components/EventRow';
import type { TimelineEdits } from '../model/edits';
import { useReadOnly } from '../../../ui/readOnly';

export interface RowActionDeps {
  edits: TimelineEdits;
  zone: string;
  shown: TimelineEvent[];
  selected: ReadonlySet<string>;
  anchorId: string | null;
  setSelection: (ids: Set<string>, focus: string | null, anchor?: string | null) => void;
  setEditing: (e: { id: string; field: EditField } | null) => void;
  openEvidence: (id: string) => void;
  openComments: (id: string) => void;
  showCauses: () => void;
  refocus: () => void;
}

const LIMITS: Record<'title' | 'service' | 'region', number> = { title: 2_000, service: 200, region: 200 };

/** One stable RowActions object reading the latest state through a ref, so rows stay memoised. */
export function useRowActions(deps: RowActionDeps): RowActions {
  const readOnly = useReadOnly() !== null;
  const ref = useRef({ ...deps, readOnly });
  useLayoutEffect(() => {
    ref.current = { ...deps, readOnly };
  });
  return useMemo<RowActions>(
    () => ({
      select(id, mode) {
        const d = ref.current;
        if (mode === 'toggle') {
          const next = new Set(d.selected);
          if (next.has(id)) next.delete(id);
          else next.add(id);
          d.setSelection(next, id, id);
        } else if (mode === 'range' && d.anchorId) {
          const a = d.shown.findIndex((e) => e.id === d.anchorId);
          const b = d.shown.findIndex((e) => e.id === id);
          if (a < 0 || b < 0) return d.setSelection(new Set([id]), id, id);
          const [lo, hi] = a < b ? [a, b] : [b, a];
          d.setSelection(new Set(d.shown.slice(lo, hi + 1).map((e) => e.id)), id, d.anchorId);
        } else d.setSelection(new Set([id]), id, id);
      },
      edit(id, field) {
        // A reviewer's timeline is read-only: double-click does not open an editor.
        if (ref.current.readOnly) return;
        ref.current.setEditing({ id, field });
      },
      async commit(id, field: EditField, text) {
        const d = ref.current;
        const e = d.edits;
        try {
          if (field === 'at') {
            const parsed = parseEventTimeInput(text, {
              zone: d.zone,
              now: Date.now(),
              anchor: d.shown.find((x) => x.id === id)?.at ?? null,
            });
            if (!parsed.ok) return parsed.error;
            await e.update([id], { at: parsed.epochMs }, 'Change time');
          } else if (field === 'kind') {
            if (!(EVENT_KINDS as readonly string[]).includes(text)) return `Unknown kind "${text}".`;
            await e.setKind([id], text as EventKind);
          } else {
            const value = text.trim();
            if (field === 'title' && value === '') return 'The title cannot be empty.';
            if (value.length > LIMITS[field]) return `At most ${LIMITS[field]} characters.`;
            await e.update(
              [id],
              field === 'title' ? { title: value } : { [field]: value === '' ? null : value },
              `Edit ${field}`,
            );
          }
          return null;
        } catch (err) {
          return err instanceof Error ? err.message : String(err);
        }
      },
      editDone() {
        ref.current.setEditing(null);
        ref.current.refocus();
      },
      toggleKey(id) {
        const d = ref.current;
        const ev = d.shown.find((x) => x.id === id);
        if (ev) void d.edits.setKey([id], !ev.key);
      },
      evidence(id) {
        ref.current.openEvidence(id);
      },
      comments(id) {
        ref.current.openComments(id);
      },
      showCauses() {
        ref.current.showCauses();
      },
    }),
    [],
  );
}
