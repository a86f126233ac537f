import type { EventKind, TimelineEvent } from '../domain';

/** What the table shows. Empty lists mean "any". */
export interface TimelineFilter {
  kinds: EventKind[];
  services: string[];
  regions: string[];
  keyOnly: boolean;
  text: string;
  /** A time range brushed on the chart (inclusive), or null. */
  range: { from: number; to: number } | null;
  /** A mined pattern picked in the Patterns view: only the events holding its records. */
  pattern: PatternFilter | null;
  /** Injected faults (from a fault-injection tool): shown with the rest, alone, or hidden. */
  injected: InjectedFilter;
}

export const INJECTED_FILTERS = ['all', 'only', 'hide'] as const;
export type InjectedFilter = (typeof INJECTED_FILTERS)[number];

/** The part of a mined pattern the filter needs. */
export interface PatternFilter {
  /** The stored pattern row. */
  id: string;
  template: string;
  eventIds: readonly string[];
}

export const EMPTY_FILTER: TimelineFilter = {
  kinds: [],
  services: [],
  regions: [],
  keyOnly: false,
  text: '',
  range: null,
  pattern: null,
  injected: 'all',
};

/** True when the filter lets every event through. */
export function isFilterEmpty(f: TimelineFilter): boolean {
  return (
    f.kinds.length === 0 &&
    f.services.length === 0 &&
    f.regions.length === 0 &&
    !f.keyOnly &&
    f.text.trim() === '' &&
    f.range === null &&
    f.pattern === null &&
    f.injected === 'all'
  );
}

/** The lower-cased text a free-text filter searches in: title, detail, service, region, sources, tags. */
export function searchText(e: TimelineEvent): string {
  const src = e.sources.length ? e.sources[0]!.file : '';
  return `${e.title}\n${e.detail}\n${e.service ?? ''}\n${e.region ?? ''}\n${src}\n${e.tags.join(' ')}`.toLowerCase();
}

/**
 * A predicate for the filter. `haystack` supplies precomputed `searchText` so a text filter
 * over 100,000 events is one `includes` each. All words of the text must occur (any order).
 */
export function compileFilter(f: TimelineFilter): (e: TimelineEvent, haystack: () => string) => boolean {
  const kinds = f.kinds.length ? new Set<string>(f.kinds) : null;
  const services = f.services.length ? new Set(f.services) : null;
  const regions = f.regions.length ? new Set(f.regions) : null;
  const words = f.text
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  const range = f.range;
  const patternEvents = f.pattern ? new Set(f.pattern.eventIds) : null;
  return (e, haystack) => {
    if (patternEvents && !patternEvents.has(e.id)) return false;
    if (kinds && !kinds.has(e.kind)) return false;
    if (services && !services.has(e.service ?? '')) return false;
    if (regions && !regions.has(e.region ?? '')) return false;
    if (f.keyOnly && !e.key) return false;
    if (f.injected !== 'all' && (e.injected === true) !== (f.injected === 'only')) return false;
    if (range && ((e.endAt ?? e.at) < range.from || e.at > range.to)) return false;
    if (words.length) {
      const h = haystack();
      for (const w of words) if (!h.includes(w)) return false;
    }
    return true;
  };
}

/** A short description of each active part of the filter, for the visible filter chips. */
export function describeFilter(
  f: TimelineFilter,
  formatTime: (ms: number) => string,
): { key: keyof TimelineFilter; label: string }[] {
  const out: { key: keyof TimelineFilter; label: string }[] = [];
  if (f.kinds.length) out.push({ key: 'kinds', label: `Kind: ${f.kinds.join(', ')}` });
  if (f.services.length)
    out.push({ key: 'services', label: `Service: ${f.services.map((s) => s || '(none)').join(', ')}` });
  if (f.regions.length)
    out.push({ key: 'regions', label: `Region: ${f.regions.map((s) => s || '(none)').join(', ')}` });
  if (f.keyOnly) out.push({ key: 'keyOnly', label: 'Key events only' });
  if (f.injected === 'only') out.push({ key: 'injected', label: 'Injected faults only' });
  if (f.injected === 'hide') out.push({ key: 'injected', label: 'Injected faults hidden' });
  if (f.text.trim()) out.push({ key: 'text', label: `Text: “${f.text.trim()}”` });
  if (f.range)
    out.push({ key: 'range', label: `Time: ${formatTime(f.range.from)} – ${formatTime(f.range.to)}` });
  if (f.pattern) out.push({ key: 'pattern', label: `Pattern: ${f.pattern.template || '(empty message)'}` });
  return out;
}
