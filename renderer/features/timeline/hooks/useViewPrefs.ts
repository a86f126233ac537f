import { useCallback, useState } from 'react';
import { parseViewPrefs, viewPrefsKey, type TimelineViewPrefs } from '../model/viewPrefs';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage can be disabled (privacy settings): the view then just is not remembered.
    return null;
  }
}

/**
 * The timeline's view choices (zone, second zone, lanes, gap threshold) for one incident,
 * remembered across reloads in this profile. Returns the prefs and a patch function.
 */
export function useViewPrefs(
  incidentId: string,
  defaults: TimelineViewPrefs,
): [TimelineViewPrefs, (patch: Partial<TimelineViewPrefs>) => void] {
  const key = viewPrefsKey(incidentId);
  const [prefs, setPrefs] = useState(() => parseViewPrefs(storage()?.getItem(key) ?? null, defaults));
  const update = useCallback(
    (patch: Partial<TimelineViewPrefs>) => {
      setPrefs((prev) => {
        const next = { ...prev, ...patch };
        try {
          storage()?.setItem(key, JSON.stringify(next));
        } catch {
          // A full or disabled storage only loses the remembered view, never incident data.
        }
        return next;
      });
    },
    [key],
  );
  return [prefs, update];
}
