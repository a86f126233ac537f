import { useCallback, useEffect, useRef, useState } from 'react';
import type { Incident, KeyTimeField, KeyTimes } from '../../../../shared/domain';
import { putIncident, updateIncident } from '../../../db/repos';
import { useUndoManager } from '../../undo';
import {
  DRAFT_FIELDS,
  draftFromIncident,
  reconcileDraft,
  textInstant,
  timeText,
  type DraftField,
  type OverviewDraft,
  type PendingField,
} from '../draft';
import { fieldsLabel } from '../labels';
import {
  incidentJournalKey,
  journalCommitted,
  journalNewer,
  journalPut,
  replayableOverview,
} from '../../journal';
import { nullProto } from '../../../../shared/domain/lookup';

export type SaveStatus =
  { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'error'; message: string };

type Patch = Partial<Omit<Incident, 'id' | 'createdAt'>>;

/** Debounce for typing; choices (selects, tokens, zones) save at once. */
export const SAVE_DEBOUNCE_MS = 400;

interface Queued {
  patch: Patch;
  keyTimes: Partial<KeyTimes>;
  /** The text typed for each queued key time (what the journal holds). */
  timeTexts: Partial<Record<KeyTimeField, string>>;
  fields: Set<PendingField>;
}

const emptyQueue = (): Queued => ({ patch: {}, keyTimes: {}, timeTexts: {}, fields: new Set() });

/** Journal field names: draft fields as they are, key times as `times.<field>` (their text). */
const timeJournalField = (f: KeyTimeField) => `times.${f}`;

/**
 * The overview form's state and its saving: edits land in a local draft at once, are written
 * after a pause, and every committed write becomes an undo step. "Saved" shows only after the
 * repository promise resolved.
 */
export function useOverviewDraft(incident: Incident) {
  const undo = useUndoManager();
  const [draft, setDraft] = useState<OverviewDraft>(() => draftFromIncident(incident));
  const [seen, setSeen] = useState(incident);
  const [pending, setPending] = useState<ReadonlySet<PendingField>>(() => new Set());
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const latest = useRef(incident);
  const queued = useRef<Queued>(emptyQueue());
  const timer = useRef<number | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());

  if (seen !== incident) {
    setSeen(incident);
    setDraft((d) => reconcileDraft(d, seen, incident, pending));
  }

  useEffect(() => {
    latest.current = incident;
  }, [incident]);

  // Typed times are read in the zone the form shows, which runs ahead of the stored row while a
  // zone change is being written.
  const zone = useRef(draft.displayZone);
  useEffect(() => {
    zone.current = draft.displayZone;
  }, [draft.displayZone]);

  const writeQueued = useCallback(async () => {
    const { patch, keyTimes, timeTexts, fields } = queued.current;
    queued.current = emptyQueue();
    if (fields.size === 0) return;
    const base = latest.current;
    const full: Patch = { ...patch };
    const changedTimes = Object.keys(keyTimes) as KeyTimeField[];
    if (changedTimes.length > 0) {
      full.keyTimes = { ...base.keyTimes, ...keyTimes };
      full.keyTimeOrigins = { ...base.keyTimeOrigins };
      for (const f of changedTimes) full.keyTimeOrigins[f] = 'manual';
    }
    const settle = () =>
      setPending((p) => new Set([...p].filter((f) => !fields.has(f) || queued.current.fields.has(f))));
    try {
      const { before, after } = await updateIncident(base.id, full);
      latest.current = after;
      const written: Record<string, unknown> = nullProto({ ...patch });
      for (const [f, text] of Object.entries(timeTexts)) written[timeJournalField(f as KeyTimeField)] = text;
      journalCommitted(incidentJournalKey(base.id), written);
      undo.push({
        label: `edit of ${fieldsLabel(fields)}`,
        coalesceKey: `overview:${base.id}:${[...fields].sort().join(',')}`,
        undo: () => putIncident(before),
        redo: () => putIncident(after),
      });
      settle();
      setStatus(queued.current.fields.size > 0 ? { state: 'saving' } : { state: 'saved' });
    } catch (err) {
      settle();
      setStatus({ state: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }, [undo]);

  /** Writes whatever is waiting now; resolves once it is committed. */
  const flush = useCallback(() => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    chain.current = chain.current.then(writeQueued);
    return chain.current;
  }, [writeQueued]);

  const schedule = useCallback(
    (now: boolean) => {
      setStatus({ state: 'saving' });
      if (timer.current !== null) window.clearTimeout(timer.current);
      if (now) void flush();
      else timer.current = window.setTimeout(() => void flush(), SAVE_DEBOUNCE_MS);
    },
    [flush],
  );

  useEffect(() => undo.registerFlush(flush), [undo, flush]);
  // Leaving the incident (or the tab) commits what was typed.
  useEffect(() => () => void flush(), [flush]);

  const setField = useCallback(
    <F extends DraftField>(field: F, value: Incident[F], mode: 'debounce' | 'now' = 'now') => {
      setDraft((d) => {
        const next = { ...d, [field]: value };
        if (field === 'displayZone' && typeof value === 'string') {
          // Keep showing the same instants, now spelled in the new zone.
          const times = { ...d.times };
          for (const f of Object.keys(times) as KeyTimeField[]) {
            if (!pending.has(f)) times[f] = timeText(latest.current.keyTimes[f], value);
          }
          next.times = times;
        }
        return next;
      });
      if (field === 'displayZone' && typeof value === 'string') zone.current = value;
      // Journaled before anything else, so a reload or crash a moment later loses nothing.
      journalPut(incidentJournalKey(latest.current.id), field, value);
      Object.assign(queued.current.patch, { [field]: value });
      queued.current.fields.add(field);
      setPending((p) => new Set(p).add(field));
      schedule(mode === 'now');
    },
    [schedule, pending],
  );

  const setTime = useCallback(
    (field: KeyTimeField, text: string) => {
      setDraft((d) => ({ ...d, times: { ...d.times, [field]: text } }));
      setPending((p) => new Set(p).add(field));
      const instant = textInstant(text, zone.current);
      if (instant === undefined) {
        // Invalid text is shown with an error and never written.
        delete queued.current.keyTimes[field];
        delete queued.current.timeTexts[field];
        queued.current.fields.delete(field);
        return;
      }
      journalPut(incidentJournalKey(latest.current.id), timeJournalField(field), text);
      queued.current.keyTimes[field] = instant;
      queued.current.timeTexts[field] = text;
      queued.current.fields.add(field);
      schedule(false);
    },
    [schedule],
  );

  // Edits journaled by a page that went away (reload, closed tab, crash) before their write
  // committed are replayed once and saved, unless the stored row is newer.
  const replayed = useRef<string | null>(null);
  useEffect(() => {
    if (replayed.current === incident.id) return;
    replayed.current = incident.id;
    const entry = journalNewer(incidentJournalKey(incident.id), incident.updatedAt);
    const { fields, times } = replayableOverview(incident, entry, DRAFT_FIELDS);
    // Replayed as edits once the form is on screen (each goes through the journal and the saver).
    queueMicrotask(() => {
      for (const [f, value] of Object.entries(fields)) setField(f as DraftField, value as never);
      for (const [f, text] of Object.entries(times) as [KeyTimeField, string][]) {
        if (textInstant(text, incident.displayZone) === incident.keyTimes[f]) {
          journalCommitted(incidentJournalKey(incident.id), { [timeJournalField(f)]: text });
        } else setTime(f, text);
      }
    });
  }, [incident, setField, setTime]);

  // The page going away (reload, close, switching apps) starts the write at once; the journal
  // already holds the text should the write not finish.
  useEffect(() => {
    const leave = () => void flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') leave();
    };
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [flush]);

  /** Leaving a field commits it and closes its undo step, so the next edit is a step of its own. */
  const endEdit = useCallback(async () => {
    await flush();
    undo.breakCoalescing();
  }, [flush, undo]);

  return { draft, status, setField, setTime, flush, endEdit };
}
