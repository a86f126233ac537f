import { KEY_TIME_FIELDS, type Incident, type KeyTimeField } from '../../../shared/domain';
import { formatEditable, parseZonedInput } from '../../../shared/format';

export const DRAFT_FIELDS = [
  'title',
  'summary',
  'severity',
  'status',
  'services',
  'regions',
  'authors',
  'reviewers',
  'displayZone',
  'secondaryZone',
] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** What the overview form shows: incident fields, and key times as the text being typed. */
export type OverviewDraft = Pick<Incident, DraftField> & { times: Record<KeyTimeField, string> };

/** A field name the saver tracks: a draft field or a key time. */
export type PendingField = DraftField | KeyTimeField;

export function timeText(ms: number | null, zone: string): string {
  return ms === null ? '' : formatEditable(ms, zone);
}

export function draftFromIncident(incident: Incident): OverviewDraft {
  const times = {} as Record<KeyTimeField, string>;
  for (const f of KEY_TIME_FIELDS) times[f] = timeText(incident.keyTimes[f], incident.displayZone);
  const draft = { times } as OverviewDraft;
  for (const f of DRAFT_FIELDS) Object.assign(draft, { [f]: incident[f] });
  return draft;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The instant a key-time text means in `zone`: null when empty, undefined when invalid. */
export function textInstant(text: string, zone: string): number | null | undefined {
  if (text.trim() === '') return null;
  const parsed = parseZonedInput(text, zone);
  return parsed.ok ? parsed.epochMs : undefined;
}

/**
 * Brings the draft up to date after the stored incident changed (undo, redo, another tab, an
 * import). Fields the user is still editing (`pending`) keep their text; a key time whose text
 * already means the stored instant keeps the user's spelling.
 */
export function reconcileDraft(
  draft: OverviewDraft,
  before: Incident,
  after: Incident,
  pending: ReadonlySet<PendingField>,
): OverviewDraft {
  if (before.id !== after.id) return draftFromIncident(after);
  let next = draft;
  for (const f of DRAFT_FIELDS) {
    if (pending.has(f) || same(before[f], after[f])) continue;
    next = { ...next, [f]: after[f] };
  }
  const zoneChanged = before.displayZone !== after.displayZone;
  for (const f of KEY_TIME_FIELDS) {
    if (pending.has(f)) continue;
    const stored = after.keyTimes[f];
    if (!zoneChanged && before.keyTimes[f] === stored) continue;
    const current = next.times[f];
    if (!zoneChanged && textInstant(current, after.displayZone) === stored) continue;
    next = { ...next, times: { ...next.times, [f]: timeText(stored, after.displayZone) } };
  }
  return next;
}
