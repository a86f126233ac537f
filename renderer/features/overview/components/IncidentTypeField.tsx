import { useState } from 'react';
import {
  INCIDENT_TYPES,
  INCIDENT_TYPE_LABELS,
  type Incident,
  type IncidentType,
} from '../../../../shared/domain';
import { putIncident, updateIncident } from '../../../db/repos';
import { syncDocumentType } from '../../document';
import { loadTemplates } from '../../templates';
import { useUndoManager } from '../../undo';

/**
 * Incident or game day. An import sets it (game day when every fault was injected); a choice made
 * here is kept by later imports. The document gains or drops the type's own sections.
 */
export function IncidentTypeField({ incident, id }: { incident: Incident; id: string }) {
  const undo = useUndoManager();
  const [error, setError] = useState<string | null>(null);
  const type = incident.incidentType ?? 'incident';
  const change = async (next: IncidentType) => {
    try {
      const { before, after } = await updateIncident(incident.id, {
        incidentType: next,
        incidentTypeOrigin: 'manual',
      });
      undo.push({
        label: 'change of incident type',
        undo: () => putIncident(before),
        redo: () => putIncident(after),
      });
      setError(null);
      await syncDocumentType(incident.id, await loadTemplates());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="field incident-type">
      <label htmlFor={id}>Type</label>
      <select
        id={id}
        value={type}
        aria-describedby={`${id}-hint`}
        onChange={(e) => void change(e.target.value as IncidentType)}
      >
        {INCIDENT_TYPES.map((t) => (
          <option key={t} value={t}>
            {INCIDENT_TYPE_LABELS[t]}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="field-hint muted">
        {incident.incidentTypeOrigin === 'import'
          ? type === 'game-day'
            ? 'Set by the import: every fault on the timeline was injected.'
            : 'Set by the import: some fault on the timeline was not injected.'
          : type === 'game-day'
            ? 'The document has a Hypothesis / Expected / Observed section.'
            : 'Choose Game day when the faults were injected on purpose.'}
      </p>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
