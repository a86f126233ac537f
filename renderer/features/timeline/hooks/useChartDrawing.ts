import { useEffect, useMemo, useState } from 'react';
import {
  DARK_CHART,
  LIGHT_CHART,
  layoutSteps,
  runSteps,
  swimlaneSvg,
  swimlaneSvgLayers,
  type ChartEvent,
  type ChartLayout,
  type ChartOptions,
} from '../../../../shared/chart';
import { yieldToPage } from '../../../ui/yieldToPage';

/** A drawn chart: its layout (hit testing reads it), the SVG on screen and, on demand, on paper. */
export interface ChartDrawing {
  layout: ChartLayout;
  /** The SVG on screen, as stacked layers (see swimlaneSvgLayers). */
  layers: string[];
  /** The light chart's SVG text (exports are always light), drawn when first asked for. */
  paper: () => string;
  /** Milliseconds the layout and SVG text took (the benchmark reads it from the DOM). */
  ms: number;
  /** The options it was drawn with (what is on screen, while a newer drawing is under way). */
  options: ChartOptions;
}

/** From this many events the chart is drawn in slices, each its own task (see useChartDrawing). */
export const SLICED_FROM = 20_000;

/**
 * Layout then SVG text, pausing between passes. The screen follows the app's theme; the paper
 * copy of a dark chart is drawn only when exported, not at every change.
 */
function* drawSteps(
  events: readonly ChartEvent[],
  options: ChartOptions,
  dark: boolean,
  clock: { ms: number },
): Generator<void, ChartDrawing> {
  let t0 = performance.now();
  const steps = layoutSteps(events, options);
  let layout: ChartLayout;
  for (;;) {
    const step = steps.next();
    clock.ms += performance.now() - t0;
    if (step.done) {
      layout = step.value;
      break;
    }
    yield;
    t0 = performance.now();
  }
  yield;
  t0 = performance.now();
  const layers = swimlaneSvgLayers(layout, dark ? DARK_CHART : LIGHT_CHART);
  clock.ms += performance.now() - t0;
  let light: string | null = null;
  const paper = () => (light ??= swimlaneSvg(layout, LIGHT_CHART));
  return { layout, layers, paper, ms: clock.ms, options };
}

/**
 * The chart for these events and options. Up to {@link SLICED_FROM} events it is drawn in the
 * render; beyond, in slices after it (100,000 events took one task of ~80 ms), showing the last
 * drawing meanwhile — the same layout and text either way, from the same steps.
 */
export function useChartDrawing(
  events: readonly ChartEvent[],
  options: ChartOptions,
  dark: boolean,
): ChartDrawing {
  const sliced = events.length >= SLICED_FROM;
  const now = useMemo(
    () => (sliced ? null : runSteps(drawSteps(events, options, dark, { ms: 0 }))),
    [sliced, events, options, dark],
  );
  // The latest drawing finished, kept while a sliced one is under way.
  const [last, setLast] = useState<ChartDrawing | null>(null);
  if (now !== null && last !== now) setLast(now);
  useEffect(() => {
    if (!sliced) return;
    let live = true;
    void (async () => {
      const steps = drawSteps(events, options, dark, { ms: 0 });
      for (;;) {
        const step = steps.next();
        if (step.done) {
          if (live) setLast(step.value);
          return;
        }
        await yieldToPage();
        if (!live) return;
      }
    })();
    return () => {
      live = false;
    };
  }, [sliced, events, options, dark]);
  return now ?? last ?? runSteps(drawSteps([], options, dark, { ms: 0 }));
}
