import { listZones, zoneLabel, zoneProblem } from '../../../../shared/format';
import type { ZoneChoice } from '../../../../shared/timeline-edit';
import { Combobox } from '../../../ui/Combobox';
import { useNow } from '../../../ui/useNow';

interface ZoneControlsProps {
  choice: ZoneChoice;
  incidentZone: string;
  localZone: string;
  zone: string;
  dual: boolean;
  second: string | null;
  onChoice: (c: ZoneChoice) => void;
  onDual: (on: boolean) => void;
}

const ANOTHER = '__named';

/** The display-zone selector (incident, UTC, local, any IANA zone) and the two-zone option. */
export function ZoneControls({
  choice,
  incidentZone,
  localZone,
  zone,
  dual,
  second,
  onChoice,
  onDual,
}: ZoneControlsProps) {
  const now = useNow(60_000);
  const value = choice.type === 'named' ? ANOTHER : choice.type;
  return (
    <div className="tl-zone" role="group" aria-label="Time zone">
      <label>
        <span className="muted">Times in </span>
        <select
          aria-label="Display time zone"
          value={value}
          onChange={(e) => {
            const v = e.target.value;
            if (v === 'incident' || v === 'utc' || v === 'local') onChoice({ type: v });
            else onChoice({ type: 'named', zone: choice.type === 'named' ? choice.zone : zone });
          }}
        >
          <option value="incident">
            Incident zone ({incidentZone}, {zoneLabel(now, incidentZone)})
          </option>
          <option value="utc">UTC</option>
          <option value="local">
            My zone ({localZone}, {zoneLabel(now, localZone)})
          </option>
          <option value={ANOTHER}>Another zone…</option>
        </select>
      </label>
      {choice.type === 'named' && (
        <div className="tl-zone-name">
          <Combobox
            label="IANA zone"
            value={choice.zone}
            options={listZones()}
            error={zoneProblem(choice.zone)}
            onCommit={(text) => {
              if (!zoneProblem(text)) onChoice({ type: 'named', zone: text.trim() });
            }}
          />
        </div>
      )}
      <label className="tl-check">
        <input type="checkbox" checked={dual} onChange={(e) => onDual(e.target.checked)} /> Also show{' '}
        {second ?? 'UTC'}
      </label>
    </div>
  );
}
