import { useCallback, useMemo } from 'react';
import { exportRawIncident } from '../../../db/repos';
import { platform } from '../../../platform';
import { useAlert } from '../../../ui/Alerts';
import { useToast } from '../../../ui/Toast';
import { slugify } from '../../bundles/slug';
import { useIncidentActions } from './useIncidentActions';

export interface DamagedIncidentActions {
  /** Saves `<slug>.raw.json` with every stored row of the incident, unchecked. */
  exportRaw(id: string, title: string): void;
  /** Deletes the incident with everything in it (Undo in a toast, like any delete). */
  remove(id: string, title: string): void;
}

/** "Export raw" and "Delete" for an incident that cannot be shown. Failures are shown, never thrown. */
export function useDamagedActions(): DamagedIncidentActions {
  const alert = useAlert();
  const toast = useToast();
  const { remove: removeIncident } = useIncidentActions();

  const exportRaw = useCallback(
    (id: string, title: string) => {
      void (async () => {
        const name = `${slugify(title)}.raw.json`;
        await platform.saveFile(name, await exportRawIncident(id), 'application/json');
        toast({ message: `Exported ${name}` });
      })().catch((err: unknown) =>
        alert('Could not export the raw data', err instanceof Error ? err.message : String(err)),
      );
    },
    [alert, toast],
  );

  const remove = useCallback(
    (id: string, title: string) => void removeIncident({ id, title }),
    [removeIncident],
  );
  return useMemo(() => ({ exportRaw, remove }), [exportRaw, remove]);
}
