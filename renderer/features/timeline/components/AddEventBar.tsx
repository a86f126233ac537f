import { forwardRef, useState, type FormEvent } from 'react';
import { EVENT_KINDS, type EventKind } from '../../../../shared/domain';
import { parseEventTimeInput } from '../../../../shared/timeline-edit';
import { zoneLabel } from '../../../../shared/format';

interface AddEventBarProps {
  zone: string;
  /** What `+5m` counts from (selected or last event). */
  anchor: number | null;
  onAdd: (init: {
    at: number;
    kind: EventKind;
    title: string;
    service: string | null;
    region: string | null;
  }) => Promise<void>;
}

/** Adds an event from the keyboard: time (in the display zone, `now`, `+5m`, ISO), kind, title. */
export const AddEventBar = forwardRef<HTMLInputElement, AddEventBarProps>(function AddEventBar(
  { zone, anchor, onAdd },
  ref,
) {
  const [time, setTime] = useState('');
  const [kind, setKind] = useState<EventKind>('note');
  const [title, setTitle] = useState('');
  const [service, setService] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseEventTimeInput(time, { zone, now: Date.now(), anchor });
    if (!parsed.ok) return setError(parsed.error);
    if (title.trim() === '') return setError('Give the event a title.');
    setError(null);
    await onAdd({
      at: parsed.epochMs,
      kind,
      title: title.trim(),
      service: service.trim() || null,
      region: null,
    });
    setTitle('');
    setTime('');
  };
  return (
    <form className="tl-add" aria-label="Add event" onSubmit={(e) => void submit(e)}>
      <label className="tl-add-time">
        <span className="visually-hidden">Time ({zoneLabel(anchor ?? Date.now(), zone)})</span>
        <input
          ref={ref}
          value={time}
          placeholder={`Time in ${zoneLabel(anchor ?? Date.now(), zone)}: 16:51, now, +5m`}
          aria-invalid={error !== null}
          onChange={(e) => setTime(e.target.value)}
        />
      </label>
      <label>
        <span className="visually-hidden">Kind</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as EventKind)}>
          {EVENT_KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </label>
      <label className="tl-add-title">
        <span className="visually-hidden">Title</span>
        <input value={title} placeholder="What happened" onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="tl-add-service">
        <span className="visually-hidden">Service</span>
        <input value={service} placeholder="Service" onChange={(e) => setService(e.target.value)} />
      </label>
      <button type="submit" className="btn btn-primary">
        Add event
      </button>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </form>
  );
});
