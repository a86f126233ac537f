import { useState } from 'react';
import { STATUS_LABELS, type CsvFlavor } from '../../../../shared/actions';
import type { ActionStatus } from '../../../../shared/domain';
import { ACTION_STATUSES } from '../../../../shared/domain';

interface ActionsToolbarProps {
  onAdd: (title: string) => void;
  selectedCount: number;
  onBulkStatus: (status: ActionStatus) => void;
  onBulkDelete: () => void;
  onClearSelection: () => void;
  onExport: (flavor: CsvFlavor) => void;
  canExport: boolean;
  onImport: () => void;
  onPrefs: () => void;
}

/** Quick add (type and press Enter), bulk actions for the selection, CSV and preferences. */
export function ActionsToolbar(props: ActionsToolbarProps) {
  const [title, setTitle] = useState('');
  const [flavor, setFlavor] = useState<CsvFlavor>('jira');
  const submit = () => {
    if (title.trim() === '') return;
    props.onAdd(title.trim());
    setTitle('');
  };
  return (
    <div className="panel-toolbar actions-toolbar">
      <form
        className="quick-add"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <input
          className="input"
          data-action-add
          aria-label="New action item"
          placeholder="Add an action item and press Enter…"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <button type="submit" className="btn btn-primary" disabled={title.trim() === ''}>
          Add
        </button>
      </form>
      {props.selectedCount > 0 && (
        <div className="bulk-bar" role="group" aria-label="Selected action items">
          <span>{props.selectedCount} selected</span>
          <select
            aria-label="Set status of selected"
            value=""
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (v !== '') props.onBulkStatus(v as ActionStatus);
            }}
          >
            <option value="">Set status…</option>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-small btn-quiet-danger" onClick={props.onBulkDelete}>
            Delete
          </button>
          <button type="button" className="btn btn-link btn-small" onClick={props.onClearSelection}>
            Clear selection
          </button>
        </div>
      )}
      <span className="spacer" />
      <select
        aria-label="CSV format"
        value={flavor}
        onChange={(e) => setFlavor(e.currentTarget.value as CsvFlavor)}
      >
        <option value="jira">Jira CSV</option>
        <option value="linear">Linear CSV</option>
      </select>
      <button
        type="button"
        className="btn"
        disabled={!props.canExport}
        onClick={() => props.onExport(flavor)}
      >
        Export CSV
      </button>
      <button type="button" className="btn" onClick={props.onImport}>
        Import statuses…
      </button>
      <button
        type="button"
        className="btn btn-icon"
        aria-label="Action item preferences"
        title="Preferences"
        onClick={props.onPrefs}
      >
        ⚙
      </button>
    </div>
  );
}
