import { INCIDENT_STATUSES, SEVERITIES, type IncidentStatus, type Severity } from '../../domain';
import { isValidIsoDate } from '../../actions/dates';
import { EMPTY_FILTER, isEmptyFilter, type LibraryFilter } from './facets';

/** What the library view shows: the search text and the filters. Lives in the URL. */
export interface LibraryQuery {
  text: string;
  filter: LibraryFilter;
}

export const EMPTY_QUERY: LibraryQuery = { text: '', filter: EMPTY_FILTER };

/** URL parameter of each list filter (repeated for several values: `service=api&service=db`). */
const LIST_PARAMS = {
  severity: 'severity',
  status: 'status',
  service: 'service',
  region: 'region',
  category: 'category',
  tag: 'tag',
} as const;

const isSeverity = (v: string): v is Severity => (SEVERITIES as readonly string[]).includes(v);
const isStatus = (v: string): v is IncidentStatus => (INCIDENT_STATUSES as readonly string[]).includes(v);
const distinct = <T>(values: T[]): T[] => [...new Set(values)];

/**
 * Reads the query part of the list's URL (`q=deploy&severity=SEV1&from=2026-01-01&open=1`).
 * Values that cannot be (an unknown severity, a date that is not on the calendar) are left out,
 * so a hand-edited or old bookmark still opens, showing what it could keep.
 */
export function parseLibraryQuery(search: string): LibraryQuery {
  const p = new URLSearchParams(search.replace(/^\?/, ''));
  const labels = (name: string) =>
    distinct(
      p
        .getAll(name)
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    );
  const date = (name: string) => {
    const v = p.get(name);
    return v !== null && isValidIsoDate(v) ? v : null;
  };
  return {
    text: p.get('q') ?? '',
    filter: {
      severity: labels(LIST_PARAMS.severity).filter(isSeverity),
      status: labels(LIST_PARAMS.status).filter(isStatus),
      service: labels(LIST_PARAMS.service),
      region: labels(LIST_PARAMS.region),
      category: labels(LIST_PARAMS.category),
      tag: labels(LIST_PARAMS.tag),
      from: date('from'),
      to: date('to'),
      openActions: p.get('open') === '1',
    },
  };
}

/** The URL query text of a library query (empty when nothing is set); inverse of parseLibraryQuery. */
export function libraryQueryString(q: LibraryQuery): string {
  const p = new URLSearchParams();
  if (q.text !== '') p.set('q', q.text);
  for (const [key, name] of Object.entries(LIST_PARAMS) as [keyof typeof LIST_PARAMS, string][]) {
    for (const v of q.filter[key]) p.append(name, v);
  }
  if (q.filter.from !== null) p.set('from', q.filter.from);
  if (q.filter.to !== null) p.set('to', q.filter.to);
  if (q.filter.openActions) p.set('open', '1');
  return p.toString();
}

/** Splits text into words (letters and digits); the index and the search box split alike. */
export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/** Search words of this many characters or more match as a prefix too; shorter ones only whole. */
export const PREFIX_FROM = 2;

/**
 * The words a search text is matched by, lowercased, in order, each once: its words less a
 * last one still being typed (nothing after it) that is too short to match as a prefix. So
 * `database c` is matched as `database` until the next letter — the whole word `c` would empty
 * the list for one keystroke at the start of every word — while `plan b ` (a space typed after
 * it) matches the word `b`.
 */
export function searchWords(text: string): string[] {
  const words = tokenize(text.toLowerCase());
  const last = words.at(-1);
  const typing = last !== undefined && last.length < PREFIX_FROM && /[\p{L}\p{N}]$/u.test(text);
  return distinct(typing ? words.slice(0, -1) : words);
}

/** True when a query narrows the list: words to match (see {@link searchWords}) or a filter. */
export const isSearching = (q: LibraryQuery): boolean =>
  searchWords(q.text).length > 0 || !isEmptyFilter(q.filter);
