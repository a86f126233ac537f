import { useCallback, useMemo, useState, type ComponentProps } from 'react';
import {
  actionHealthFigure,
  categoryFigure,
  DURATION_LABELS,
  DURATION_METRICS,
  durationFigure,
  durationSummaryFigure,
  openItemsFigure,
  signalsFigure,
  volumeFigure,
  type DurationMetric,
  type Figure,
} from '../../../../shared/library';
import { routeHash, type IncidentTab } from '../../../routing/route';
import { EmptyState } from '../../../ui/EmptyState';
import { useToday } from '../../../ui/useNow';
import { useLibrary } from '../hooks/useLibrary';
import { trendsReport } from '../model/trendsReport';
import { PERIOD_LABELS, PERIOD_PRESETS, presetPeriod, type PeriodPreset } from '../period';
import { contentWidth, FigureCard } from './FigureCard';
import { ReviewExport } from './ReviewExport';
import './trends.css';

/** The figures, in the order their cards are shown. */
const FIGURE_ORDER = [
  'summary',
  'month',
  'service',
  'severity',
  'volume',
  'categories',
  'signals',
  'owner',
  'priority',
  'open',
] as const;
type FigureName = (typeof FIGURE_ORDER)[number];

interface TrendsViewProps {
  onOpenIncident: (id: string, tab: IncidentTab) => void;
  onError: (message: string) => void;
}

/**
 * Learning across incidents: response times with their spread, incidents per service,
 * contributing-factor categories, recurring signals and action-item health for a period; each
 * figure with its table and downloads, and the period as a learning review.
 */
export function TrendsView({ onOpenIncident, onError }: TrendsViewProps) {
  const library = useLibrary();
  const today = useToday();
  const [preset, setPreset] = useState<PeriodPreset>('all');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [metric, setMetric] = useState<DurationMetric>('ttd');
  const period = useMemo(() => presetPeriod(preset, today, from, to), [preset, today, from, to]);
  const report = useMemo(
    () => (library ? trendsReport(library, period, today) : undefined),
    [library, period, today],
  );
  const titles = useMemo(
    () => new Map(library?.map((i) => [i.id, i.title || 'Untitled incident'])),
    [library],
  );
  const titleOf = (id: string) => titles.get(id) ?? id;
  const figures = useMemo(
    (): Record<FigureName, Figure> | undefined =>
      report && {
        summary: durationSummaryFigure(report),
        month: durationFigure(report, metric, 'month'),
        service: durationFigure(report, metric, 'service'),
        severity: durationFigure(report, metric, 'severity'),
        volume: volumeFigure(report),
        categories: categoryFigure(report),
        signals: signalsFigure(report, (id) => titles.get(id) ?? id),
        owner: actionHealthFigure(report, 'owner'),
        priority: actionHealthFigure(report, 'priority'),
        open: openItemsFigure(report),
      },
    [report, metric, titles],
  );

  // The cards' width, measured on an empty card before any is drawn: each chart is then drawn
  // once, at its width, and the view laid out once (measuring a drawn card laid out every table
  // a first time without the charts).
  const [cardWidth, setCardWidth] = useState<number | null>(null);
  // Called as the empty card is put in the page (before it is painted).
  const probe = useCallback((el: HTMLDivElement | null) => {
    if (el !== null) setCardWidth(contentWidth(el));
  }, []);

  const link = (id: string, tab: IncidentTab) => (
    <a
      key={id}
      href={routeHash({ name: 'incident', id, tab })}
      onClick={(e) => {
        e.preventDefault();
        onOpenIncident(id, tab);
      }}
    >
      {titleOf(id)}
    </a>
  );
  const metricSwitch = (
    <div className="segmented" role="radiogroup" aria-label="Measure">
      {DURATION_METRICS.map((m) => (
        <button
          key={m}
          type="button"
          role="radio"
          aria-checked={metric === m}
          title={DURATION_LABELS[m].long}
          className="btn btn-small"
          onClick={() => setMetric(m)}
        >
          {DURATION_LABELS[m].short}
        </button>
      ))}
    </div>
  );

  if (!report || !figures || !library) return <p className="loading muted">Loading trends…</p>;
  const open = report.actions.total.open + report.actions.total.overdue;
  // What a card shows beside its figure: the metric switch, links to the incidents.
  const cardProps: Partial<
    Record<FigureName, Pick<ComponentProps<typeof FigureCard>, 'controls' | 'renderCell'>>
  > = {
    month: { controls: metricSwitch },
    service: { controls: metricSwitch },
    severity: { controls: metricSwitch },
    signals: {
      renderCell: (r, c) => {
        const s = report.signals[r];
        if (c !== 4 || !s) return undefined;
        return <span className="trends-links">{s.incidentIds.map((id) => link(id, 'overview'))}</span>;
      },
    },
    open: {
      renderCell: (r, c) => {
        const o = report.actions.openItems[r];
        return c === 0 && o ? link(o.incidentId, 'actions') : undefined;
      },
    },
  };
  return (
    <section
      className="trends"
      data-testid="trends"
      data-ready={cardWidth !== null || report.incidentCount === 0 ? 'true' : undefined}
      aria-labelledby="trends-title"
    >
      <header className="list-toolbar trends-toolbar">
        <h1 id="trends-title" className="page-title">
          Trends
        </h1>
        <span className="muted" aria-live="polite">
          {report.incidentCount} {report.incidentCount === 1 ? 'incident' : 'incidents'} ·{' '}
          {report.signals.length} recurring {report.signals.length === 1 ? 'signal' : 'signals'} · {open} open
          follow-up{open === 1 ? '' : 's'}
          {report.actions.total.overdue > 0 && (
            <strong className="overdue-count"> ({report.actions.total.overdue} overdue)</strong>
          )}
        </span>
        <span className="spacer" />
        <label className="trends-period">
          <span>Period</span>
          <select value={preset} onChange={(e) => setPreset(e.target.value as PeriodPreset)}>
            {PERIOD_PRESETS.map((p) => (
              <option key={p} value={p}>
                {PERIOD_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
        {preset === 'custom' && (
          <>
            <label className="trends-period">
              <span>From</span>
              <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <label className="trends-period">
              <span>To</span>
              <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            </label>
          </>
        )}
        <ReviewExport
          report={report}
          titleOf={titleOf}
          periodLabel={preset === 'custom' ? null : PERIOD_LABELS[preset]}
          onError={onError}
        />
      </header>
      {library.length === 0 ? (
        <EmptyState title="No incidents yet">
          <p>
            Trends appear once there are incidents: create one, open a bundle, or try the sample. Key times on
            each incident&apos;s Overview give the response times; causes, log imports and action items the
            rest.
          </p>
        </EmptyState>
      ) : report.incidentCount === 0 ? (
        <EmptyState title="No incidents in this period">
          <p>
            Choose a longer period, or All time, to see the trends of the {library.length} incidents stored.
          </p>
        </EmptyState>
      ) : (
        <div className="trends-grid">
          {cardWidth === null ? (
            <div ref={probe} className="trends-card" aria-hidden="true" />
          ) : (
            FIGURE_ORDER.map((name) => (
              <FigureCard
                key={name}
                initialWidth={cardWidth}
                figure={figures[name]}
                onError={onError}
                {...cardProps[name]}
              />
            ))
          )}
        </div>
      )}
    </section>
  );
}
