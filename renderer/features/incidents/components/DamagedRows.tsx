import type { CheckedTable } from '../../../db/repos';
import { DamagedItem } from '../../../ui/DamagedItem';
import { useDamagedRows } from '../hooks/useDamagedRows';

/**
 * The incident's rows of `table` that are damaged, each named with "Export raw" and "Delete",
 * above a tab that shows the healthy ones: one bad row never hides the others. A row without a
 * title is named by its id. Renders nothing when every row is sound.
 */
export function DamagedRows({
  table,
  incidentId,
  kind,
}: {
  table: CheckedTable;
  incidentId: string;
  kind: string;
}) {
  const { rows, exportRaw, remove } = useDamagedRows(table, incidentId);
  if (!rows || rows.length === 0) return null;
  return (
    <div className="damaged-rows">
      {rows.map((row) => (
        <DamagedItem
          key={row.id}
          kind={kind}
          name={row.name.trim() === '' ? row.id : row.name}
          reason={row.reason}
          onExportRaw={() => exportRaw(row)}
          onDelete={() => remove(row)}
        />
      ))}
    </div>
  );
}
