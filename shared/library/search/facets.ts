import type { ActionItem, CauseNode, Incident, IncidentStatus, Severity } from '../../domain';
import { isOpenStatus } from '../../actions/due';
import { dayNumber } from '../../actions/dates';

/** What the list's filters look at, per incident (computed where the incident's rows are read). */
export interface IncidentFacets {
  incidentId: string;
  severity: Severity;
  status: IncidentStatus;
  services: string[];
  regions: string[];
  /** Categories of its causes (people, process, technology…), each once. */
  categories: string[];
  tags: string[];
  /** When it started: impact start, else detection, else creation (UTC epoch ms). */
  startAt: number;
  openActions: number;
}

/** The filters of the library view. Empty lists and nulls mean "any". */
export interface LibraryFilter {
  severity: Severity[];
  status: IncidentStatus[];
  service: string[];
  region: string[];
  category: string[];
  tag: string[];
  /** First and last day (`yyyy-MM-dd`, UTC) the incident may start on, inclusive. */
  from: string | null;
  to: string | null;
  openActions: boolean;
}

export const EMPTY_FILTER: LibraryFilter = {
  severity: [],
  status: [],
  service: [],
  region: [],
  category: [],
  tag: [],
  from: null,
  to: null,
  openActions: false,
};

const uniqueSorted = (values: Iterable<string>): string[] =>
  [...new Set(values)].filter((v) => v !== '').sort((a, b) => a.localeCompare(b));

/** The facets an incident's own row decides (the rest come from its causes and action items). */
type RowFacets = Omit<IncidentFacets, 'categories' | 'openActions'>;

function rowFacets(incident: Incident): RowFacets {
  const kt = incident.keyTimes;
  return {
    incidentId: incident.id,
    severity: incident.severity,
    status: incident.status,
    services: uniqueSorted(incident.services),
    regions: uniqueSorted(incident.regions),
    tags: uniqueSorted(incident.tags),
    startAt: kt.impactStartAt ?? kt.detectedAt ?? incident.createdAt,
  };
}

/** The facets of an incident from its row, its causes and its action items. */
export function incidentFacets(
  incident: Incident,
  causes: readonly Pick<CauseNode, 'category'>[],
  actions: readonly Pick<ActionItem, 'status'>[],
): IncidentFacets {
  return {
    ...rowFacets(incident),
    categories: uniqueSorted(causes.flatMap((c) => (c.category === null ? [] : [c.category]))),
    openActions: actions.filter((a) => isOpenStatus(a.status)).length,
  };
}

/** `facets` after a change to the incident's own row (its causes and action items unchanged). */
export function withIncidentRow(facets: IncidentFacets, incident: Incident): IncidentFacets {
  return { ...facets, ...rowFacets(incident) };
}

const DAY_MS = 86_400_000;
const anyOf = (wanted: readonly string[], has: readonly string[]) =>
  wanted.length === 0 || wanted.some((w) => has.includes(w));

/** True when no filter is set. */
export function isEmptyFilter(f: LibraryFilter): boolean {
  return (
    f.severity.length +
      f.status.length +
      f.service.length +
      f.region.length +
      f.category.length +
      f.tag.length ===
      0 &&
    f.from === null &&
    f.to === null &&
    !f.openActions
  );
}

/**
 * Whether an incident passes the filters: within one facet any chosen value matches (SEV1 or
 * SEV2); across facets all must match (SEV1 and the api service).
 */
export function matchesFilter(f: IncidentFacets, filter: LibraryFilter): boolean {
  if (filter.severity.length > 0 && !filter.severity.includes(f.severity)) return false;
  if (filter.status.length > 0 && !filter.status.includes(f.status)) return false;
  if (!anyOf(filter.service, f.services)) return false;
  if (!anyOf(filter.region, f.regions)) return false;
  if (!anyOf(filter.category, f.categories)) return false;
  if (!anyOf(filter.tag, f.tags)) return false;
  if (filter.openActions && f.openActions === 0) return false;
  const day = Math.floor(f.startAt / DAY_MS);
  const from = filter.from === null ? null : dayNumber(filter.from);
  const to = filter.to === null ? null : dayNumber(filter.to);
  if (from !== null && day < from) return false;
  if (to !== null && day > to) return false;
  return true;
}

/** How many incidents have each value of a facet. */
export type FacetCounts = Record<
  'severity' | 'status' | 'service' | 'region' | 'category' | 'tag',
  Record<string, number>
>;

/**
 * Values of every facet with how many of `facets` have each, for the filter menus. Each facet is
 * counted over the incidents that pass every *other* filter, so a menu shows what choosing one
 * more value of it would give (the usual faceted-search rule).
 */
export function facetCounts(facets: readonly IncidentFacets[], filter: LibraryFilter): FacetCounts {
  const counts: FacetCounts = { severity: {}, status: {}, service: {}, region: {}, category: {}, tag: {} };
  const keys = Object.keys(counts) as (keyof FacetCounts)[];
  const valuesOf = (f: IncidentFacets, key: keyof FacetCounts): string[] => {
    switch (key) {
      case 'severity':
        return [f.severity];
      case 'status':
        return [f.status];
      case 'service':
        return f.services;
      case 'region':
        return f.regions;
      case 'category':
        return f.categories;
      case 'tag':
        return f.tags;
    }
  };
  for (const key of keys) {
    const without: LibraryFilter = { ...filter, [key]: [] };
    const bucket = counts[key];
    for (const f of facets) {
      if (!matchesFilter(f, without)) continue;
      for (const v of valuesOf(f, key)) bucket[v] = (bucket[v] ?? 0) + 1;
    }
  }
  return counts;
}
