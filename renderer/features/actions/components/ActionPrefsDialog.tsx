import { useState } from 'react';
import { DEFAULT_DUE_DAYS, MAX_DUE_DAYS, normaliseTypeList, type DueDays } from '../../../../shared/actions';
import { DEFAULT_ACTION_TYPES, PRIORITIES } from '../../../../shared/domain';
import type { ActionPrefs } from '../../../db/repos';
import { Dialog } from '../../../ui/Dialog';
import { TokenInput } from '../../../ui/TokenInput';

interface ActionPrefsDialogProps {
  prefs: ActionPrefs;
  onSave: (prefs: ActionPrefs) => void;
  onClose: () => void;
}

type Draft = Record<keyof DueDays, string>;

const toDraft = (d: DueDays): Draft => ({
  P0: d.P0 === null ? '' : String(d.P0),
  P1: d.P1 === null ? '' : String(d.P1),
  P2: d.P2 === null ? '' : String(d.P2),
  P3: d.P3 === null ? '' : String(d.P3),
});

function parseDays(text: string): number | null | 'bad' {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 && n <= MAX_DUE_DAYS ? n : 'bad';
}

/** Preferences: default due date per priority (days after creation) and the list of action types. */
export function ActionPrefsDialog({ prefs, onSave, onClose }: ActionPrefsDialogProps) {
  const [days, setDays] = useState<Draft>(toDraft(prefs.dueDays));
  const [types, setTypes] = useState<string[]>(prefs.types);
  const parsed = PRIORITIES.map((p) => [p, parseDays(days[p])] as const);
  const valid = parsed.every(([, v]) => v !== 'bad') && normaliseTypeList(types).length > 0;
  const save = () => {
    if (!valid) return;
    const dueDays = Object.fromEntries(parsed) as DueDays;
    onSave({ dueDays, types: normaliseTypeList(types) });
    onClose();
  };
  return (
    <Dialog
      title="Action item preferences"
      onClose={onClose}
      footer={
        <>
          <button
            type="button"
            className="btn btn-link"
            onClick={() => {
              setDays(toDraft(DEFAULT_DUE_DAYS));
              setTypes([...DEFAULT_ACTION_TYPES]);
            }}
          >
            Restore defaults
          </button>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={!valid} onClick={save}>
            Save
          </button>
        </>
      }
    >
      <fieldset className="prefs-due">
        <legend className="field-label">
          Default due date (days after the item is created; empty = none)
        </legend>
        {parsed.map(([p, v]) => (
          <label key={p} className="prefs-due-row">
            <span className={`prio prio-${p}`}>{p}</span>
            <input
              className="input"
              inputMode="numeric"
              aria-label={`Default due days for ${p}`}
              aria-invalid={v === 'bad'}
              value={days[p]}
              placeholder="none"
              onChange={(e) => setDays({ ...days, [p]: e.currentTarget.value })}
            />
            <span className="muted small">
              {v === 'bad'
                ? `a whole number from 0 to ${MAX_DUE_DAYS}`
                : v === null
                  ? 'no due date'
                  : weeksHint(v)}
            </span>
          </label>
        ))}
      </fieldset>
      <TokenInput
        label="Action types"
        values={types}
        onChange={setTypes}
        placeholder="Add a type and press Enter"
      />
      {normaliseTypeList(types).length === 0 && <p className="field-error">Keep at least one type.</p>}
    </Dialog>
  );
}

function weeksHint(days: number): string {
  if (days === 0) return 'due the same day';
  return days % 7 === 0 ? `${days / 7} week${days === 7 ? '' : 's'}` : `${days} day${days === 1 ? '' : 's'}`;
}
