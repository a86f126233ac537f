import {
  computeTrends,
  type LibraryIncident,
  type Period,
  type TrendsReport,
} from '../../../../shared/library';

/*
 * The last Trends report computed, kept: the app computes the default one ahead while idle (with
 * the summaries it reads ahead), and the view opened later takes it instead of spending its
 * first render on it (~50–65 ms for a thousand incidents).
 */
let last: {
  library: readonly LibraryIncident[];
  from: number | null;
  to: number | null;
  today: string;
  report: TrendsReport;
} | null = null;

/** `computeTrends(library, period, today)`, or the same report when it was the last one asked. */
export function trendsReport(
  library: readonly LibraryIncident[],
  period: Period,
  today: string,
): TrendsReport {
  if (last?.library === library && last.from === period.from && last.to === period.to && last.today === today)
    return last.report;
  const report = computeTrends(library, period, today);
  last = { library, from: period.from, to: period.to, today, report };
  return report;
}
