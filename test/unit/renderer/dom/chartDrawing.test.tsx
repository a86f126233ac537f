// @vitest-environment happy-dom
// The swimlane chart of a big timeline is drawn in slices after the render, the last drawing
// staying on screen meanwhile; the layout and SVG layers are the same as drawn at once.
import { describe, expect, it } from 'vitest';
import {
  LIGHT_CHART,
  layoutSwimlane,
  swimlaneSvg,
  swimlaneSvgLayers,
  type ChartEvent,
  type ChartOptions,
} from '../../../../shared/chart';
import { SLICED_FROM, useChartDrawing } from '../../../../renderer/features/timeline/hooks/useChartDrawing';
import { act, useState } from 'react';
import { render, renderHook, until } from './render';

/** The hook in a component whose events the test swaps. */
function drawn(initial: ChartEvent[]) {
  let current: ReturnType<typeof useChartDrawing> | null = null;
  let swap: (list: ChartEvent[]) => void = () => undefined;
  function Probe() {
    const [list, setList] = useState(initial);
    swap = setList;
    current = useChartDrawing(list, options, false);
    return null;
  }
  render(<Probe />);
  return {
    layers: () => current!.layers,
    layout: () => current!.layout,
    swap: (list: ChartEvent[]) => act(() => swap(list)),
  };
}

const KINDS = ['change', 'impact', 'detection', 'mitigation', 'note'] as const;
function events(n: number, shift = 0): ChartEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    at: 1_700_000_000_000 + i * 1_000 + shift,
    endAt: i % 50 === 0 ? 1_700_000_000_000 + i * 1_000 + shift + 600_000 : null,
    kind: KINDS[i % KINDS.length]!,
    title: `event ${i}`,
    service: `svc-${i % 7}`,
    count: 1,
    key: i % 997 === 0,
  }));
}
const options: ChartOptions = {
  width: 900,
  laneBy: 'service',
  zone: 'UTC',
  keyTimes: { impactStartAt: null, detectedAt: null, mitigatedAt: null, recoveredAt: null, resolvedAt: null },
  title: 'test',
};
const atOnce = (list: ChartEvent[]) => swimlaneSvgLayers(layoutSwimlane(list, options), LIGHT_CHART);
const onPaper = (list: ChartEvent[]) => swimlaneSvg(layoutSwimlane(list, options), LIGHT_CHART);

describe('useChartDrawing', () => {
  it('draws a small timeline in the render', () => {
    const small = events(500);
    const view = renderHook(() => useChartDrawing(small, options, false));
    expect(view.current().layers).toEqual(atOnce(small));
    expect(view.current().paper()).toBe(onPaper(small));
  });

  it('draws a big one after the render, in slices, to the same text; the last drawing stays meanwhile', async () => {
    const big = events(SLICED_FROM + 5_000);
    const view = drawn(events(500));
    const first = view.layers();
    view.swap(big);
    // Rendered again with the big list: still the small drawing until the slices are done.
    expect(view.layers()).toBe(first);
    await until(() => expect(view.layers()).not.toBe(first));
    expect(view.layers()).toEqual(atOnce(big));
    expect(view.layout()).toEqual(layoutSwimlane(big, options));
  });

  it('drops a drawing overtaken by newer events: only the newest is shown', async () => {
    const a = events(SLICED_FROM + 1);
    const b = events(SLICED_FROM + 1, 3_600_000);
    const view = drawn(a);
    view.swap(b);
    await until(() => expect(view.layers()).toEqual(atOnce(b)));
    // Settled on b: the drawing of a, started first, never replaces it.
    for (let i = 0; i < 20; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
    expect(view.layers()).toEqual(atOnce(b));
  });
});
