import type { KeyTimes } from '../../../../shared/domain';
import { formatDuration } from '../../../../shared/format';
import { deriveDurations, keyTimeWarnings } from '../keyTimes';

/** Time to detect / mitigate / recover and total duration, plus out-of-order warnings. */
export function DurationsPanel({ times }: { times: KeyTimes }) {
  const durations = deriveDurations(times);
  const warnings = keyTimeWarnings(times);
  return (
    <div className="durations">
      <dl aria-label="Durations">
        {durations.map((d) => (
          <div key={d.key} className="duration">
            <dt>{d.label}</dt>
            <dd className={d.ms === null ? 'muted' : undefined}>
              {d.ms === null ? '—' : formatDuration(d.ms)}
            </dd>
          </div>
        ))}
      </dl>
      {warnings.length > 0 && (
        <ul className="warnings" aria-label="Key time warnings">
          {warnings.map((w) => (
            <li key={w}>⚠ {w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
