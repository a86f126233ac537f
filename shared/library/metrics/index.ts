import type { LibraryIncident } from '../summary';
import { actionHealth, type ActionHealth } from './actions';
import { DURATION_METRICS, metricTrend, type DurationMetric, type MetricTrend } from './durations';
import { inPeriod, type Period } from './period';
import { recurringSignals, type RecurringSignal } from './signals';
import { serviceVolume, topCategories, type CategoryCount, type ServiceVolume } from './volume';

export * from './actions';
export * from './durations';
export * from './period';
export * from './signals';
export * from './stats';
export * from './volume';

/** Every figure of the Trends view, the learning review and `rootline report`, for one period. */
export interface TrendsReport {
  period: Period;
  /** Incidents in the period. */
  incidentCount: number;
  durations: Record<DurationMetric, MetricTrend>;
  volume: ServiceVolume;
  categories: CategoryCount[];
  signals: RecurringSignal[];
  actions: ActionHealth;
}

/**
 * Computes the trends of the incidents whose date falls in `period`. `today` (yyyy-MM-dd in the
 * user's zone) decides what is overdue; `zone` which day an item was completed on.
 */
export function computeTrends(
  all: readonly LibraryIncident[],
  period: Period,
  today: string,
  zone?: string,
): TrendsReport {
  const incidents = all.filter((i) => inPeriod(i, period));
  const durations = {} as Record<DurationMetric, MetricTrend>;
  for (const m of DURATION_METRICS) durations[m] = metricTrend(incidents, m);
  return {
    period,
    incidentCount: incidents.length,
    durations,
    volume: serviceVolume(incidents),
    categories: topCategories(incidents),
    signals: recurringSignals(incidents),
    actions: actionHealth(incidents, today, zone),
  };
}
