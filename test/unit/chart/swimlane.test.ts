import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_KEY_TIMES } from '../../../shared/domain';
import { contrastRatio, inkFor } from '../../../shared/chart/contrast';
import { CHART_KIND_COLORS } from '../../../shared/chart/palette';
import { laneNames, placeMarksSteps } from '../../../shared/chart/marks';
import { CAUSE_KIND_COLORS } from '../../../shared/causes/style';
import {
  DensityAccumulator,
  hitTest,
  layoutSwimlane,
  runSteps,
  swimlaneSvg,
  swimlaneSvgLayers,
  timeAtX,
  timelineChartSvg,
  zonedTicks,
  type ChartEvent,
} from '../../../shared/chart';

const H = 3_600_000;
const T0 = Date.UTC(2014, 10, 19, 0, 0);
const e = (id: string, at: number, over: Partial<ChartEvent> = {}): ChartEvent => ({
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

describe('zonedTicks', () => {
  it('places ticks at round wall-clock times in the zone, labelled with the zone', () => {
    const ticks = zonedTicks(T0, T0 + 4 * H, 'America/Los_Angeles', 5);
    expect(ticks.map((t) => t.label)).toEqual(['Nov 18 16:00 PST', '17:00', '18:00', '19:00', '20:00']);
  });
  it('relabels the zone across a DST change and never repeats an instant', () => {
    const from = Date.UTC(2014, 10, 2, 7, 0); // 00:00 PDT
    const ticks = zonedTicks(from, from + 4 * H, 'America/Los_Angeles', 5);
    expect(ticks.map((t) => t.label)).toEqual(['Nov 2 00:00 PDT', '01:00', '02:00 PST', '03:00']);
    expect(new Set(ticks.map((t) => t.at)).size).toBe(ticks.length);
  });
});

describe('layoutSwimlane', () => {
  const events = [
    e('deploy', T0, { kind: 'change', service: 'deployer', key: true }),
    e('errors', T0 + H, { endAt: T0 + 2 * H, count: 500 }),
    e('page', T0 + 1.2 * H, { kind: 'detection', service: 'pager' }),
    e('fix', T0 + 2.5 * H, { kind: 'mitigation', service: 'deployer' }),
  ];
  const keyTimes = { ...EMPTY_KEY_TIMES, impactStartAt: T0 + H, mitigatedAt: T0 + 2.5 * H };
  it('makes lanes per service or kind, spans for folded events and phase bands', () => {
    const L = layoutSwimlane(events, { width: 900, laneBy: 'service', zone: 'UTC', keyTimes });
    expect(L.lanes).toEqual(['api', 'deployer', 'pager']);
    const span = L.marks.find((m) => m.eventId === 'errors');
    expect(span?.x2).not.toBeNull();
    expect(L.bands.map((b) => b.kind)).toEqual(['impact', 'mitigated']);
    expect(L.lines.map((l) => l.label)).toEqual(['Impact', 'Mitigated']);
    const byKind = layoutSwimlane(events, { width: 900, laneBy: 'kind', zone: 'UTC', keyTimes });
    expect(byKind.lanes).toEqual(['change', 'impact', 'detection', 'mitigation']);
  });
  it('keeps a key-time label at the right edge inside the chart', () => {
    const lastAt = T0 + 2.5 * H;
    const edge = { ...keyTimes, resolvedAt: lastAt };
    const L = layoutSwimlane(events, { width: 900, laneBy: 'service', zone: 'UTC', keyTimes: edge });
    const resolved = L.lines.find((l) => l.label === 'Resolved')!;
    expect(resolved.x + 3 + 'Resolved'.length * 7).toBeGreaterThan(L.width);
    const svg = swimlaneSvg(L);
    const x = Math.round((resolved.x - 3) * 10) / 10;
    expect(svg).toContain(`x="${x}" text-anchor="end" y=`);
    expect(svg).toMatch(/text-anchor="end"[^>]*>Resolved</);
    expect(svg).toMatch(/>Impact</);
    expect(svg).not.toMatch(/text-anchor="end"[^>]*>Impact</);
  });
  it('shares marks between nearby events so 100,000 events stay a few thousand shapes', () => {
    const many = Array.from({ length: 100_000 }, (_, i) =>
      e(`e${i}`, T0 + i * 1_000, { service: `svc${i % 30}` }),
    );
    const L = layoutSwimlane(many, {
      width: 1200,
      laneBy: 'service',
      zone: 'UTC',
      keyTimes: EMPTY_KEY_TIMES,
    });
    expect(L.lanes).toHaveLength(12);
    expect(L.lanes[11]).toBe('other');
    expect(L.marks.length).toBeLessThan(12 * 400);
    expect(L.marks.reduce((n, m) => n + m.n, 0)).toBe(100_000);
  });
  it('hit-tests marks and maps x back to time', () => {
    const L = layoutSwimlane(events, { width: 900, laneBy: 'service', zone: 'UTC', keyTimes });
    const fix = L.marks.find((m) => m.eventId === 'fix')!;
    const y = L.lanesTop + fix.lane * L.laneHeight + L.laneHeight / 2;
    expect(hitTest(L, fix.x + 2, y)?.eventId).toBe('fix');
    expect(hitTest(L, fix.x + 40, y)).toBeNull();
    expect(Math.abs(timeAtX(L, fix.x) - (T0 + 2.5 * H))).toBeLessThan(60_000);
  });
  it('draws the density strip with impact highlighted', () => {
    const density = { start: T0, bucketMs: 60_000, total: [10, 0, 30], impact: [0, 0, 15] };
    const L = layoutSwimlane(events, { width: 900, laneBy: 'service', zone: 'UTC', keyTimes, density });
    expect(L.densityMax).toBe(30);
    expect(L.density.some((d) => d.hImpact > 0)).toBe(true);
  });
});

describe('swimlaneSvg', () => {
  it('writes a self-contained SVG with escaped labels', () => {
    const svg = timelineChartSvg([e('x', T0, { service: '<script>alert(1)</script>' })], {
      width: 600,
      laneBy: 'service',
      zone: 'UTC',
      keyTimes: EMPTY_KEY_TIMES,
      title: 'A & B',
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('<title>A &amp; B</title>');
    expect(svg).toContain('data-event="x"');
    expect(svg.endsWith('</svg>')).toBe(true);
  });
  it('rings injected faults (not colour alone) and explains the ring in a legend', () => {
    const opts = { width: 600, laneBy: 'service' as const, zone: 'UTC', keyTimes: EMPTY_KEY_TIMES };
    const plain = timelineChartSvg([e('deploy', T0, { kind: 'change' })], opts);
    expect(plain).not.toContain('data-injected');
    expect(plain).not.toContain('injected fault');
    const svg = timelineChartSvg(
      [
        e('deploy', T0, { kind: 'change' }),
        e('fault', T0 + H, { kind: 'change', injected: true }),
        e('run', T0 + 2 * H, { kind: 'change', endAt: T0 + 3 * H, injected: true, service: 'fis' }),
      ],
      opts,
    );
    expect(svg).toContain('<circle data-injected="fault"');
    expect(svg).toContain('<rect data-injected="run"');
    expect(svg).not.toContain('data-injected="deploy"');
    expect(svg).toContain('>injected fault</text>');
    // A shared mark that holds an injected event is ringed too.
    const layout = layoutSwimlane([e('a', T0), e('b', T0 + 1, { injected: true }), e('z', T0 + 10 * H)], {
      ...opts,
      width: 400,
    });
    expect(layout.marks.find((m) => m.n === 2)?.injected).toBe(true);
    expect(swimlaneSvg(layout)).toContain('data-injected');
  });
  it('splits into layers of whole elements that stacked are the one document', () => {
    const kinds = ['change', 'impact', 'detection', 'mitigation', 'note'] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 10 * H }),
            span: fc.option(fc.integer({ min: 1, max: H })),
            kind: fc.constantFrom(...kinds),
            service: fc.constantFrom('api', 'db', 'edge'),
            injected: fc.boolean(),
          }),
          { maxLength: 300 },
        ),
        fc.integer({ min: 2, max: 500 }),
        (list, perLayer) => {
          const events = list
            .map((x, i) =>
              e(`e${i}`, T0 + x.at, {
                kind: x.kind,
                service: x.service,
                injected: x.injected,
                endAt: x.span === null ? null : T0 + x.at + x.span,
              }),
            )
            .sort((a, b) => a.at - b.at);
          const layout = layoutSwimlane(events, {
            width: 700,
            laneBy: 'service',
            zone: 'UTC',
            keyTimes: EMPTY_KEY_TIMES,
          });
          const whole = swimlaneSvg(layout);
          const layers = swimlaneSvgLayers(layout, undefined, perLayer);
          const open = whole.slice(0, whole.indexOf('>') + 1);
          const bodies = layers.map((l) => {
            expect(l.startsWith(open) && l.endsWith('</svg>')).toBe(true);
            return l.slice(open.length, -'</svg>'.length);
          });
          // The bodies joined are the document's body, and each holds at most perLayer elements.
          expect(`${open}${bodies.join('')}</svg>`).toBe(whole);
          for (const body of bodies.slice(0, -1))
            expect(body.match(/<(?!\/)/g)!.length).toBeGreaterThanOrEqual(perLayer);
          // Only the first layer paints the background: the others let the lower ones show.
          expect(bodies[0]).toContain('<title>');
          for (const body of bodies.slice(1)) expect(body).not.toContain(`<rect width="${layout.width}"`);
        },
      ),
      { numRuns: 60 },
    );
  });
  // Determinism (equal across processes, zones and locales): test/unit/determinism.
});

describe('DensityAccumulator', () => {
  it('counts records per minute with impact records apart, in any order', () => {
    const acc = new DensityAccumulator();
    acc.add(T0 + 125_000, true);
    acc.add(T0 + 5_000, false);
    acc.add(T0 + 130_000, false);
    const s = acc.finish()!;
    expect(s.start).toBe(T0);
    expect(Array.from(s.total)).toEqual([1, 0, 2]);
    expect(Array.from(s.impact)).toEqual([0, 0, 1]);
    expect(new DensityAccumulator().finish()).toBeNull();
  });
  it('coarsens long spans but keeps every record', () => {
    const acc = new DensityAccumulator();
    for (let i = 0; i < 1_000; i++) acc.add(T0 + i * 60_000, i % 2 === 0);
    const s = acc.finish(100)!;
    expect(s.bucketMs).toBe(600_000);
    expect(Array.from(s.total).reduce((a, b) => a + b, 0)).toBe(1_000);
    expect(Array.from(s.impact).reduce((a, b) => a + b, 0)).toBe(500);
  });
});

describe('kind chip text', () => {
  it('is black or white, whichever meets WCAG AA on every kind colour (events and causes)', () => {
    for (const [kind, colour] of [
      ...Object.entries(CHART_KIND_COLORS),
      ...Object.entries(CAUSE_KIND_COLORS),
    ]) {
      expect(contrastRatio(inkFor(colour), colour), `${kind} ${colour}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#fff')).toBe(1);
    // #767676 is the lightest grey that passes AA on white; #777777 just fails.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
    // White on the orange and pink kinds fails (the exported diagram's old choice).
    expect(contrastRatio('#ffffff', '#D55E00')).toBeLessThan(4.5);
    expect(contrastRatio('#ffffff', '#CC79A7')).toBeLessThan(4.5);
    expect(() => contrastRatio('red', '#fff')).toThrow(/not a #rgb/);
  });
});

describe('placeMarksSteps', () => {
  it('places the same marks whatever the slice between its pauses', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 6 * H }),
            span: fc.option(fc.integer({ min: 0, max: 2 * H })),
            kind: fc.constantFrom('change', 'impact', 'detection', 'note'),
            service: fc.constantFrom('api', 'db', 'cdn', null),
            key: fc.boolean(),
          }),
          { maxLength: 300 },
        ),
        fc.integer({ min: 1, max: 50 }),
        (rows, slice) => {
          const events = rows
            .map((r, i) =>
              e(`e${i}`, T0 + r.at, {
                endAt: r.span === null ? null : T0 + r.at + r.span,
                kind: r.kind as ChartEvent['kind'],
                service: r.service,
                key: r.key,
              }),
            )
            .sort((a, b) => a.at - b.at);
          const laneIndex = new Map(laneNames(events, 'service', 12).map((l, i) => [l, i]));
          const p = {
            laneBy: 'service' as const,
            laneIndex,
            from: T0,
            to: T0 + 8 * H,
            xOf: (t: number) => (t - T0) / 20_000,
          };
          const whole = runSteps(placeMarksSteps(events, p, Math.max(1, events.length)));
          const steps = placeMarksSteps(events, p, slice);
          let pauses = 0;
          let step = steps.next();
          while (!step.done) {
            pauses++;
            step = steps.next();
          }
          expect(step.value).toEqual(whole);
          expect(pauses).toBe(Math.max(0, Math.ceil(events.length / slice) - 1));
        },
      ),
    );
  });
});
