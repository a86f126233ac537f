import type { FieldMapping } from '../../../../shared/import/types';
import { effectiveFormat, needsMapping, unreadableReason, type FileEntry } from '../plan';
import { FieldMappingPanel } from './FieldMappingPanel';

interface Props {
  entry: FileEntry;
  /** Every format the user may choose: their own definitions first, then the shipped ones. */
  formats: readonly { id: string; label: string }[];
  onFormat(format: string | null): void;
  onMapping(mapping: FieldMapping | null): void;
  onRemove(): void;
}

function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** One chosen file: detected format (changeable), a sample of what it yields, field mapping. */
export function ImportFileRow({ entry, formats, onFormat, onMapping, onRemove }: Props) {
  const p = entry.preview;
  const detected = p && entry.format === null ? `detected: ${p.format}` : null;
  const mapping = needsMapping(entry) || entry.mapping !== null;
  return (
    <li className="import-file">
      <div className="import-file-head">
        <strong className="mono">{entry.name}</strong>
        <span className="muted">
          {sizeLabel(entry.size)}
          {entry.gzip && ' · gzip'}
          {entry.zip && ' · zip'}
        </span>
        <span className="spacer" />
        <label className="inline-field">
          <span>Format</span>
          <select
            aria-label={`Format of ${entry.name}`}
            value={entry.format ?? ''}
            onChange={(e) => onFormat(e.target.value === '' ? null : e.target.value)}
          >
            <option value="">Auto{p && !entry.zip ? ` (${p.format})` : ''}</option>
            {formats.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn-link" onClick={onRemove} aria-label={`Remove ${entry.name}`}>
          Remove
        </button>
      </div>
      {unreadableReason(entry) !== null && <p className="field-error">{unreadableReason(entry)}</p>}
      {p && !p.problem && entry.size > 0 && !entry.zip && (
        <p className="muted import-file-sample">
          {detected && <>{detected} · </>}
          sample: {p.records.length} record{p.records.length === 1 ? '' : 's'} from the first {p.lines} lines
          {p.errors.length > 0 && (
            <>
              {' '}
              · {p.errors.length} problem{p.errors.length === 1 ? '' : 's'}, e.g. line {p.errors[0]!.line}:{' '}
              {p.errors[0]!.reason}
            </>
          )}
        </p>
      )}
      {entry.gzip && <p className="muted">Compressed: the format is detected as the file is read.</p>}
      {entry.zip && (
        <p className="muted">
          Archive: its JSON files are read together as a {entry.format ?? 'Slack'} export when imported.
        </p>
      )}
      {mapping && p && (
        <FieldMappingPanel
          format={effectiveFormat(entry) ?? 'csv'}
          fields={p.fields}
          mapping={entry.mapping}
          records={p.records}
          onChange={onMapping}
        />
      )}
    </li>
  );
}
