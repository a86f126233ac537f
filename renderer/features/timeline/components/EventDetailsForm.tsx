import { useState, type FormEvent } from 'react';
import type { TimelineEvent } from '../../../../shared/domain';
import { formatEditable } from '../../../../shared/format';
import { parseEventTimeInput } from '../../../../shared/timeline-edit';

interface EventDetailsFormProps {
  event: TimelineEvent;
  zone: string;
  onSave: (patch: Pick<TimelineEvent, 'endAt' | 'detail' | 'tags'>) => Promise<void>;
  /** Shown after a save (the form itself is rebuilt from the saved event). */
  saved: boolean;
}

/** The fields that do not fit in a table row: end of the span, details and tags. */
export function EventDetailsForm({ event, zone, onSave, saved }: EventDetailsFormProps) {
  const [end, setEnd] = useState(event.endAt === null ? '' : formatEditable(event.endAt, zone));
  const [detail, setDetail] = useState(event.detail);
  const [tags, setTags] = useState(event.tags.join(', '));
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let endAt: number | null = null;
    if (end.trim() !== '') {
      const parsed = parseEventTimeInput(end, { zone, now: Date.now(), anchor: event.at });
      if (!parsed.ok) return setError(`End: ${parsed.error}`);
      if (parsed.epochMs < event.at) return setError('End: the span cannot end before the event starts.');
      endAt = parsed.epochMs === event.at ? null : parsed.epochMs;
    }
    const tagList = [
      ...new Set(
        tags
          .split(',')
          .map((t) => t.trim())
          .filter((t) => t !== ''),
      ),
    ];
    if (tagList.some((t) => t.length > 200)) return setError('Tags: at most 200 characters each.');
    if (detail.length > 100_000) return setError('Detail: at most 100,000 characters.');
    setError(null);
    await onSave({ endAt, detail, tags: tagList });
  };
  return (
    <form className="tl-details" aria-label="Event details" onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span className="field-label">Ends (in {zone}; +5m counts from the start; empty for an instant)</span>
        <input value={end} onChange={(e) => setEnd(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Detail</span>
        <textarea rows={3} value={detail} onChange={(e) => setDetail(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Tags (comma-separated)</span>
        <input value={tags} onChange={(e) => setTags(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-small">
        Save details
      </button>
      {saved && <span className="muted"> Saved.</span>}
    </form>
  );
}
