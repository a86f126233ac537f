import { useState } from 'react';
import { MAX_CHANGE_WINDOW_MINUTES } from '../../../../shared/domain';
import { listZones, zoneProblem } from '../../../../shared/format';
import { Combobox } from '../../../ui/Combobox';
import { readYearField } from '../yearField';

interface Props {
  zone: string;
  year: number | null;
  onApply(zone: string, year: number | null): void;
  /** Minutes before impact start in which a finished change is a change-before-impact finding. */
  changeWindow: number;
  onChangeWindow(minutes: number): void;
}

const ZONES = listZones();

/**
 * Zone for timestamps without an offset, the year for logs that omit it (syslog), and the
 * change-before-impact window the findings use.
 */
export function ImportOptionsFields({ zone, year, onApply, changeWindow, onChangeWindow }: Props) {
  const [zoneError, setZoneError] = useState<string | null>(null);
  const [yearText, setYearText] = useState(year === null ? '' : String(year));
  const [yearError, setYearError] = useState<string | null>(null);
  const [windowText, setWindowText] = useState(String(changeWindow));
  const [windowError, setWindowError] = useState<string | null>(null);

  const commitWindow = (text: string) => {
    const t = text.trim();
    const m = Number(t);
    if (!/^\d+$/.test(t) || m < 1 || m > MAX_CHANGE_WINDOW_MINUTES) {
      setWindowError(`Enter whole minutes from 1 to ${MAX_CHANGE_WINDOW_MINUTES} (one day).`);
      return;
    }
    setWindowError(null);
    setWindowText(String(m));
    onChangeWindow(m);
  };

  const commitYear = (text: string) => {
    const read = readYearField(text);
    if ('problem' in read) {
      setYearError(read.problem);
      return;
    }
    setYearError(null);
    onApply(zone, read.year);
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
      <div className="field">
        <label htmlFor="import-change-window">Change-before-impact window (minutes)</label>
        <input
          id="import-change-window"
          inputMode="numeric"
          value={windowText}
          aria-invalid={windowError !== null}
          aria-describedby="import-change-window-hint"
          onChange={(e) => setWindowText(e.target.value)}
          onBlur={(e) => commitWindow(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitWindow(e.currentTarget.value);
          }}
        />
        <p id="import-change-window-hint" className="field-hint muted">
          A change that finished this long or less before impact began is reported as change-before-impact.
          Kept for this incident&apos;s next import.
        </p>
        {windowError && <p className="field-error">{windowError}</p>}
      </div>
    </div>
  );
}
