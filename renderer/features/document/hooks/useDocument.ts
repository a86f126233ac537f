import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import type { IncidentSnapshot } from '../../../../shared/domain';
import { getPref, loadDocumentSnapshot, setPref } from '../../../db/repos';
import type { RcaTemplate } from '../../../../shared/templates';
import { BUILTIN_TEMPLATES, CUSTOM_TEMPLATES_PREF, restoreCustomTemplates } from '../templates';

/** The incident as its document shows it (no raw log blocks); undefined while loading, null when gone. */
export function useDocumentSnapshot(incidentId: string): IncidentSnapshot | null | undefined {
  return useLiveQuery(() => loadDocumentSnapshot(incidentId), [incidentId]);
}

/** Built-in templates plus the ones the user loaded, and a way to add one. */
export function useTemplates(): { templates: RcaTemplate[]; addCustom: (t: RcaTemplate) => Promise<void> } {
  const stored = useLiveQuery(() => getPref<unknown>(CUSTOM_TEMPLATES_PREF, []), []);
  const custom = useMemo(() => restoreCustomTemplates(stored), [stored]);
  const templates = useMemo(() => {
    const builtinIds = new Set(BUILTIN_TEMPLATES.map((t) => t.id));
    return [...BUILTIN_TEMPLATES, ...custom.filter((t) => !builtinIds.has(t.id))];
  }, [custom]);
  const addCustom = useCallback(
    async (t: RcaTemplate) => {
      await setPref(CUSTOM_TEMPLATES_PREF, [...custom.filter((c) => c.id !== t.id), t]);
    },
    [custom],
  );
  return { templates, addCustom };
}

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: number }
  | { state: 'error'; message: string };

/**
 * Tracks the writes in flight so the UI says "Unsaved changes" while an edit waits for its
 * autosave, "Saving…" until every write committed, then "Saved".
 */
export function useSaveStatus(): {
  status: SaveStatus;
  track: (write: Promise<void>) => Promise<void>;
  markPending: () => void;
} {
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const markPending = useCallback(() => setStatus({ state: 'pending' }), []);
  const [, setInFlight] = useState(0);
  const track = useCallback(async (write: Promise<void>) => {
    setInFlight((n) => n + 1);
    setStatus({ state: 'saving' });
    try {
      await write;
      setInFlight((n) => {
        if (n - 1 === 0) setStatus({ state: 'saved', at: Date.now() });
        return n - 1;
      });
    } catch (e) {
      setInFlight((n) => n - 1);
      setStatus({ state: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }, []);
  return { status, track, markPending };
}
