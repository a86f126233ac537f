import { formatDuration } from '../format/duration';
import { SEVERITIES } from '../domain';
import {
  type BarSeries,
  type ChartDrawOptions,
  SERIES_COLORS,
  spreadChartSvg,
  stackedBarsSvg,
} from './charts';
import type { ChartTheme } from '../chart/theme';
import {
  ACTION_HEALTH_LABELS,
  ACTION_HEALTH_STATES,
  DURATION_LABELS,
  DURATION_METRICS,
  excludedWords,
  type ActionHealthState,
  type DurationMetric,
  type GroupSpread,
  type HealthRow,
  type TrendsReport,
} from './metrics';
import { CHART_KIND_COLORS } from '../chart/palette';

/** How a column's values read: plain text, a day (yyyy-MM-dd), a count, or a duration in milliseconds. */
export type ColumnKind = 'text' | 'date' | 'count' | 'duration';

export interface Column {
  label: string;
  kind: ColumnKind;
}

/** One figure's numbers: what the chart draws, the table shows and the CSV holds. */
export interface FigureTable {
  /** Stable id, also the file name of its CSV / SVG / PNG. */
  id: string;
  title: string;
  columns: Column[];
  rows: (string | number)[][];
  /** What was left out, in words ("2 incidents without a detection time"). */
  notes: string[];
}

/** A figure: its table and, when it has a picture, the chart of that table. */
export interface Figure {
  table: FigureTable;
  svg: ((theme: ChartTheme, options?: ChartDrawOptions) => string) | null;
}

export type DurationGrouping = 'month' | 'service' | 'severity';

export const GROUPING_LABELS: Record<DurationGrouping, string> = {
  month: 'month',
  service: 'service',
  severity: 'severity',
};

/** The most services a chart names; the rest are drawn as "Other services". */
export const MAX_SERVICES_DRAWN = 7;

/** A cell as text for a reader: durations in words (`1h 12m`), counts as numbers. */
export function cellText(value: string | number, kind: ColumnKind): string {
  if (kind === 'duration' && typeof value === 'number') return formatDuration(value);
  return String(value);
}

const spreadColumns = (first: string): Column[] => [
  { label: first, kind: 'text' },
  { label: 'Incidents', kind: 'count' },
  { label: 'Median', kind: 'duration' },
  { label: '25th percentile', kind: 'duration' },
  { label: '75th percentile', kind: 'duration' },
  { label: 'Min', kind: 'duration' },
  { label: 'Max', kind: 'duration' },
];

function groupsOf(r: TrendsReport, metric: DurationMetric, by: DurationGrouping): GroupSpread[] {
  const t = r.durations[metric];
  if (by === 'month') return t.byMonth;
  if (by === 'service') return t.byService;
  const order = (g: string) => (SEVERITIES as readonly string[]).indexOf(g);
  return [...t.bySeverity].sort((a, b) => order(a.group) - order(b.group));
}

/** Time to detect / mitigate / recover per month, service or severity, with the spread. */
export function durationFigure(r: TrendsReport, metric: DurationMetric, by: DurationGrouping): Figure {
  const groups = groupsOf(r, metric, by);
  const label = DURATION_LABELS[metric];
  const title = `${label.long} (${label.short}) by ${GROUPING_LABELS[by]}`;
  return {
    table: {
      id: `${metric}-by-${by}`,
      title,
      columns: spreadColumns(by === 'month' ? 'Month' : by === 'service' ? 'Service' : 'Severity'),
      rows: groups.map((g) => [
        g.group,
        g.spread.count,
        g.spread.median,
        g.spread.p25,
        g.spread.p75,
        g.spread.min,
        g.spread.max,
      ]),
      notes: excludedWords(r.durations[metric]),
    },
    svg:
      groups.length === 0
        ? null
        : (theme, o) =>
            spreadChartSvg(
              title,
              groups.map((g) => ({ label: g.group, spread: g.spread })),
              theme,
              o,
            ),
  };
}

/** The three response times over the whole period, one row each. */
export function durationSummaryFigure(r: TrendsReport): Figure {
  const rows: (string | number)[][] = [];
  const notes: string[] = [];
  for (const m of DURATION_METRICS) {
    const t = r.durations[m];
    const s = t.overall;
    const name = `${DURATION_LABELS[m].long} (${DURATION_LABELS[m].short})`;
    rows.push(s ? [name, s.count, s.median, s.p25, s.p75, s.min, s.max] : [name, 0, '—', '—', '—', '—', '—']);
    for (const w of excludedWords(t)) notes.push(`${DURATION_LABELS[m].short}: ${w}`);
  }
  const drawn = DURATION_METRICS.flatMap((m) => {
    const s = r.durations[m].overall;
    return s ? [{ label: DURATION_LABELS[m].short, spread: s }] : [];
  });
  const title = 'Response times';
  return {
    table: { id: 'response-times', title, columns: spreadColumns('Measure'), rows, notes },
    svg: drawn.length === 0 ? null : (theme, o) => spreadChartSvg(title, drawn, theme, o),
  };
}

/** Incidents per month, split by service (the busiest services by name, the rest together). */
export function volumeFigure(r: TrendsReport): Figure {
  const v = r.volume;
  const named = v.services.slice(0, MAX_SERVICES_DRAWN);
  const rest = v.services.slice(MAX_SERVICES_DRAWN);
  const series: BarSeries[] = named.map((s, i) => ({
    name: s.service,
    color: SERIES_COLORS[i % (SERIES_COLORS.length - 1)]!,
  }));
  if (rest.length > 0)
    series.push({ name: `Other services (${rest.length})`, color: SERIES_COLORS[SERIES_COLORS.length - 1]! });
  const rows = v.months.map((month, c) => {
    const values = named.map((s) => s.perMonth[c]!);
    if (rest.length > 0) values.push(rest.reduce((sum, s) => sum + s.perMonth[c]!, 0));
    return { month, incidents: v.incidentsPerMonth[c]!, values };
  });
  const title = 'Incidents per service over time';
  const notes = [
    'An incident that names several services counts once for each of them.',
    ...(v.withoutService > 0
      ? [`${v.withoutService === 1 ? '1 incident names' : `${v.withoutService} incidents name`} no service.`]
      : []),
  ];
  return {
    table: {
      id: 'incidents-per-service',
      title,
      columns: [
        { label: 'Month', kind: 'text' },
        { label: 'Incidents', kind: 'count' },
        ...series.map((s) => ({ label: s.name, kind: 'count' as const })),
      ],
      rows: rows.map((x) => [x.month, x.incidents, ...x.values]),
      notes,
    },
    svg:
      rows.length === 0 || series.length === 0
        ? null
        : (theme, o) =>
            stackedBarsSvg(
              title,
              rows.map((x) => ({ label: x.month, values: x.values })),
              series,
              theme,
              o,
            ),
  };
}

/** Contributing-factor categories by the number of incidents they appear in. */
export function categoryFigure(r: TrendsReport, limit = 12): Figure {
  const top = r.categories.slice(0, limit);
  const title = 'Top contributing-factor categories';
  return {
    table: {
      id: 'cause-categories',
      title,
      columns: [
        { label: 'Category', kind: 'text' },
        { label: 'Incidents', kind: 'count' },
        { label: 'Causes', kind: 'count' },
      ],
      rows: r.categories.map((c) => [c.category, c.incidents, c.causes]),
      notes:
        r.categories.length > limit
          ? [`The chart shows the top ${limit} of ${r.categories.length} categories.`]
          : [],
    },
    svg:
      top.length === 0
        ? null
        : (theme, o) =>
            stackedBarsSvg(
              title,
              top.map((c) => ({ label: c.category, values: [c.incidents] })),
              [{ name: 'Incidents', color: CHART_KIND_COLORS.response }],
              theme,
              o,
            ),
  };
}

const SIGNAL_KIND_LABELS = {
  service: 'Service',
  pattern: 'Error log pattern',
  finding: 'Change finding',
} as const;

/** Signals seen in several incidents, with the incidents' titles. */
export function signalsFigure(r: TrendsReport, titleOf: (id: string) => string): Figure {
  return {
    table: {
      id: 'recurring-signals',
      title: 'Recurring signals',
      columns: [
        { label: 'Kind', kind: 'text' },
        { label: 'Signal', kind: 'text' },
        { label: 'Incidents', kind: 'count' },
        { label: 'Last seen', kind: 'date' },
        { label: 'In', kind: 'text' },
      ],
      rows: r.signals.map((s) => [
        SIGNAL_KIND_LABELS[s.kind],
        s.label,
        s.incidentIds.length,
        new Date(s.lastAt).toISOString().slice(0, 10),
        s.incidentIds.map(titleOf).join('; '),
      ]),
      notes: [],
    },
    svg: null,
  };
}

const HEALTH_COLORS: Record<ActionHealthState, string> = {
  overdue: CHART_KIND_COLORS.impact,
  open: CHART_KIND_COLORS.response,
  'done-late': CHART_KIND_COLORS.change,
  'done-in-time': CHART_KIND_COLORS.mitigation,
  done: CHART_KIND_COLORS.detection,
  'wont-do': CHART_KIND_COLORS.note,
};

/** Action-item health per owner or per priority: open, overdue, done in time or late. */
export function actionHealthFigure(r: TrendsReport, by: 'owner' | 'priority'): Figure {
  const rows: HealthRow[] = by === 'owner' ? r.actions.byOwner : r.actions.byPriority;
  const title = `Action-item health by ${by}`;
  const series = ACTION_HEALTH_STATES.map((s) => ({
    name: ACTION_HEALTH_LABELS[s],
    color: HEALTH_COLORS[s],
  }));
  return {
    table: {
      id: `actions-by-${by}`,
      title,
      columns: [
        { label: by === 'owner' ? 'Owner' : 'Priority', kind: 'text' },
        ...ACTION_HEALTH_STATES.map((s) => ({ label: ACTION_HEALTH_LABELS[s], kind: 'count' as const })),
        { label: 'Total', kind: 'count' },
      ],
      rows: rows.map((x) => [x.group, ...ACTION_HEALTH_STATES.map((s) => x.counts[s]), x.total]),
      notes: [],
    },
    svg:
      rows.length === 0
        ? null
        : (theme, o) =>
            stackedBarsSvg(
              title,
              rows.map((x) => ({ label: x.group, values: ACTION_HEALTH_STATES.map((s) => x.counts[s]) })),
              series,
              theme,
              o,
            ),
  };
}

/** The open follow-ups of the period, overdue first. */
export function openItemsFigure(r: TrendsReport): Figure {
  return {
    table: {
      id: 'open-follow-ups',
      title: 'Open follow-ups',
      columns: ['Incident', 'Action item', 'Owner', 'Priority', 'Due', 'State'].map((label) => ({
        label,
        kind: label === 'Due' ? ('date' as const) : ('text' as const),
      })),
      rows: r.actions.openItems.map((o) => [
        o.incidentTitle,
        o.action.title,
        o.action.owner,
        o.action.priority,
        o.action.dueDate ?? '',
        o.overdue ? 'Overdue' : o.action.status === 'in-progress' ? 'In progress' : 'Open',
      ]),
      notes: [],
    },
    svg: null,
  };
}
