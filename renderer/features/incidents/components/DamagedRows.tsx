import { useState } from 'react';
import type { CheckedTable, DamagedRow } from '../../../db/repos';
import { DamagedItem } from '../../../ui/DamagedItem';
import { useDamagedRowActions, useDamagedRows } from '../hooks/useDamagedRows';

/** Damaged rows named before the rest are folded behind "Show … more". */
const FIRST_SHOWN = 3;

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
  const { rows } = useDamagedRows(table, incidentId);
  return <DamagedRowList table={table} kind={kind} rows={rows} />;
}

/**
 * Damaged rows already found (the timeline's store names its damaged events as it reads them,
 * so no second pass over 100,000 rows), each with "Export raw" and "Delete".
 */
export function DamagedRowList({
  table,
  kind,
  rows,
}: {
  table: CheckedTable;
  kind: string;
  rows: readonly DamagedRow[] | undefined;
}) {
  const { exportRaw, remove } = useDamagedRowActions(table);
  const [all, setAll] = useState(false);
  if (!rows || rows.length === 0) return null;
  // Many damaged rows (an old build's data) must not push the healthy ones off the screen.
  const shown = all ? rows : rows.slice(0, FIRST_SHOWN);
  return (
    <div className="damaged-rows">
      {shown.map((row) => (
        <DamagedItem
          key={row.id}
          kind={kind}
          name={row.name.trim() === '' ? row.id : row.name}
          reason={row.reason}
          onExportRaw={() => exportRaw(row)}
          onDelete={() => remove(row)}
        />
      ))}
      {shown.length < rows.length && (
        <button type="button" className="btn btn-small" onClick={() => setAll(true)}>
          Show {rows.length - shown.length} more damaged {kind.toLowerCase()}
          {rows.length - shown.length === 1 ? '' : 's'}
        </button>
      )}
    </div>
  );
}
