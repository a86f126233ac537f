import { useCallback, useMemo, useState } from 'react';
import type { ImportError, Incident, KeyTimeField, KeyTimes, TimelineEvent } from '../../../../shared/domain';
import { KEY_TIME_FIELDS } from '../../../../shared/domain';
import { formatZonedFull } from '../../../../shared/format';
import { incidentWindow } from '../../../../shared/patterns/window';
import { eventCapMessage } from '../../../../shared/timeline/fold';
import { kindColor } from '../../../ui/palette';
import { PatternsTable } from '../../patterns';
import type { JobResult } from '../../../workers/importProtocol';
import { fileNotes, findingsIntro, summaryCounts } from '../summaryNotes';
import { timeFallbackNote } from '../../../../shared/import/timeFallback';
import { yearAssumedClause } from '../../../../shared/import/yearAssumed';
import { readYearField } from '../yearField';
import { InjectedBadge } from '../../../ui/InjectedBadge';
import { LOCAL_ZONE } from '../../../platform/zone';
import { RevealedRows } from '../../../ui/RevealedRows';

const PHASE_LABELS: Record<KeyTimeField, string> = {
  impactStartAt: 'Impact started',
  detectedAt: 'Detected',
  mitigatedAt: 'Mitigated',
  recoveredAt: 'Recovered',
  resolvedAt: 'Resolved',
};

const SHOWN_ERRORS = 100;
const SHOWN_EVENTS = 500;

const n = (x: number) => x.toLocaleString('en-US');

function errorRow(e: ImportError, i: number) {
  return (
    <tr key={`${e.file}:${e.line}:${i}`}>
      <td className="mono">{e.file}</td>
      <td className="num">{e.line}</td>
      <td>{e.reason}</td>
    </tr>
  );
}

interface Props {
  incident: Incident;
  job: JobResult;
  onDownloadErrors(): void;
  /** Parses again, reading times that carry no zone in `zone`; absent while saving. */
  onRereadInZone?: ((zone: string) => void) | undefined;
  /** Back to the file list, where any zone can be chosen (the import is discarded). */
  onChooseZone?: (() => void) | undefined;
  /** Parses again, reading times that carry no year in `year`; absent while saving. */
  onRereadInYear?: ((year: number) => void) | undefined;
}

/** What an import found, before anything becomes part of the incident. */
export function ImportSummaryView({
  incident,
  job,
  onDownloadErrors,
  onRereadInZone,
  onChooseZone,
  onRereadInYear,
}: Props) {
  const { stats, phases, findings } = job.result;
  const zone = incident.displayZone;
  const [picked, setPicked] = useState<string | null>(null);
  const window = useMemo(() => incidentWindow(keyTimesAfter(incident, phases)), [incident, phases]);
  const pattern = job.patterns.find((p) => p.id === picked) ?? null;
  const events = useMemo(() => {
    if (pattern === null) return job.events;
    const ids = new Set(pattern.eventIds);
    return job.events.filter((e) => ids.has(e.id));
  }, [job.events, pattern]);
  const shownEvents = useMemo(() => events.slice(0, SHOWN_EVENTS), [events]);
  const shownErrors = useMemo(() => stats.errors.slice(0, SHOWN_ERRORS), [stats.errors]);
  const eventRow = useCallback(
    (e: TimelineEvent) => (
      <tr key={e.id}>
        <td className="mono nowrap">{formatZonedFull(e.at, zone)}</td>
        <td className="nowrap">
          <span className="kind-dot" style={{ background: kindColor(e.kind) }} aria-hidden="true" />
          {e.kind}
        </td>
        <td>
          {e.injected === true && (
            <>
              <InjectedBadge />{' '}
            </>
          )}
          {e.title}
        </td>
        <td>{e.service ?? ''}</td>
        <td>{e.region ?? ''}</td>
        <td className="num">{n(e.count)}</td>
      </tr>
    ),
    [zone],
  );
  const counts = summaryCounts(stats);
  const notes = fileNotes(stats.perFile);
  const fallbacks = stats.perFile.flatMap((f) => {
    const text = timeFallbackNote(f, (ms) => formatZonedFull(ms, zone));
    return text === null ? [] : [{ file: f.file, text }];
  });
  return (
    <div className="import-summary">
      <dl className="stat-row" aria-label="Import counts">
        <div>
          <dt>Files</dt>
          <dd>{n(stats.files)}</dd>
        </div>
        <div>
          <dt>Lines</dt>
          <dd>{n(counts.lines)}</dd>
        </div>
        <div>
          <dt>Records</dt>
          <dd>{n(stats.records)}</dd>
        </div>
        <div>
          <dt>Skipped</dt>
          <dd>{n(counts.skipped)}</dd>
        </div>
        <div>
          <dt>Errors</dt>
          <dd>{n(stats.errorCount)}</dd>
        </div>
        <div>
          <dt>Events</dt>
          <dd>{n(job.events.length)}</dd>
        </div>
      </dl>
      {job.result.cap !== null && (
        <p className="import-cap" role="note">
          {eventCapMessage(job.result.cap)}
        </p>
      )}

      {notes.length > 0 && (
        <ul className="import-file-notes" aria-label="About the files">
          {notes.map((note) => (
            <li key={note.file}>
              <span className="mono">{note.file}</span> {note.text}
            </li>
          ))}
        </ul>
      )}
      {fallbacks.length > 0 && (
        <ul className="import-file-notes" aria-label="Records without a time">
          {fallbacks.map((note) => (
            <li key={note.file}>
              <span className="mono">{note.file}</span>: {note.text}
            </li>
          ))}
        </ul>
      )}
      <ZoneAssumedNote
        incident={incident}
        job={job}
        onRereadInZone={onRereadInZone}
        onChooseZone={onChooseZone}
      />
      <YearAssumedNote job={job} onRereadInYear={onRereadInYear} />

      <h3>Phases</h3>
      <ul className="phase-list">
        {KEY_TIME_FIELDS.map((f) => {
          const at = phases[f];
          const kept = incident.keyTimes[f] !== null && incident.keyTimeOrigins[f] !== 'import';
          return (
            <li key={f}>
              <span className="phase-label">{PHASE_LABELS[f]}</span>{' '}
              <span className="mono">{at === null ? 'not found' : formatZonedFull(at, zone)}</span>
              {at !== null && kept && <span className="muted"> (your time is kept)</span>}
            </li>
          );
        })}
      </ul>

      {findings.length > 0 && (
        <>
          <h3>Change findings ({n(findings.length)})</h3>
          <p className="muted">{findingsIntro(findings, job.changeWindowMinutes)}</p>
          <ul className="finding-list" aria-label="Findings">
            {findings.map((f, i) => (
              <li key={`${f.code}-${i}`}>
                <span className="finding-code">{f.code}</span>{' '}
                {f.injected === true && (
                  <>
                    <InjectedBadge />{' '}
                  </>
                )}
                <span className="mono">{formatZonedFull(f.at, zone)}</span> — {f.message}
              </li>
            ))}
          </ul>
        </>
      )}

      {job.patterns.length > 0 && (
        <>
          <h3>Patterns ({n(job.patterns.length)})</h3>
          <div className="scroll-box">
            <PatternsTable
              patterns={job.patterns}
              zone={zone}
              window={window}
              activeKey={picked}
              label="Import patterns"
              onPick={(p) => setPicked((cur) => (cur === p.id ? null : p.id))}
            />
          </div>
        </>
      )}

      <h3>
        Proposed events
        {pattern !== null && (
          <>
            {' '}
            <span className="muted">
              of pattern <span className="mono">{pattern.template}</span> ({n(events.length)})
            </span>{' '}
            <button type="button" className="btn btn-link" onClick={() => setPicked(null)}>
              Show all
            </button>
          </>
        )}
      </h3>
      {events.length === 0 ? (
        <p className="muted">
          {pattern === null
            ? 'None: no record became an event (the notes above say why).'
            : 'None: its records read as routine, so no event holds them.'}
        </p>
      ) : (
        <div className="scroll-box">
          <table className="table compact" aria-label="Proposed events">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Kind</th>
                <th scope="col">Event</th>
                <th scope="col">Service</th>
                <th scope="col">Region</th>
                <th scope="col" className="num">
                  Count
                </th>
              </tr>
            </thead>
            <tbody>
              <RevealedRows items={shownEvents} row={eventRow} columns={6} />
            </tbody>
          </table>
          {events.length > SHOWN_EVENTS && (
            <p className="muted">…and {n(events.length - SHOWN_EVENTS)} more.</p>
          )}
        </div>
      )}

      {stats.errorCount > 0 && (
        <>
          <h3>
            Errors{' '}
            <button type="button" className="btn btn-link" onClick={onDownloadErrors}>
              Download all errors (CSV)
            </button>
          </h3>
          <div className="scroll-box">
            <table className="table compact" aria-label="Import errors">
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col" className="num">
                    Line
                  </th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                <RevealedRows items={shownErrors} row={errorRow} columns={3} />
              </tbody>
            </table>
          </div>
          {stats.errorCount > SHOWN_ERRORS && (
            <p className="muted">
              Showing the first {SHOWN_ERRORS} of {n(stats.errorCount)} errors.
            </p>
          )}
        </>
      )}
    </div>
  );
}

/** The key times the incident will have once this import is accepted (the user's own are kept). */
function keyTimesAfter(incident: Incident, phases: KeyTimes): KeyTimes {
  const out = { ...incident.keyTimes };
  for (const f of KEY_TIME_FIELDS) {
    const own = incident.keyTimes[f] !== null && incident.keyTimeOrigins[f] !== 'import';
    if (!own && phases[f] !== null) out[f] = phases[f];
  }
  return out;
}

/**
 * Which files had times without a zone and what was assumed for them, with the other zones of
 * the incident one click away (the files are parsed again; nothing was saved yet).
 */
function ZoneAssumedNote({
  incident,
  job,
  onRereadInZone,
  onChooseZone,
}: {
  incident: Incident;
  job: JobResult;
  onRereadInZone: ((zone: string) => void) | undefined;
  onChooseZone: (() => void) | undefined;
}) {
  const zoneless = job.result.stats.perFile.filter((f) => f.zoneAssumed !== null);
  const assumed = zoneless[0]?.zoneAssumed;
  if (assumed === undefined || assumed === null) return null;
  const names = zoneless.map((f) => f.file);
  const others = [incident.displayZone, incident.secondaryZone, 'UTC', LOCAL_ZONE].filter(
    (z, i, all): z is string => z !== null && z !== assumed && all.indexOf(z) === i,
  );
  return (
    <div className="import-zone-note" role="note" aria-label="Times without a zone">
      <p>
        <strong>
          {names.length === 1 ? '1 file has' : `${names.length} files have`} times without a zone:
        </strong>{' '}
        <span className="mono">{names.join(', ')}</span>. They were read as <strong>{assumed}</strong>.
      </p>
      {onRereadInZone && (
        <p>
          {others.map((z) => (
            <button key={z} type="button" className="btn btn-small" onClick={() => onRereadInZone(z)}>
              Read them as {z}
            </button>
          ))}{' '}
          {onChooseZone && (
            <button type="button" className="btn btn-small" onClick={onChooseZone}>
              Choose another zone…
            </button>
          )}
        </p>
      )}
    </div>
  );
}

/**
 * Which files had times without a year and the year they were read from, with a field to read
 * them in the year the reader knows (a log copied from an old machine).
 */
function YearAssumedNote({
  job,
  onRereadInYear,
}: {
  job: JobResult;
  onRereadInYear: ((year: number) => void) | undefined;
}) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const yearless = job.result.stats.perFile.filter((f) => f.yearAssumed !== null);
  const first = yearless[0];
  if (first === undefined) return null;
  const years = [...new Set(yearless.map((f) => f.yearAssumed))];
  const when =
    years.length === 1
      ? `They were ${yearAssumedClause(first.yearAssumed ?? 0, first.capturedAt, yearless.length)}.`
      : `They were read from ${yearless.map((f) => `${f.file}: ${f.yearAssumed}`).join(', ')}, the latest years that put them before each file was last modified.`;
  const submit = () => {
    const read = readYearField(text);
    if ('problem' in read || read.year === null) {
      setProblem('problem' in read ? read.problem : 'Enter the year the logs are from, such as 2014.');
      return;
    }
    setProblem(null);
    onRereadInYear?.(read.year);
  };
  return (
    <div className="import-zone-note" role="note" aria-label="Times without a year">
      <p>
        <strong>
          {yearless.length === 1 ? '1 file has' : `${yearless.length} files have`} times without a year:
        </strong>{' '}
        <span className="mono">{yearless.map((f) => f.file).join(', ')}</span>. {when}
      </p>
      {onRereadInYear && (
        <form
          className="import-year-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label htmlFor="import-note-year">Year they are from</label>
          <input
            id="import-note-year"
            inputMode="numeric"
            placeholder={String(first.yearAssumed)}
            value={text}
            aria-invalid={problem !== null}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="btn btn-small">
            Read them in this year
          </button>
          {problem && <span className="field-error">{problem}</span>}
        </form>
      )}
    </div>
  );
}
