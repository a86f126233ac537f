import { labelWidth } from '../chart/keyLabels';
import { CHART_KIND_COLORS } from '../chart/palette';
import { CHART_FONT } from '../chart/svg';
import { LIGHT_CHART, type ChartTheme } from '../chart/theme';
import { escapeXml } from '../export/escape';
import { formatDuration } from '../format/duration';
import type { Spread } from './metrics/stats';

/*
 * The Trends charts: horizontal bars, one row per month, service, owner…, as self-contained SVG
 * text in the swimlane chart's style (same font, theme colours and Okabe–Ito palette), so the
 * app, the SVG/PNG export and the learning review show the same picture. The numbers are
 * always beside the chart as a table; the chart is the picture of that table.
 */

/** Series colours in order (Okabe–Ito, colour-blind safe), ending in grey for "other". */
export const SERIES_COLORS: readonly string[] = [
  CHART_KIND_COLORS.response,
  CHART_KIND_COLORS.change,
  CHART_KIND_COLORS.mitigation,
  CHART_KIND_COLORS.communication,
  CHART_KIND_COLORS.detection,
  CHART_KIND_COLORS.impact,
  CHART_KIND_COLORS.recovery,
  CHART_KIND_COLORS.note,
];

const ROW = 22;
const BAR = 14;
// Room right of the plot for a bar's total ("12") and the last axis label.
const RIGHT = 30;

/** How a chart is drawn: its width in pixels, and whether it carries its title (exports do). */
export interface ChartDrawOptions {
  width?: number;
  titled?: boolean;
}
const AXIS = 22;
const LEGEND_ROW = 18;
const r = (n: number) => Math.round(n * 10) / 10;

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A whole, round step giving at most about `maxTicks` ticks up to `max` (1, 2, 5 × 10ⁿ). */
export function countStep(max: number, maxTicks: number): number {
  // Counts are whole: never a step under 1 (an axis of 0.2, 0.4… incidents means nothing).
  const raw = Math.max(1, Math.max(1, max) / Math.max(1, maxTicks));
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
}

const MIN = 60_000;
const DURATION_STEPS = [
  MIN,
  5 * MIN,
  10 * MIN,
  15 * MIN,
  30 * MIN,
  60 * MIN,
  2 * 60 * MIN,
  6 * 60 * MIN,
  12 * 60 * MIN,
  24 * 60 * MIN,
  7 * 24 * 60 * MIN,
];

function durationStep(max: number, maxTicks: number): number {
  const want = max / Math.max(1, maxTicks);
  return (
    DURATION_STEPS.find((s) => s >= want) ??
    Math.ceil(want / DURATION_STEPS[DURATION_STEPS.length - 1]!) * DURATION_STEPS[DURATION_STEPS.length - 1]!
  );
}

interface Frame {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  plotTop: number;
  plotBottom: number;
  out: string[];
}

function frame(
  title: string,
  labels: readonly string[],
  legendRows: number,
  theme: ChartTheme,
  o: ChartDrawOptions,
): Frame {
  const width = Math.max(320, o.width ?? 640);
  const titled = o.titled ?? true;
  const longest = Math.max(40, ...labels.map((l) => labelWidth(truncate(l, 28))));
  const plotLeft = Math.min(220, longest + 14);
  const plotTop = titled ? 30 : 8;
  const plotBottom = plotTop + Math.max(1, labels.length) * ROW;
  const height = plotBottom + AXIS + legendRows * LEGEND_ROW + 6;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}" font-family="${CHART_FONT}" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="${theme.background}"/>`,
  ];
  if (titled)
    out.push(
      `<text x="8" y="18" font-size="13" font-weight="600" fill="${theme.ink}">${escapeXml(title)}</text>`,
    );
  labels.forEach((label, i) => {
    const y = plotTop + i * ROW;
    if (i % 2 === 1)
      out.push(
        `<rect x="${plotLeft}" y="${y}" width="${width - RIGHT - plotLeft}" height="${ROW}" fill="${theme.stripe}" fill-opacity="0.7"/>`,
      );
    out.push(
      `<text x="${plotLeft - 8}" y="${y + ROW / 2 + 4}" text-anchor="end" fill="${theme.ink}">${escapeXml(truncate(label, 28))}</text>`,
    );
  });
  return { width, height, plotLeft, plotRight: width - RIGHT, plotTop, plotBottom, out };
}

function axis(
  f: Frame,
  max: number,
  step: number,
  label: (v: number) => string,
  theme: ChartTheme,
): (v: number) => number {
  const top = Math.max(step, Math.ceil(max / step) * step);
  const x = (v: number) => f.plotLeft + (v / top) * (f.plotRight - f.plotLeft);
  for (let k = 0; k * step <= top + step / 2; k++) {
    // Multiplied, not summed: repeated addition drifts (0.6000000000000001).
    const v = k * step;
    const xv = r(x(v));
    f.out.push(
      `<line x1="${xv}" y1="${f.plotTop}" x2="${xv}" y2="${f.plotBottom}" stroke="${v === 0 ? theme.gridMajor : theme.grid}"/>`,
      `<text x="${xv}" y="${f.plotBottom + 14}" text-anchor="middle" fill="${theme.muted}">${escapeXml(label(v))}</text>`,
    );
  }
  return x;
}

function legend(f: Frame, items: readonly { name: string; color: string }[], theme: ChartTheme): void {
  let x = f.plotLeft;
  let y = f.plotBottom + AXIS + 12;
  for (const it of items) {
    const w = 18 + labelWidth(truncate(it.name, 28));
    if (x + w > f.plotRight && x > f.plotLeft) {
      x = f.plotLeft;
      y += LEGEND_ROW;
    }
    f.out.push(
      `<rect x="${x}" y="${y - 9}" width="10" height="10" fill="${it.color}" stroke="${theme.markStroke}" stroke-width="0.5"/>`,
      `<text x="${x + 14}" y="${y}" fill="${theme.ink}">${escapeXml(truncate(it.name, 28))}</text>`,
    );
    x += w + 10;
  }
}

function legendRows(items: readonly { name: string }[], width: number, plotLeft: number): number {
  if (items.length === 0) return 0;
  let rows = 1;
  let x = plotLeft;
  for (const it of items) {
    const w = 28 + labelWidth(truncate(it.name, 28));
    if (x + w > width - RIGHT && x > plotLeft) {
      rows++;
      x = plotLeft;
    }
    x += w;
  }
  return rows;
}

/**
 * Spread of durations per row: a thin line from min to max, a box from the first to the third
 * quartile and a mark at the median, on a shared duration axis from zero.
 */
export function spreadChartSvg(
  title: string,
  rows: readonly { label: string; spread: Spread }[],
  theme: ChartTheme = LIGHT_CHART,
  o: ChartDrawOptions = {},
): string {
  const labels = rows.map((x) => x.label);
  const items = [
    { name: 'median', color: theme.ink },
    { name: 'middle half (p25–p75)', color: CHART_KIND_COLORS.detection },
    { name: 'min–max', color: theme.muted },
  ];
  const f = frame(title, labels, 1, theme, o);
  const max = Math.max(1, ...rows.map((x) => x.spread.max));
  const x = axis(
    f,
    max,
    durationStep(max, Math.floor((f.plotRight - f.plotLeft) / 70)),
    (v) => (v === 0 ? '0' : formatDuration(v)),
    theme,
  );
  rows.forEach((row, i) => {
    const cy = f.plotTop + i * ROW + ROW / 2;
    const s = row.spread;
    f.out.push(
      `<line x1="${r(x(s.min))}" y1="${cy}" x2="${r(x(s.max))}" y2="${cy}" stroke="${theme.muted}" stroke-width="1.5"/>`,
      `<rect x="${r(x(s.p25))}" y="${cy - BAR / 2}" width="${r(Math.max(2, x(s.p75) - x(s.p25)))}" height="${BAR}" fill="${CHART_KIND_COLORS.detection}" stroke="${theme.markStroke}" stroke-width="0.5"><title>${escapeXml(`${row.label}: median ${formatDuration(s.median)}, middle half ${formatDuration(s.p25)}–${formatDuration(s.p75)}, ${s.count} incidents`)}</title></rect>`,
      `<line x1="${r(x(s.median))}" y1="${cy - BAR / 2 - 2}" x2="${r(x(s.median))}" y2="${cy + BAR / 2 + 2}" stroke="${theme.ink}" stroke-width="2.5"/>`,
    );
  });
  legend(f, items, theme);
  f.out.push('</svg>');
  return f.out.join('\n');
}

/** A series of a bar chart: its name and colour. */
export interface BarSeries {
  name: string;
  color: string;
}

/**
 * Horizontal bars, stacked when there are several series: one row per label, values in series
 * order, a count axis from zero and a legend when there is more than one series.
 */
export function stackedBarsSvg(
  title: string,
  rows: readonly { label: string; values: readonly number[] }[],
  series: readonly BarSeries[],
  theme: ChartTheme = LIGHT_CHART,
  o: ChartDrawOptions = {},
): string {
  const labels = rows.map((x) => x.label);
  const shown = series.length > 1 ? series : [];
  const probe = Math.min(220, Math.max(40, ...labels.map((l) => labelWidth(truncate(l, 28)))) + 14);
  const f = frame(title, labels, legendRows(shown, Math.max(320, o.width ?? 640), probe), theme, o);
  const max = Math.max(1, ...rows.map((x) => x.values.reduce((a, b) => a + b, 0)));
  const x = axis(
    f,
    max,
    countStep(max, Math.floor((f.plotRight - f.plotLeft) / 50)),
    (v) => String(v),
    theme,
  );
  rows.forEach((row, i) => {
    const y = f.plotTop + i * ROW + (ROW - BAR) / 2;
    let acc = 0;
    row.values.forEach((v, s) => {
      if (v <= 0) return;
      const x0 = x(acc);
      acc += v;
      const name = series[s]?.name ?? '';
      f.out.push(
        `<rect x="${r(x0)}" y="${y}" width="${r(Math.max(1, x(acc) - x0))}" height="${BAR}" fill="${series[s]?.color ?? theme.faint}" stroke="${theme.markStroke}" stroke-width="0.5"><title>${escapeXml(`${row.label}${name ? ` · ${name}` : ''}: ${v}`)}</title></rect>`,
      );
    });
    if (acc > 0)
      f.out.push(`<text x="${r(x(acc) + 4)}" y="${y + BAR - 3}" fill="${theme.muted}">${acc}</text>`);
  });
  legend(f, shown, theme);
  f.out.push('</svg>');
  return f.out.join('\n');
}
