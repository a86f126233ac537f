import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import type { IncidentSnapshot } from '../../../../shared/domain';
import { loadDocumentParts } from '../../../db/repos';

/**
 * The incident as its document shows it, without its events (they come from the timeline's store,
 * `useIncidentEvents`) or raw log blocks; undefined while loading, null when gone.
 */
export function useDocumentParts(incidentId: string): IncidentSnapshot | null | undefined {
  return useLiveQuery(() => loadDocumentParts(incidentId), [incidentId]);
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
