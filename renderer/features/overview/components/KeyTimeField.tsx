import { useId } from 'react';
import type { KeyTimeField as Field } from '../../../../shared/domain';
import { formatZonedFull, parseZonedInput } from '../../../../shared/format';
import { KEY_TIME_LABELS } from '../keyTimes';
import { isUtcZone } from '../../../../shared/time/zone';

interface KeyTimeFieldProps {
  field: Field;
  text: string;
  zone: string;
  secondaryZone: string | null;
  onChange: (text: string) => void;
  onBlur: () => void;
}

/** One key time typed in the display zone, with what it was read as (zone-labelled and UTC). */
export function KeyTimeField({ field, text, zone, secondaryZone, onChange, onBlur }: KeyTimeFieldProps) {
  const id = useId();
  const parsed = text.trim() === '' ? null : parseZonedInput(text, zone);
  const noteId = `${id}-note`;
  return (
    <div className="field key-time">
      <label htmlFor={id}>{KEY_TIME_LABELS[field]}</label>
      <input
        id={id}
        className="mono"
        value={text}
        placeholder="yyyy-mm-dd hh:mm"
        spellCheck={false}
        aria-invalid={parsed && !parsed.ok ? true : undefined}
        aria-describedby={noteId}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      {parsed === null ? (
        <p id={noteId} className="field-hint">
          Not set
        </p>
      ) : parsed.ok ? (
        <p id={noteId} className="field-hint mono" data-testid={`${field}-parsed`}>
          {formatZonedFull(parsed.epochMs, zone)}
          {secondaryZone && secondaryZone !== zone && ` · ${formatZonedFull(parsed.epochMs, secondaryZone)}`}
          {!isUtcZone(zone) &&
            !(secondaryZone !== null && isUtcZone(secondaryZone)) &&
            ` · ${formatZonedFull(parsed.epochMs, 'UTC')}`}
        </p>
      ) : (
        <p id={noteId} className="field-error" role="alert">
          {parsed.error}
        </p>
      )}
    </div>
  );
}
