import { useLiveQuery } from 'dexie-react-hooks';
import { formatZonedFull } from '../../../../shared/format';
import { getEvent } from '../../../db/repos/events';
import { routeHash } from '../../../routing/route';
import { Dialog } from '../../../ui/Dialog';
import { kindColor } from '../../../ui/palette';
import { CommentThreads, Markdown } from '../../comments';
import { CitedBy } from './CitedBy';

/** One timeline event, as evidence: what, when, where from, and which causes cite it. */
export function EventCard({
  incidentId,
  eventId,
  zone,
  onClose,
}: {
  incidentId: string;
  eventId: string;
  zone: string;
  onClose: () => void;
}) {
  const event = useLiveQuery(async () => (await getEvent(eventId)) ?? null, [eventId]);
  return (
    <Dialog
      title={event?.title || 'Timeline event'}
      onClose={onClose}
      wide
      footer={
        <>
          <a
            className="btn"
            href={routeHash({ name: 'incident', id: incidentId, tab: 'timeline' })}
            onClick={onClose}
          >
            Go to the timeline
          </a>
          <button type="button" className="btn btn-primary" onClick={onClose} data-autofocus>
            Close
          </button>
        </>
      }
    >
      {event === undefined ? (
        <p className="muted">Loading…</p>
      ) : event === null ? (
        <p className="muted">This event no longer exists.</p>
      ) : (
        <div className="event-card">
          <p>
            <span className="kind-dot" style={{ background: kindColor(event.kind) }} aria-hidden="true" />{' '}
            {event.kind} · <span className="mono">{formatZonedFull(event.at, zone)}</span>
            {event.service && <> · {event.service}</>}
            {event.region && <> · {event.region}</>}
          </p>
          {event.detail && <Markdown text={event.detail} />}
          {event.sources.length > 0 && (
            <p className="muted mono">
              {event.sources
                .slice(0, 3)
                .map((s) => `${s.file}:${s.line}`)
                .join(', ')}
              {event.count > 1 && ` (${event.count} records)`}
            </p>
          )}
          <CitedBy incidentId={incidentId} eventId={eventId} />
          <CommentThreads
            incidentId={incidentId}
            targetType="event"
            targetId={eventId}
            label={event.title || 'this event'}
          />
        </div>
      )}
    </Dialog>
  );
}
