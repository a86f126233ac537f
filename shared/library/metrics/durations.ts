import type { KeyTimes } from '../../domain';
import { phaseMetrics } from '../../timeline-edit/keyTimes';
import type { LibraryIncident } from '../summary';
import { incidentDate } from '../summary';
import { monthKey } from './period';
import { spreadOf, type Spread } from './stats';

/** The three response times, each from impact start (shared/timeline-edit phaseMetrics). */
export const DURATION_METRICS = ['ttd', 'ttm', 'ttr'] as const;
export type DurationMetric = (typeof DURATION_METRICS)[number];

export const DURATION_LABELS: Record<DurationMetric, { short: string; long: string; missing: string }> = {
  ttd: { short: 'MTTD', long: 'Time to detect', missing: 'a detection time' },
  ttm: { short: 'MTTM', long: 'Time to mitigate', missing: 'a mitigation time' },
  ttr: { short: 'MTTR', long: 'Time to recover', missing: 'a recovery time' },
};

const END_FIELD: Record<DurationMetric, keyof KeyTimes> = {
  ttd: 'detectedAt',
  ttm: 'mitigatedAt',
  ttr: 'recoveredAt',
};

/** Why incidents were left out of one metric, and how many of each. */
export interface Excluded {
  /** No impact start: none of the three can be measured. */
  noImpactStart: number;
  /** Impact start known, the metric's end time not. */
  noEnd: number;
  /** The end time is before the impact start (a key time entered wrong). */
  endBeforeStart: number;
}

/** One group's spread (a month, a service, a severity). */
export interface GroupSpread {
  group: string;
  spread: Spread;
}

export interface MetricTrend {
  metric: DurationMetric;
  overall: Spread | null;
  byMonth: GroupSpread[];
  byService: GroupSpread[];
  bySeverity: GroupSpread[];
  excluded: Excluded;
}

function grouped(values: Map<string, number[]>, order?: (a: string, b: string) => number): GroupSpread[] {
  const out: GroupSpread[] = [];
  for (const [group, list] of values) {
    const spread = spreadOf(list);
    if (spread) out.push({ group, spread });
  }
  return out.sort((a, b) =>
    order ? order(a.group, b.group) : b.spread.count - a.spread.count || a.group.localeCompare(b.group),
  );
}

function push(map: Map<string, number[]>, key: string, v: number): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}

/**
 * Time to detect, mitigate or recover over incidents: overall, per month (of the incident's
 * date), per service (an incident counts for each of its services) and per severity. Incidents
 * whose key times cannot give the metric are left out and counted by reason.
 */
export function metricTrend(incidents: readonly LibraryIncident[], metric: DurationMetric): MetricTrend {
  const excluded: Excluded = { noImpactStart: 0, noEnd: 0, endBeforeStart: 0 };
  const all: number[] = [];
  const byMonth = new Map<string, number[]>();
  const byService = new Map<string, number[]>();
  const bySeverity = new Map<string, number[]>();
  for (const i of incidents) {
    const v = phaseMetrics(i.keyTimes)[metric];
    if (v === null) {
      if (i.keyTimes.impactStartAt === null) excluded.noImpactStart++;
      else if (i.keyTimes[END_FIELD[metric]] === null) excluded.noEnd++;
      continue;
    }
    if (v < 0) {
      excluded.endBeforeStart++;
      continue;
    }
    all.push(v);
    push(byMonth, monthKey(incidentDate(i)), v);
    for (const s of i.services) push(byService, s, v);
    push(bySeverity, i.severity, v);
  }
  const byKey = (a: string, b: string) => a.localeCompare(b);
  return {
    metric,
    overall: spreadOf(all),
    byMonth: grouped(byMonth, byKey),
    byService: grouped(byService),
    bySeverity: grouped(bySeverity, byKey),
    excluded,
  };
}

/** The exclusions in words: "3 incidents without a detection time", or [] when none. */
export function excludedWords(t: MetricTrend): string[] {
  const n = (k: number) => (k === 1 ? '1 incident' : `${k} incidents`);
  const out: string[] = [];
  if (t.excluded.noImpactStart > 0) out.push(`${n(t.excluded.noImpactStart)} without an impact start`);
  if (t.excluded.noEnd > 0) out.push(`${n(t.excluded.noEnd)} without ${DURATION_LABELS[t.metric].missing}`);
  if (t.excluded.endBeforeStart > 0)
    out.push(
      `${n(t.excluded.endBeforeStart)} with ${DURATION_LABELS[t.metric].missing} before the impact start`,
    );
  return out;
}
