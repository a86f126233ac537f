import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { TimelineEvent } from '../../../../shared/domain';
import { formatZonedShort } from '../../../../shared/format';
import { searchEvidenceEvents } from '../../../db/repos/causes';
import { kindColor } from '../../../ui/palette';
import { Dialog } from '../../../ui/Dialog';

interface EvidencePickerProps {
  incidentId: string;
  zone: string;
  linked: readonly string[];
  onToggle: (eventId: string, link: boolean) => void;
  onClose: () => void;
}

/** Searchable list of the incident's timeline events; ticking one links it as evidence. */
export function EvidencePicker({ incidentId, zone, linked, onToggle, onClose }: EvidencePickerProps) {
  const [query, setQuery] = useState('');
  // Ticks show at once; the store catches up a moment later.
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set(linked));
  const events = useLiveQuery(() => searchEvidenceEvents(incidentId, query, 100), [incidentId, query]);
  return (
    <Dialog
      title="Link evidence"
      onClose={onClose}
      wide
      footer={
        <button type="button" className="btn btn-primary" onClick={onClose}>
          Done
        </button>
      }
    >
      <div className="field">
        <label htmlFor="evidence-search">Search timeline events</label>
        <input
          id="evidence-search"
          type="search"
          data-autofocus
          value={query}
          placeholder="Words in the title or detail, a service, a region or a kind"
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <ul className="evidence-results" aria-label="Timeline events">
        {events === undefined && <li className="muted">Searching…</li>}
        {events?.length === 0 && (
          <li className="muted">
            {query
              ? 'No event matches.'
              : 'This incident has no timeline events yet. Add or import them on the Timeline tab.'}
          </li>
        )}
        {events?.map((e: TimelineEvent) => (
          <li key={e.id}>
            <label className="evidence-option">
              <input
                type="checkbox"
                checked={checked.has(e.id)}
                onChange={(ev) => {
                  const on = ev.target.checked;
                  setChecked((c) => {
                    const next = new Set(c);
                    if (on) next.add(e.id);
                    else next.delete(e.id);
                    return next;
                  });
                  onToggle(e.id, on);
                }}
              />
              <span className="kind-dot" style={{ background: kindColor(e.kind) }} aria-hidden="true" />
              <span className="mono nowrap">{formatZonedShort(e.at, zone)}</span>
              <span className="evidence-title">{e.title || '(untitled event)'}</span>
              {e.service && <span className="muted">{e.service}</span>}
            </label>
          </li>
        ))}
      </ul>
      {events?.length === 100 && (
        <p className="field-hint">Showing the first 100 matches; type more to narrow down.</p>
      )}
    </Dialog>
  );
}
