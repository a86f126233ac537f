import { ReadOnlyScope } from '../../../ui/readOnly';
import { useId } from 'react';
import {
  INCIDENT_STATUSES,
  INCIDENT_STATUS_LABELS,
  KEY_TIME_FIELDS,
  SEVERITIES,
  type Incident,
  type IncidentStatus,
  type KeyTimes,
  type Severity,
} from '../../../../shared/domain';
import { TokenInput } from '../../../ui/TokenInput';
import { textInstant } from '../draft';
import { useOverviewDraft } from '../hooks/useOverviewDraft';
import { DurationsPanel } from './DurationsPanel';
import { IncidentTypeField } from './IncidentTypeField';
import { KeyTimeField } from './KeyTimeField';
import { SaveIndicator } from './SaveIndicator';
import { ZoneField } from './ZoneField';

/** The Overview tab: what happened, to what, who wrote it, and when each phase began. */
export function OverviewForm({ incident }: { incident: Incident }) {
  const { draft, status, setField, setTime, endEdit } = useOverviewDraft(incident);
  const id = useId();
  const blurFlush = () => void endEdit();

  // Durations follow the text as typed; invalid text falls back to the stored time.
  const times = { ...incident.keyTimes };
  for (const f of KEY_TIME_FIELDS) {
    const t = textInstant(draft.times[f], draft.displayZone);
    if (t !== undefined) times[f] = t;
  }

  return (
    <form className="overview" aria-label="Overview" onSubmit={(e) => e.preventDefault()}>
      <ReadOnlyScope>
        <div className="overview-main">
          <div className="field">
            <label htmlFor={`${id}-title`}>Title</label>
            <input
              id={`${id}-title`}
              className="title-input"
              value={draft.title}
              maxLength={500}
              onChange={(e) => setField('title', e.target.value, 'debounce')}
              onBlur={blurFlush}
            />
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-sev`}>Severity</label>
              <select
                id={`${id}-sev`}
                value={draft.severity}
                onChange={(e) => setField('severity', e.target.value as Severity)}
              >
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-status`}>Status</label>
              <select
                id={`${id}-status`}
                value={draft.status}
                onChange={(e) => setField('status', e.target.value as IncidentStatus)}
              >
                {INCIDENT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {INCIDENT_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
            <SaveIndicator status={status} />
          </div>
          <IncidentTypeField incident={incident} id={`${id}-type`} />
          <div className="field">
            <label htmlFor={`${id}-summary`}>Summary</label>
            <textarea
              id={`${id}-summary`}
              rows={6}
              value={draft.summary}
              placeholder="What happened, who was affected, and how it ended — in a few sentences."
              onChange={(e) => setField('summary', e.target.value, 'debounce')}
              onBlur={blurFlush}
            />
          </div>
          <div className="field-grid">
            <TokenInput label="Services" values={draft.services} onChange={(v) => setField('services', v)} />
            <TokenInput label="Regions" values={draft.regions} onChange={(v) => setField('regions', v)} />
            <TokenInput label="Authors" values={draft.authors} onChange={(v) => setField('authors', v)} />
            <TokenInput
              label="Reviewers"
              values={draft.reviewers}
              onChange={(v) => setField('reviewers', v)}
              placeholder="Each signs off before publishing"
            />
          </div>
        </div>
        <section className="overview-times" aria-label="Key times">
          <h2 className="section-title">Key times</h2>
          <div className="field-row">
            <ZoneField
              label="Display time zone"
              value={draft.displayZone}
              onCommit={(z) => z && setField('displayZone', z)}
            />
            <ZoneField
              label="Secondary time zone"
              value={draft.secondaryZone}
              optional
              onCommit={(z) => setField('secondaryZone', z)}
            />
          </div>
          {KEY_TIME_FIELDS.map((f) => (
            <KeyTimeField
              key={f}
              field={f}
              text={draft.times[f]}
              zone={draft.displayZone}
              secondaryZone={draft.secondaryZone}
              onChange={(text) => setTime(f, text)}
              onBlur={blurFlush}
            />
          ))}
          <DurationsPanel times={times as KeyTimes} />
        </section>
      </ReadOnlyScope>
    </form>
  );
}
