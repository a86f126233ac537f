import { useState } from 'react';
import { listZones, zoneProblem } from '../../../../shared/format';
import { Combobox } from '../../../ui/Combobox';

interface Props {
  zone: string;
  year: number | null;
  onApply(zone: string, year: number | null): void;
}

const ZONES = listZones();

/** Zone for timestamps without an offset, and the year for logs that omit it (syslog). */
export function ImportOptionsFields({ zone, year, onApply }: Props) {
  const [zoneError, setZoneError] = useState<string | null>(null);
  const [yearText, setYearText] = useState(year === null ? '' : String(year));
  const [yearError, setYearError] = useState<string | null>(null);

  const commitYear = (text: string) => {
    const t = text.trim();
    if (t === '') {
      setYearError(null);
      onApply(zone, null);
      return;
    }
    const y = Number(t);
    if (!/^\d{4}$/.test(t) || y < 1970 || y > 2100) {
      setYearError('Enter a four-digit year such as 2014, or leave it empty to infer it.');
      return;
    }
    setYearError(null);
    onApply(zone, y);
  };

  return (
    <div className="import-options">
      <Combobox
        label="Time zone of times without an offset"
        value={zone}
        options={ZONES}
        error={zoneError}
        onCommit={(z) => {
          const problem = zoneProblem(z);
          setZoneError(problem);
          if (problem === null) onApply(z, year);
        }}
      />
      <div className="field">
        <label htmlFor="import-year">Year for logs without one (syslog)</label>
        <input
          id="import-year"
          inputMode="numeric"
          placeholder="Infer"
          value={yearText}
          aria-invalid={yearError !== null}
          onChange={(e) => setYearText(e.target.value)}
          onBlur={(e) => commitYear(e.target.value)}
        />
        {yearError && <p className="field-error">{yearError}</p>}
      </div>
    </div>
  );
}
