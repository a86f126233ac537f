import { describe, expect, it } from 'vitest';
import { EMPTY_KEY_TIMES, type KeyTimes } from '../../../shared/domain';
import {
  DARK_CHART,
  LIGHT_CHART,
  contrastRatio,
  layoutSwimlane,
  swimlaneSvg,
  type ChartEvent,
  type ChartTheme,
} from '../../../shared/chart';

const M = 60_000;
const T0 = Date.UTC(2014, 10, 19, 0, 0);
const ev = (id: string, at: number, over: Partial<ChartEvent> = {}): ChartEvent => ({
  id,
  at,
  endAt: null,
  kind: 'impact',
  title: id,
  service: 'api',
  count: 1,
  key: false,
  ...over,
});
const events = [ev('a', T0), ev('b', T0 + 600 * M, { kind: 'log' })];

/** Key-time labels as drawn: their row (y) and horizontal extent at 7 px a character. */
function drawnLabels(svg: string): { label: string; y: number; left: number; right: number }[] {
  const re = /<text x="([\d.]+)"( text-anchor="end")? y="([\d.]+)"[^>]*font-weight="600">([^<]+)<\/text>/g;
  return [...svg.matchAll(re)]
    .filter((m) => m[4] !== undefined && !m[4].startsWith('Chart'))
    .map((m) => {
      const x = Number(m[1]);
      const w = m[4]!.length * 7;
      return { label: m[4]!, y: Number(m[3]), left: m[2] ? x - w : x, right: m[2] ? x : x + w };
    });
}

describe('key-time labels', () => {
  // Impact, Detected and Mitigated minutes apart; Recovered and Resolved together at the end.
  const kt: KeyTimes = {
    ...EMPTY_KEY_TIMES,
    impactStartAt: T0 + 100 * M,
    detectedAt: T0 + 103 * M,
    mitigatedAt: T0 + 110 * M,
    recoveredAt: T0 + 590 * M,
    resolvedAt: T0 + 598 * M,
  };
  for (const width of [720, 1100, 1800]) {
    it(`never overprint each other at ${width} px (the app and the export)`, () => {
      const svg = swimlaneSvg(
        layoutSwimlane(events, { width, laneBy: 'service', zone: 'UTC', keyTimes: kt, title: 'Chart' }),
      );
      const labels = drawnLabels(svg);
      expect(labels.map((l) => l.label).sort()).toEqual([
        'Detected',
        'Impact',
        'Mitigated',
        'Recovered',
        'Resolved',
      ]);
      for (const a of labels)
        for (const b of labels)
          if (a !== b && a.y === b.y)
            expect(a.right <= b.left || b.right <= a.left, `${a.label} / ${b.label}`).toBe(true);
      for (const l of labels) {
        expect(l.left).toBeGreaterThanOrEqual(0);
        expect(l.right).toBeLessThanOrEqual(width);
        // Clear of the chart title's line (baseline 14).
        expect(l.y).toBeGreaterThanOrEqual(30);
      }
    });
  }
});

describe('density strip', () => {
  it('draws each bar across its bin, not at its start', () => {
    const from = T0;
    const to = T0 + 60 * M;
    const density = { start: T0, bucketMs: 10 * M, total: [5, 9, 2, 0, 7, 1], impact: [0, 3, 0, 0, 0, 0] };
    const L = layoutSwimlane(events, {
      width: 900,
      laneBy: 'service',
      zone: 'UTC',
      keyTimes: EMPTY_KEY_TIMES,
      from,
      to,
      density,
    });
    const xOf = (t: number) => L.plotLeft + ((t - from) / (to - from)) * (L.plotRight - L.plotLeft);
    const binPx = xOf(T0 + 10 * M) - xOf(T0);
    expect(L.density).toHaveLength(5);
    const filled = [0, 1, 2, 4, 5];
    L.density.forEach((bar, i) => {
      const bin = filled[i]!;
      const centre = xOf(T0 + (bin + 0.5) * 10 * M);
      expect(Math.abs(bar.x + bar.w / 2 - centre)).toBeLessThan(1);
      expect(bar.w).toBeGreaterThan(binPx - 2);
    });
  });
  it('sums bins narrower than the columns without losing records', () => {
    const total = Array.from({ length: 1_000 }, (_, i) => (i % 3) + 1);
    const density = { start: T0, bucketMs: M, total, impact: total.map(() => 0) };
    const L = layoutSwimlane(events, {
      width: 600,
      laneBy: 'service',
      zone: 'UTC',
      keyTimes: EMPTY_KEY_TIMES,
      from: T0,
      to: T0 + 1_000 * M,
      density,
    });
    expect(L.density.length).toBeLessThanOrEqual(Math.ceil((L.plotRight - L.plotLeft) / 2) + 1);
    for (let i = 1; i < L.density.length; i++)
      expect(L.density[i]!.x).toBeGreaterThanOrEqual(L.density[i - 1]!.x + L.density[i - 1]!.w);
  });
});

describe('an empty chart', () => {
  it('says there is nothing to show instead of an axis at the epoch ("Jan 1 00:00")', () => {
    const L = layoutSwimlane([], { width: 900, laneBy: 'service', zone: 'UTC', keyTimes: EMPTY_KEY_TIMES });
    const svg = swimlaneSvg(L);
    expect(svg).not.toMatch(/Jan 1|1970/);
    expect(L.ticks).toEqual([]);
    expect(svg).toContain('No events to show');
  });
});

describe('chart themes', () => {
  const check = (t: ChartTheme) => {
    expect(contrastRatio(t.ink, t.background)).toBeGreaterThanOrEqual(7);
    expect(contrastRatio(t.muted, t.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(t.faint, t.background)).toBeGreaterThanOrEqual(3);
    // Marks are graphics: 3:1 against the background (WCAG 1.4.11), the log kind included.
    for (const [kind, c] of Object.entries(t.kinds))
      if (kind !== 'note' && kind !== 'recovery')
        expect(contrastRatio(c, t.background), kind).toBeGreaterThanOrEqual(3);
  };
  it('the dark chart is dark, with readable text and visible log marks', () => {
    check(DARK_CHART);
    const svg = swimlaneSvg(
      layoutSwimlane(events, { width: 900, laneBy: 'service', zone: 'UTC', keyTimes: EMPTY_KEY_TIMES }),
      DARK_CHART,
    );
    expect(svg).toContain(`fill="${DARK_CHART.background}"`);
    expect(svg).not.toContain('fill="#ffffff"');
    expect(svg).toContain(`fill="${DARK_CHART.kinds.log}"`);
  });
  it('the light chart (exports) keeps its paper colours', () => {
    expect(contrastRatio(LIGHT_CHART.ink, LIGHT_CHART.background)).toBeGreaterThanOrEqual(7);
    expect(contrastRatio(LIGHT_CHART.muted, LIGHT_CHART.background)).toBeGreaterThanOrEqual(4.5);
  });
});
