import { useState } from 'react';
import { listZones, zoneProblem } from '../../../../shared/format';
import { Combobox } from '../../../ui/Combobox';

interface ZoneFieldProps {
  label: string;
  value: string | null;
  /** When set, an empty field means "no zone" and commits null. */
  optional?: boolean;
  onCommit: (zone: string | null) => void;
}

/** A searchable IANA time-zone picker that refuses names the runtime does not know. */
export function ZoneField({ label, value, optional, onCommit }: ZoneFieldProps) {
  const [error, setError] = useState<string | null>(null);
  return (
    <Combobox
      label={label}
      value={value ?? ''}
      options={listZones()}
      placeholder={optional ? 'None' : 'UTC'}
      error={error}
      onCommit={(text) => {
        if (optional && text === '') {
          setError(null);
          if (value !== null) onCommit(null);
          return;
        }
        const problem = zoneProblem(text);
        setError(problem);
        if (!problem && text !== value) onCommit(text);
      }}
    />
  );
}
