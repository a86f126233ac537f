import { useCallback, useMemo } from 'react';
import { deleteActions, exportRawAction } from '../../../db/repos';
import { platform } from '../../../platform';
import { useAlert } from '../../../ui/Alerts';
import { useToast } from '../../../ui/Toast';
import { slugify } from '../../bundles/slug';

/** "Export raw" and "Delete" for an action item that cannot be shown. Failures are shown, never thrown. */
export function useDamagedActionRepair() {
  const alert = useAlert();
  const toast = useToast();
  const fail = useCallback(
    (what: string) => (err: unknown) => alert(what, err instanceof Error ? err.message : String(err)),
    [alert],
  );

  const exportRaw = useCallback(
    (id: string, title: string) => {
      void (async () => {
        const name = `${slugify(title)}.raw.json`;
        await platform.saveFile(name, await exportRawAction(id), 'application/json');
        toast({ message: `Exported ${name}` });
      })().catch(fail('Could not export the raw data'));
    },
    [toast, fail],
  );

  const remove = useCallback(
    (id: string) => {
      deleteActions([id]).then(
        () => toast({ message: 'Deleted the damaged action item' }),
        fail('Could not delete'),
      );
    },
    [toast, fail],
  );
  return useMemo(() => ({ exportRaw, remove }), [exportRaw, remove]);
}
