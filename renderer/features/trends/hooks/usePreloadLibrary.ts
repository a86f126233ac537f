import { useEffect } from 'react';
import { useIndexState } from '../../library/search';
import { calendarDateAt } from '../../../../shared/actions/dates';
import { libraryStore } from '../model/libraryStore';
import { trendsReport } from '../model/trendsReport';
import { presetPeriod } from '../period';

/** How long nobody may type or click before the summaries are read. */
export const PRELOAD_QUIET_MS = 1_500;
/** What counts as someone at work (a search typed or pasted fires `input`, not always `keydown`). */
const BUSY_EVENTS = ['keydown', 'input', 'pointerdown'] as const;

const whenIdle = (fn: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: PRELOAD_QUIET_MS });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 0);
  return () => clearTimeout(id);
};

/**
 * Reads every incident's library summary ahead, once the app has started (its search index is
 * ready) and nobody has typed or clicked for a moment, then — after another quiet moment —
 * computes the Trends report the view opens on: Trends then opens without waiting on a thousand
 * IndexedDB rows and on that computation (a Trends opened first took 400–700 ms, most of it
 * those). A key or a click puts each step off again; once read, the store keeps itself current
 * from the change log, as it does after any incident page has read it.
 */
export function usePreloadLibrary(): void {
  const ready = useIndexState().state === 'ready';
  useEffect(() => {
    if (!ready) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelIdle: (() => void) | undefined;
    const stop = () => {
      clearTimeout(timer);
      cancelIdle?.();
      for (const e of BUSY_EVENTS) window.removeEventListener(e, arm, true);
    };
    function arm() {
      clearTimeout(timer);
      cancelIdle?.();
      cancelIdle = undefined;
      timer = setTimeout(() => {
        cancelIdle = whenIdle(() => {
          const store = libraryStore();
          const library = store.getSnapshot();
          if (library === undefined) {
            // A failed read is tried again by the next reader (Trends, Similar incidents).
            store.load().then(arm, () => stop());
            return;
          }
          stop();
          const today = calendarDateAt(Date.now());
          trendsReport(library, presetPeriod('all', today), today);
        });
      }, PRELOAD_QUIET_MS);
    }
    for (const e of BUSY_EVENTS) window.addEventListener(e, arm, true);
    arm();
    return stop;
  }, [ready]);
}

/** Reads the library ahead (see usePreloadLibrary); a component of its own, so that the index's
 * status messages re-render nothing else. */
export function PreloadLibrary(): null {
  usePreloadLibrary();
  return null;
}
