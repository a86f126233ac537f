import { LIGHT_CHART } from '../chart/theme';
import { writeCsv } from '../export/csv';
import { escapeHtml, escapeMarkdown, markdownCell, markdownTable } from '../export/escape';
import { documentCss } from '../export/styles';
import { htmlDocument } from '../export/html';
import type { PaperSize } from '../export/context';
import {
  actionHealthFigure,
  categoryFigure,
  cellText,
  durationFigure,
  durationSummaryFigure,
  openItemsFigure,
  signalsFigure,
  volumeFigure,
  type Figure,
  type FigureTable,
} from './figures';
import { DURATION_METRICS, type Period, type TrendsReport } from './metrics';

/** A figure's table as CSV: durations in minutes (one decimal), so a spreadsheet can sum them. */
export function figureCsv(t: FigureTable): string {
  const header = t.columns.map((c) => (c.kind === 'duration' ? `${c.label} (minutes)` : c.label));
  const rows = t.rows.map((row) =>
    row.map((v, i) =>
      t.columns[i]?.kind === 'duration' && typeof v === 'number' ? Math.round(v / 6_000) / 10 : v,
    ),
  );
  return writeCsv(header, rows);
}

/** The period in words: "2026-01-01 to 2026-03-31", "since …", "until …" or "all time". */
export function periodText(p: Period): string {
  const day = (at: number) => new Date(at).toISOString().slice(0, 10);
  // `to` is exclusive: the last day shown is the one before it.
  const last = (at: number) => day(at - 86_400_000);
  if (p.from !== null && p.to !== null) return `${day(p.from)} to ${last(p.to)}`;
  if (p.from !== null) return `since ${day(p.from)}`;
  if (p.to !== null) return `until ${last(p.to)}`;
  return 'all time';
}

/**
 * Every figure of a learning review, in reading order: response times overall and over time,
 * per service and severity, incidents per service, categories, recurring signals, action-item
 * health and the open follow-ups.
 */
export function reviewFigures(r: TrendsReport, titleOf: (id: string) => string): Figure[] {
  return [
    durationSummaryFigure(r),
    ...DURATION_METRICS.map((m) => durationFigure(r, m, 'month')),
    ...DURATION_METRICS.map((m) => durationFigure(r, m, 'service')),
    ...DURATION_METRICS.map((m) => durationFigure(r, m, 'severity')),
    volumeFigure(r),
    categoryFigure(r),
    signalsFigure(r, titleOf),
    actionHealthFigure(r, 'owner'),
    actionHealthFigure(r, 'priority'),
    openItemsFigure(r),
  ];
}

export interface ReviewOptions {
  /** The review's heading, e.g. "Learning review: Q1 2026". */
  title: string;
  /** When it was made (epoch ms), shown under the title. */
  generatedAt: number;
  paper?: PaperSize;
}

function intro(r: TrendsReport): string {
  const n = r.incidentCount;
  const open = r.actions.total.open + r.actions.total.overdue;
  return (
    `${n === 1 ? '1 incident' : `${n} incidents`} (${periodText(r.period)}); ` +
    `${r.signals.length} recurring ${r.signals.length === 1 ? 'signal' : 'signals'}; ` +
    `${open} open follow-up${open === 1 ? '' : 's'}, ${r.actions.total.overdue} overdue.`
  );
}

function tableMarkdown(t: FigureTable): string {
  if (t.rows.length === 0) return '_Nothing in this period._';
  return markdownTable(
    t.columns.map((c) => markdownCell(c.label)),
    t.rows.map((row) => row.map((v, i) => markdownCell(cellText(v, t.columns[i]?.kind ?? 'text')))),
  );
}

/** The learning review as GitHub-flavoured Markdown: every figure as a table, with its notes. */
export function learningReviewMarkdown(
  r: TrendsReport,
  titleOf: (id: string) => string,
  o: ReviewOptions,
): string {
  const out = [
    `# ${escapeMarkdown(o.title)}`,
    '',
    `_Generated ${new Date(o.generatedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC._`,
    '',
    escapeMarkdown(intro(r)),
    '',
  ];
  for (const f of reviewFigures(r, titleOf)) {
    out.push(`## ${escapeMarkdown(f.table.title)}`, '', tableMarkdown(f.table), '');
    for (const n of f.table.notes) out.push(`- ${escapeMarkdown(n, false)}`);
    if (f.table.notes.length > 0) out.push('');
  }
  return out.join('\n');
}

function tableHtml(t: FigureTable): string {
  if (t.rows.length === 0) return '<p class="empty">Nothing in this period.</p>';
  const head = t.columns.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`).join('');
  const body = t.rows
    .map(
      (row) =>
        `<tr>${row.map((v, i) => `<td>${escapeHtml(cellText(v, t.columns[i]?.kind ?? 'text'))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * The learning review as one self-contained HTML file in the RCA document's stylesheet (screen
 * and print): each figure's chart as inline SVG (light, as on paper) followed by its table.
 * The same text the desktop prints to PDF.
 */
export function learningReviewHtml(
  r: TrendsReport,
  titleOf: (id: string) => string,
  o: ReviewOptions,
): string {
  const body: string[] = [
    `<header class="title-page"><p class="eyebrow">Learning review</p><h1>${escapeHtml(o.title)}</h1>` +
      `<p class="summary">${escapeHtml(intro(r))}</p>` +
      `<p class="empty">Generated ${escapeHtml(new Date(o.generatedAt).toISOString().slice(0, 16).replace('T', ' '))} UTC.</p></header>`,
  ];
  for (const f of reviewFigures(r, titleOf)) {
    const chart =
      f.svg && f.table.rows.length > 0
        ? `<figure class="chart">${f.svg(LIGHT_CHART, { width: 720, titled: false })}</figure>`
        : '';
    const notes = f.table.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('');
    body.push(
      `<section data-figure="${escapeHtml(f.table.id)}"><h2>${escapeHtml(f.table.title)}</h2>\n${chart}${tableHtml(f.table)}${notes ? `<ul class="notes">${notes}</ul>` : ''}</section>`,
    );
  }
  const css = `${documentCss(o.paper ?? 'a4')}
figure.chart{margin:1rem 0}figure.chart svg{max-width:100%;height:auto}
ul.notes{color:var(--muted);font-size:.88rem}`;
  return htmlDocument(o.title, css, body.join('\n'));
}
