import type { EventKind, KeyTimes } from '../domain';
import { zonedTicks, type Tick } from './ticks';
import { impactEndAt } from '../format/window';
import { laneNames, placeMarksSteps } from './marks';
import { runSteps } from './steps';
import { densityBars, type DensityBar } from './densityLayout';
import { LABEL_ROW_PX, keyTimeLines, placeKeyLabels, type PlacedLabel } from './keyLabels';

/** The fields of an event the chart draws. */
export interface ChartEvent {
  id: string;
  at: number;
  endAt: number | null;
  kind: EventKind;
  title: string;
  service: string | null;
  count: number;
  key: boolean;
  /** Put there by a fault-injection tool: drawn with a dashed ring. */
  injected?: boolean | undefined;
}

/** Records per bucket from the raw logs (`impact` ⊆ `total`), starting at `start`. */
export interface DensitySeries {
  start: number;
  bucketMs: number;
  total: ArrayLike<number>;
  impact: ArrayLike<number>;
}

export interface ChartOptions {
  width: number;
  laneBy: 'service' | 'kind';
  zone: string;
  keyTimes: KeyTimes;
  /** Visible time range; defaults to the events' extent (with a little air). */
  from?: number;
  to?: number;
  density?: DensitySeries | null;
  /** Lanes beyond this many are drawn together as "other". */
  maxLanes?: number;
  title?: string;
}

export interface ChartMark {
  lane: number;
  x: number;
  /** Right end of a span (folded or long event); null for a point mark. */
  x2: number | null;
  kind: EventKind;
  /** Events drawn by this mark (nearby events share a mark when zoomed out). */
  n: number;
  eventId: string;
  key: boolean;
  /** Some event the mark draws is an injected fault. */
  injected: boolean;
}

export interface ChartLayout {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  densityTop: number;
  densityHeight: number;
  lanesTop: number;
  laneHeight: number;
  axisY: number;
  from: number;
  to: number;
  lanes: string[];
  marks: ChartMark[];
  bands: { kind: 'impact' | 'mitigated'; x: number; x2: number }[];
  /** Key-time lines with their labels placed on rows that never overprint. */
  lines: PlacedLabel[];
  /** No events at all: the chart says so instead of drawing an axis at the epoch. */
  empty: boolean;
  ticks: (Tick & { x: number })[];
  density: DensityBar[];
  densityMax: number;
  zone: string;
  title: string;
}

const PLOT_LEFT = 132;
const PLOT_RIGHT_PAD = 16;
const LANE_H = 22;
const DENSITY_H = 40;
const TOP = 44;
const AXIS_H = 34;

/** The extent of the events, padded by 2 % so edge marks are not cut. */
export function chartExtent(events: readonly ChartEvent[]): { from: number; to: number } | null {
  if (events.length === 0) return null;
  let from = Infinity;
  let to = -Infinity;
  for (const e of events) {
    from = Math.min(from, e.at);
    to = Math.max(to, e.endAt ?? e.at);
  }
  const pad = Math.max(60_000, (to - from) * 0.02);
  return { from: from - pad, to: to + pad };
}

/**
 * Lays out the swimlane chart: lanes (per service or per kind), marks (nearby events in a lane
 * share one mark, so 100,000 events become a few thousand shapes), phase bands, key-time
 * lines, zone-aware ticks and the density strip. Pure: the SVG writer and the app's hit
 * testing both read this one layout.
 */
export function layoutSwimlane(events: readonly ChartEvent[], opts: ChartOptions): ChartLayout {
  return runSteps(layoutSteps(events, opts));
}

/**
 * {@link layoutSwimlane} in steps: it pauses after each pass over the events, so a caller with
 * 100,000 of them can give the page its turn in between (each pass is a few tens of ms there).
 */
export function* layoutSteps(
  events: readonly ChartEvent[],
  opts: ChartOptions,
): Generator<void, ChartLayout> {
  const width = Math.max(320, Math.round(opts.width));
  const ext = chartExtent(events);
  yield;
  const from = opts.from ?? ext?.from ?? 0;
  const to = Math.max(from + 60_000, opts.to ?? ext?.to ?? from + 3_600_000);
  const plotLeft = PLOT_LEFT;
  const plotRight = width - PLOT_RIGHT_PAD;
  const scale = (plotRight - plotLeft) / (to - from);
  const xOf = (t: number) => plotLeft + (Math.min(Math.max(t, from), to) - from) * scale;
  const hasDensity = !!opts.density && opts.density.total.length > 0;
  const lines = placeKeyLabels(keyTimeLines(opts.keyTimes, from, to, xOf), width);
  // The labels' rows grow the band above the plot; the top row always sits clear of the title.
  const labelRows = Math.max(1, ...lines.map((l) => l.row + 1));
  const densityTop = TOP + (labelRows - 1) * LABEL_ROW_PX;
  const densityHeight = hasDensity ? DENSITY_H : 0;
  const lanesTop = densityTop + densityHeight + (hasDensity ? 8 : 0);
  const lanes = laneNames(events, opts.laneBy, opts.maxLanes ?? 12);
  yield;
  const laneIndex = new Map(lanes.map((l, i) => [l, i]));
  const marks = yield* placeMarksSteps(events, { laneBy: opts.laneBy, laneIndex, from, to, xOf });
  yield;
  const kt = opts.keyTimes;
  const bands: ChartLayout['bands'] = [];
  if (kt.impactStartAt !== null) {
    const end = kt.mitigatedAt ?? kt.recoveredAt ?? kt.resolvedAt ?? to;
    if (end > kt.impactStartAt) bands.push({ kind: 'impact', x: xOf(kt.impactStartAt), x2: xOf(end) });
  }
  if (kt.mitigatedAt !== null) {
    const end = impactEndAt(kt) ?? to;
    if (end > kt.mitigatedAt) bands.push({ kind: 'mitigated', x: xOf(kt.mitigatedAt), x2: xOf(end) });
  }
  const strip =
    hasDensity && opts.density
      ? densityBars(opts.density, { from, to, plotLeft, scale }, DENSITY_H - 4)
      : { bars: [], max: 0 };
  const axisY = lanesTop + Math.max(1, lanes.length) * LANE_H;
  const empty = events.length === 0 && opts.from === undefined;
  const ticks = empty
    ? []
    : zonedTicks(from, to, opts.zone, Math.max(2, Math.floor((plotRight - plotLeft) / 110))).map((t) => ({
        ...t,
        x: xOf(t.at),
      }));
  return {
    width,
    height: axisY + AXIS_H,
    plotLeft,
    plotRight,
    densityTop,
    densityHeight,
    lanesTop,
    laneHeight: LANE_H,
    axisY,
    from,
    to,
    lanes,
    marks,
    bands,
    lines,
    empty,
    ticks,
    density: strip.bars,
    densityMax: strip.max,
    zone: opts.zone,
    title: opts.title ?? 'Timeline',
  };
}

/** The instant under an x position of the plot (clamped to the visible range). */
export function timeAtX(layout: ChartLayout, x: number): number {
  const f =
    (Math.min(Math.max(x, layout.plotLeft), layout.plotRight) - layout.plotLeft) /
    (layout.plotRight - layout.plotLeft);
  return layout.from + f * (layout.to - layout.from);
}

/** The mark under a point (within 4 px), preferring points over spans; null if none. */
export function hitTest(layout: ChartLayout, x: number, y: number): ChartMark | null {
  const lane = Math.floor((y - layout.lanesTop) / layout.laneHeight);
  if (lane < 0 || lane >= layout.lanes.length) return null;
  let best: ChartMark | null = null;
  let bestD = 5;
  for (const m of layout.marks) {
    if (m.lane !== lane) continue;
    const d =
      m.x2 === null
        ? Math.abs(m.x - x)
        : x >= m.x && x <= m.x2
          ? 3
          : Math.min(Math.abs(m.x - x), Math.abs(m.x2 - x));
    if (d < bestD || (d === bestD && m.x2 === null)) {
      best = m;
      bestD = d;
    }
  }
  return best;
}
