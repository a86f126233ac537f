import type { LogRecord } from '../../../../shared/domain';
import type { FieldMapping } from '../../../../shared/import/types';

interface Props {
  format: string;
  fields: string[];
  mapping: FieldMapping | null;
  records: LogRecord[];
  onChange(mapping: FieldMapping | null): void;
}

const ROLES: { key: keyof FieldMapping; label: string; required: boolean }[] = [
  { key: 'time', label: 'Time', required: true },
  { key: 'time2', label: 'Time (second column)', required: false },
  { key: 'message', label: 'Message', required: true },
  { key: 'level', label: 'Level', required: false },
  { key: 'service', label: 'Service', required: false },
  { key: 'region', label: 'Region', required: false },
];

const EMPTY: FieldMapping = { time: '', time2: null, message: '', level: null, service: null, region: null };

/** Choose which columns/fields hold the time, message, level, service and region; live preview. */
export function FieldMappingPanel({ format, fields, mapping, records, onChange }: Props) {
  const current = mapping ?? EMPTY;
  const set = (key: keyof FieldMapping, value: string) => {
    const next = {
      ...current,
      [key]: value === '' ? (key === 'time' || key === 'message' ? '' : null) : value,
    };
    onChange(next.time === '' && next.message === '' ? null : next);
  };
  return (
    <fieldset className="field-mapping">
      <legend>
        Map the {format === 'csv' ? 'columns' : 'fields'}: Rootline could not find a time
        {format === 'csv' ? ' column' : ' field'} by itself.
      </legend>
      <div className="field-mapping-grid">
        {ROLES.filter((r) => format === 'csv' || r.key !== 'time2').map((role) => (
          <label key={role.key} className="inline-field">
            <span>
              {role.label}
              {role.required && ' *'}
            </span>
            <select
              aria-label={`${role.label} field`}
              value={current[role.key] ?? ''}
              onChange={(e) => set(role.key, e.target.value)}
            >
              <option value="">{role.required ? 'Choose…' : 'None'}</option>
              {fields.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <table className="table compact" aria-label="Mapping preview">
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Level</th>
            <th scope="col">Service</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {records.slice(0, 5).map((r) => (
            <tr key={`${r.source.line}`}>
              <td className="mono nowrap">{new Date(r.at).toISOString()}</td>
              <td>{r.level ?? ''}</td>
              <td>{r.service ?? ''}</td>
              <td>{r.message}</td>
            </tr>
          ))}
          {records.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                No record can be read with this mapping yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </fieldset>
  );
}
