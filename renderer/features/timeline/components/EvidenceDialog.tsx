import { useEffect, useState } from 'react';
import type { LogRecord, TimelineEvent } from '../../../../shared/domain';
import { fitsTemplate } from '../../../../shared/patterns/tokens';
import { createRecordMatcher } from '../../../../shared/timeline-edit';
import { formatZonedFull } from '../../../../shared/format';
import { findLogRecords } from '../../../db/repos';
import { Dialog } from '../../../ui/Dialog';
import { cachedSpans } from '../model/density';
import { EventDetailsForm } from './EventDetailsForm';

const PAGE = 100;

interface EvidenceDialogProps {
  event: TimelineEvent;
  zone: string;
  importsKey: string | null;
  /** Only records of this pattern template (the timeline's pattern filter), or null for all. */
  pattern: string | null;
  onClose: () => void;
  /** Offered when records were found: replace the event by one event per record. */
  onSplit: (records: LogRecord[]) => void;
  onSaveDetails: (patch: Pick<TimelineEvent, 'endAt' | 'detail' | 'tags'>) => Promise<void>;
}

/** The raw records behind an event, read from the stored log blocks, a page at a time. */
export function EvidenceDialog({
  event,
  zone,
  importsKey,
  pattern,
  onClose,
  onSplit,
  onSaveDetails,
}: EvidenceDialogProps) {
  const [result, setResult] = useState<{ records: LogRecord[]; capped: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    const ofEvent = createRecordMatcher(event);
    findLogRecords({
      incidentId: event.incidentId,
      fromAt: event.at,
      toAt: event.endAt ?? event.at,
      match: pattern === null ? ofEvent : (r) => ofEvent(r) && fitsTemplate(pattern, r.message),
      spans: importsKey === null ? null : cachedSpans(event.incidentId, importsKey),
    }).then(
      (r) => live && setResult(r),
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [event, importsKey, pattern]);
  const records = result?.records ?? [];
  const pages = Math.max(1, Math.ceil(records.length / PAGE));
  const shown = records.slice(page * PAGE, page * PAGE + PAGE);
  return (
    <Dialog
      title={`Evidence: ${event.title}`}
      onClose={onClose}
      wide
      footer={
        <>
          {records.length > 1 && (
            <button type="button" className="btn" onClick={() => onSplit(records)}>
              Split into {records.length.toLocaleString('en-US')} events
            </button>
          )}
          <span className="spacer" />
          <button type="button" className="btn btn-primary" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      <EventDetailsForm
        key={event.updatedAt}
        event={event}
        zone={zone}
        saved={savedAt !== null && savedAt <= event.updatedAt}
        onSave={(patch) => {
          const t = Date.now();
          return onSaveDetails(patch).then(() => setSavedAt(t));
        }}
      />
      {error && <p role="alert">Could not read the stored logs: {error}</p>}
      {!result && !error && <p className="muted">Reading the stored log blocks…</p>}
      {result && records.length === 0 && (
        <p className="muted">
          {event.sources.length === 0 && event.importId === null
            ? 'This event was written by hand: there are no log records behind it.'
            : 'No stored records match this event (its logs may have been removed, or its time or kind was edited).'}
        </p>
      )}
      {result && records.length > 0 && (
        <>
          <p className="muted">
            {records.length.toLocaleString('en-US')} of {event.count.toLocaleString('en-US')} records found
            {result.capped ? ' (stopped at the first 50,000)' : ''}
            {pattern !== null && (
              <>
                , only those of pattern <span className="mono">{pattern}</span>
              </>
            )}
            .
          </p>
          <table className="table tl-evidence">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Level</th>
                <th scope="col">Service</th>
                <th scope="col">Message</th>
                <th scope="col">File:line</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r, i) => (
                <tr key={`${r.source.file}:${r.source.line}:${i}`}>
                  <td className="mono nowrap">{formatZonedFull(r.at, zone)}</td>
                  <td>{r.level ?? ''}</td>
                  <td>{r.service ?? ''}</td>
                  <td className="tl-msg">{r.message}</td>
                  <td className="mono nowrap">
                    {r.source.file}:{r.source.line}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 && (
            <nav className="tl-pager" aria-label="Evidence pages">
              <button
                type="button"
                className="btn btn-small"
                disabled={page === 0}
                onClick={() => setPage(page - 1)}
              >
                Previous
              </button>
              <span>
                Page {page + 1} of {pages}
              </span>
              <button
                type="button"
                className="btn btn-small"
                disabled={page >= pages - 1}
                onClick={() => setPage(page + 1)}
              >
                Next
              </button>
            </nav>
          )}
        </>
      )}
    </Dialog>
  );
}
