import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { DARK_CHART, LIGHT_CHART } from '../../../../shared/chart';
import { cellText, figureCsv, type ColumnKind, type Figure } from '../../../../shared/library';
import { platform } from '../../../platform';
import { useColorScheme } from '../../../ui/useColorScheme';
import { exportChartPng, exportChartSvg } from '../../timeline';

/**
 * Rows a table shows until asked for all: a thousand incidents have thousands of open
 * follow-ups, and 3,600 rows took ~30,000 elements and most of the view's first render. The
 * CSV download always has every row.
 */
export const FIGURE_ROW_LIMIT = 50;

const COLUMN_CLASS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  date: 'nowrap',
  count: 'num',
  duration: 'num nowrap',
};

interface FigureCardProps {
  figure: Figure;
  /** Reports a failed save. */
  onError: (message: string) => void;
  /** Extra controls in the card's header (the metric switch). */
  controls?: ReactNode;
  /** Shows the table open (figures without a chart always do). */
  tableOpen?: boolean;
  /** Renders a cell (links to incidents); undefined keeps the default, the cell as text. */
  renderCell?: (row: number, col: number) => ReactNode;
  /** The card's content width, when the view measured it before drawing the card (see TrendsView). */
  initialWidth?: number | undefined;
}

/** The width a chart is drawn at in a card this wide inside (capped: a very wide bar chart reads worse). */
const chartWidth = (cardWidth: number) => Math.min(960, Math.max(320, Math.floor(cardWidth)));

/**
 * An element's content width as a ResizeObserver reports it (its box less borders and padding):
 * the first report then matches the width drawn at, and draws nothing again.
 */
export function contentWidth(el: HTMLElement): number {
  const s = getComputedStyle(el);
  const px = (v: string) => parseFloat(v) || 0;
  return (
    el.getBoundingClientRect().width -
    px(s.borderLeftWidth) -
    px(s.borderRightWidth) -
    px(s.paddingLeft) -
    px(s.paddingRight)
  );
}

/**
 * One figure: its chart (SVG text from shared/library, in the app's light or dark chart
 * colours; exports are always the light, paper version), its notes, its numbers as a table,
 * and CSV / SVG / PNG downloads.
 */
export function FigureCard({
  figure,
  onError,
  controls,
  tableOpen,
  renderCell,
  initialWidth,
}: FigureCardProps) {
  const { table, svg } = figure;
  const dark = useColorScheme() === 'dark';
  const box = useRef<HTMLDivElement>(null);
  // Unknown until the card is laid out (unless the view measured it): the chart is drawn once,
  // at the width it is shown at (drawing it at a guess first, then again, doubled the view's
  // first render).
  const [width, setWidth] = useState<number | null>(
    initialWidth === undefined ? null : chartWidth(initialWidth),
  );
  const [allRows, setAllRows] = useState(false);
  // A table behind a closed "Numbers" is drawn when first opened.
  const [numbersOpen, setNumbersOpen] = useState(tableOpen === true);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    // Drawn at the width it is shown at, never scaled. A width the view gave needs no layout
    // now (it would lay out the whole view a first time without its charts).
    if (initialWidth === undefined) setWidth(chartWidth(contentWidth(el)));
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setWidth(chartWidth(entry.contentRect.width));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [initialWidth]);
  // On screen the card's heading names the chart; exported files carry the title themselves.
  const screen = useMemo(
    () => (svg && width !== null ? svg(dark ? DARK_CHART : LIGHT_CHART, { width, titled: false }) : null),
    [svg, dark, width],
  );
  const fail = (p: Promise<void>) =>
    void p.catch((e: unknown) => onError(e instanceof Error ? e.message : String(e)));
  const empty = table.rows.length === 0;
  const titleId = `fig-${table.id}`;
  const shown = allRows ? table.rows : table.rows.slice(0, FIGURE_ROW_LIMIT);
  const hidden = table.rows.length - shown.length;
  const rows = (
    <>
      <table className="table trends-table">
        <caption className="visually-hidden">{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.label} scope="col" className={COLUMN_CLASS[c.kind]}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, r) => (
            <tr key={r}>
              {row.map((v, c) => (
                <td key={c} className={COLUMN_CLASS[table.columns[c]?.kind ?? 'text']}>
                  {renderCell?.(r, c) ?? cellText(v, table.columns[c]?.kind ?? 'text')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {hidden > 0 && (
        <p className="trends-more muted small">
          Showing {shown.length} of {table.rows.length.toLocaleString('en-US')} rows (the CSV has them all).{' '}
          <button type="button" className="btn btn-small" onClick={() => setAllRows(true)}>
            Show all {table.rows.length.toLocaleString('en-US')}
          </button>
        </p>
      )}
    </>
  );
  return (
    <section ref={box} className="trends-card" aria-labelledby={titleId} data-figure={table.id}>
      <header className="trends-card-head">
        <h2 id={titleId} className="section-title">
          {table.title}
        </h2>
        <span className="spacer" />
        {controls}
        <div className="trends-downloads" role="group" aria-label={`Download ${table.title}`}>
          <button
            type="button"
            className="btn btn-small"
            disabled={empty}
            onClick={() => fail(platform.saveFile(`${table.id}.csv`, figureCsv(table), 'text/csv'))}
          >
            CSV
          </button>
          {svg &&
            (
              [
                ['SVG', exportChartSvg],
                ['PNG', exportChartPng],
              ] as const
            ).map(([label, save]) => (
              <button
                key={label}
                type="button"
                className="btn btn-small"
                disabled={empty}
                onClick={() => fail(save(svg(LIGHT_CHART), table.id))}
              >
                {label}
              </button>
            ))}
        </div>
      </header>
      {empty ? (
        <p className="muted">Nothing to show for this period.</p>
      ) : (
        <>
          {/* Our own SVG text: every label is escaped by shared/library/charts.ts, no scripts. */}
          {screen && <div className="trends-chart" dangerouslySetInnerHTML={{ __html: screen }} />}
          {svg ? (
            <details
              className="trends-numbers"
              open={tableOpen}
              onToggle={(e) => setNumbersOpen(e.currentTarget.open)}
            >
              <summary>Numbers</summary>
              {numbersOpen && rows}
            </details>
          ) : (
            rows
          )}
        </>
      )}
      {table.notes.length > 0 && (
        <ul className="trends-notes muted small">
          {table.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
