import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import {
  deleteDamagedRow,
  exportRawRow,
  readDamagedRows,
  type CheckedTable,
  type DamagedRow,
} from '../../../db/repos';
import { platform } from '../../../platform';
import { useAlert } from '../../../ui/Alerts';
import { useToast } from '../../../ui/Toast';
import { slugify } from '../../bundles/slug';

/**
 * The incident's damaged rows of `table` (undefined while loading) with "Export raw" and
 * "Delete". Failures are shown, never thrown.
 */
export function useDamagedRows(table: CheckedTable, incidentId: string) {
  const rows = useLiveQuery(() => readDamagedRows(table, incidentId), [table, incidentId]);
  const { exportRaw, remove } = useDamagedRowActions(table);
  return useMemo(() => ({ rows, exportRaw, remove }), [rows, exportRaw, remove]);
}

/** "Export raw" and "Delete" for damaged rows of `table`. Failures are shown, never thrown. */
export function useDamagedRowActions(table: CheckedTable) {
  const alert = useAlert();
  const toast = useToast();
  const fail = useCallback(
    (what: string) => (err: unknown) => alert(what, err instanceof Error ? err.message : String(err)),
    [alert],
  );
  const exportRaw = useCallback(
    (row: DamagedRow) => {
      void (async () => {
        const name = `${slugify(row.name || row.id)}.raw.json`;
        await platform.saveFile(name, await exportRawRow(table, row.id), 'application/json');
        toast({ message: `Exported ${name}` });
      })().catch(fail('Could not export the raw data'));
    },
    [table, toast, fail],
  );
  const remove = useCallback(
    (row: DamagedRow) => {
      deleteDamagedRow(table, row.id).then(
        () => toast({ message: 'Deleted the damaged item' }),
        fail('Could not delete'),
      );
    },
    [table, toast, fail],
  );
  return useMemo(() => ({ exportRaw, remove }), [exportRaw, remove]);
}
