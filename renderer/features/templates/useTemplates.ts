import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import type { RcaTemplate } from '../../../shared/templates';
import { getPref, setPref } from '../../db/repos';
import { CUSTOM_TEMPLATES_PREF, allTemplates, restoreCustomTemplates } from './templates';

/** Built-in templates plus the ones the user loaded, and a way to add one. */
export function useTemplates(): { templates: RcaTemplate[]; addCustom: (t: RcaTemplate) => Promise<void> } {
  const stored = useLiveQuery(() => getPref<unknown>(CUSTOM_TEMPLATES_PREF, []), []);
  const custom = useMemo(() => restoreCustomTemplates(stored), [stored]);
  const templates = useMemo(() => allTemplates(custom), [custom]);
  const addCustom = useCallback(
    async (t: RcaTemplate) => {
      await setPref(CUSTOM_TEMPLATES_PREF, [...custom.filter((c) => c.id !== t.id), t]);
    },
    [custom],
  );
  return { templates, addCustom };
}
