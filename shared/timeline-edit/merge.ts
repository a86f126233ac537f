import { MAX_SOURCES_PER_EVENT } from '../domain';
import type { LogRecord, SourceRef, TimelineEvent } from '../domain';
import { messageTemplate } from '../timeline/template';

const MAX_LABEL = 200;
const MAX_TITLE = 2_000;
const MAX_DETAIL = 100_000;

function common<T>(values: T[]): T | undefined {
  const first = values[0];
  return values.every((v) => v === first) ? first : undefined;
}

function joinLabels(values: (string | null)[]): string | null {
  const distinct = [...new Set(values.filter((v): v is string => v !== null && v !== ''))];
  if (distinct.length === 0) return null;
  const joined = distinct.join(', ');
  return joined.length <= MAX_LABEL ? joined : `${joined.slice(0, MAX_LABEL - 1)}…`;
}

/** Sources of several events, in order, without duplicates, capped at MAX_SOURCES_PER_EVENT. */
export function combineSources(lists: readonly (readonly SourceRef[])[]): SourceRef[] {
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (const list of lists) {
    for (const s of list) {
      const key = `${s.file}\n${s.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(s);
      if (out.length >= MAX_SOURCES_PER_EVENT) return out;
    }
  }
  return out;
}

/**
 * Merges events into one: it starts at the earliest start and ends at the latest end, stands
 * for the sum of their counts, keeps their sources (deduplicated, capped), takes the earliest
 * event's kind and title, and keeps service/region when all agree (else lists them).
 * Details are joined so no written text is lost. Throws on fewer than two events.
 */
export function mergeEvents(
  events: readonly TimelineEvent[],
  init: { id: string; now: number },
): TimelineEvent {
  if (events.length < 2) throw new Error('Select at least two events to merge.');
  const sorted = [...events].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const first = sorted[0]!;
  const at = first.at;
  let last = at;
  for (const e of sorted) last = Math.max(last, e.endAt ?? e.at);
  const details = sorted.map((e) => e.detail).filter((d) => d !== '');
  const titles = [...new Set(sorted.map((e) => e.title))];
  const extraTitles = titles.slice(1).map((t) => `• ${t}`);
  const detail = [
    ...details,
    ...(extraTitles.length ? ['Merged from:', titles[0] ? `• ${titles[0]}` : '', ...extraTitles] : []),
  ]
    .filter((d) => d !== '')
    .join('\n')
    .slice(0, MAX_DETAIL);
  return {
    id: init.id,
    incidentId: first.incidentId,
    at,
    endAt: last > at ? last : null,
    kind: first.kind,
    title: first.title.slice(0, MAX_TITLE),
    detail,
    service: common(sorted.map((e) => e.service)) ?? joinLabels(sorted.map((e) => e.service)),
    region: common(sorted.map((e) => e.region)) ?? joinLabels(sorted.map((e) => e.region)),
    count: sorted.reduce((n, e) => n + e.count, 0),
    sources: combineSources(sorted.map((e) => e.sources)),
    key: sorted.some((e) => e.key),
    tags: [...new Set(sorted.flatMap((e) => e.tags))],
    ...(sorted.some((e) => e.injected === true) ? { injected: true } : {}),
    importId: common(sorted.map((e) => e.importId)) ?? null,
    createdAt: init.now,
    updatedAt: init.now,
  };
}

/**
 * Whether a raw record is one of those an event stands for: it must fall inside the event's
 * time span and either be one of its recorded sources, or share its kind, service, region and
 * message template (folded events keep at most MAX_SOURCES_PER_EVENT sources).
 */
export function createRecordMatcher(event: TimelineEvent): (r: LogRecord) => boolean {
  const from = event.at;
  const to = event.endAt ?? event.at;
  const sources = new Set(event.sources.map((s) => `${s.file}\n${s.line}`));
  const template = messageTemplate(event.title);
  return (r) => {
    if (r.at < from || r.at > to) return false;
    if (sources.has(`${r.source.file}\n${r.source.line}`)) return true;
    return (
      r.kind === event.kind &&
      r.service === event.service &&
      r.region === event.region &&
      (r.message === event.title || messageTemplate(r.message) === template)
    );
  };
}

/** How a split went: the new events, and how many of the folded records were found. */
export interface SplitResult {
  events: TimelineEvent[];
  found: number;
  /** Records the event counted that were not found in the stored logs. */
  missing: number;
}

/**
 * Splits a folded event back into one event per raw record (in time order). The parts keep the
 * event's kind (the user may have corrected it) and take service, region, message and source
 * from their record. `count - found` is reported as missing, never invented.
 */
export function splitEvent(
  event: TimelineEvent,
  records: readonly LogRecord[],
  init: { newId: () => string; now: number },
): SplitResult {
  const sorted = [...records].sort((a, b) => a.at - b.at || a.source.line - b.source.line);
  const events = sorted.map((r): TimelineEvent => ({
    id: init.newId(),
    incidentId: event.incidentId,
    at: r.at,
    endAt: null,
    kind: event.kind,
    title: (r.message || event.title).slice(0, MAX_TITLE),
    detail: '',
    service: r.service ?? event.service,
    region: r.region ?? event.region,
    count: 1,
    sources: [r.source],
    key: false,
    tags: [...event.tags],
    ...(event.injected === true ? { injected: true } : {}),
    importId: event.importId,
    createdAt: init.now,
    updatedAt: init.now,
  }));
  return { events, found: sorted.length, missing: Math.max(0, event.count - sorted.length) };
}
