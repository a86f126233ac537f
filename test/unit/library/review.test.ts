import { describe, expect, it } from 'vitest';
import { DARK_CHART, LIGHT_CHART } from '../../../shared/chart';
import {
  computeTrends,
  countStep,
  durationFigure,
  figureCsv,
  learningReviewHtml,
  learningReviewMarkdown,
  periodText,
  stackedBarsSvg,
  volumeFigure,
} from '../../../shared/library';
import { parseRoute, routeHash } from '../../../renderer/routing/route';
import { action, FEB, inc, JAN, times } from './fixtures';

const HOSTILE = '<img src=x onerror=alert(1)> | =cmd';
const incidents = [
  inc('a', {
    title: HOSTILE,
    keyTimes: times(JAN, 10, 30, 60),
    services: [HOSTILE, 'api'],
    actions: [action({ title: 'Add alert', dueDate: '2026-01-20' })],
  }),
  inc('b', { keyTimes: times(FEB, 20, null, null), services: ['api'] }),
];
const report = computeTrends(incidents, { from: null, to: null }, '2026-03-01');
const titleOf = (id: string) => incidents.find((i) => i.id === id)?.title ?? id;

describe('figures, CSV and the learning review', () => {
  it('a figure table holds the spread; its CSV has minutes and neutralised cells', () => {
    const f = durationFigure(report, 'ttd', 'service');
    expect(f.table.rows).toContainEqual([
      'api',
      2,
      15 * 60_000,
      12.5 * 60_000,
      17.5 * 60_000,
      10 * 60_000,
      20 * 60_000,
    ]);
    const csv = figureCsv(f.table).split('\r\n');
    expect(csv[0]).toBe(
      'Service,Incidents,Median (minutes),25th percentile (minutes),75th percentile (minutes),Min (minutes),Max (minutes)',
    );
    expect(csv).toContain('api,2,15,12.5,17.5,10,20');
    // A service name that could start a formula is made inert.
    expect(figureCsv(volumeFigure(report).table)).not.toMatch(/,=cmd/);
  });

  it('charts escape their labels and follow the theme', () => {
    const light = stackedBarsSvg(
      'T',
      [{ label: HOSTILE, values: [2, 1] }],
      [
        { name: 'x', color: '#000000' },
        { name: 'y', color: '#ffffff' },
      ],
    );
    expect(light).not.toContain('<img');
    expect(light).toContain('&lt;img');
    expect(light).toContain(`fill="${LIGHT_CHART.background}"`);
    const dark = durationFigure(report, 'ttd', 'month').svg!(DARK_CHART, { titled: false });
    expect(dark).toContain(`fill="${DARK_CHART.background}"`);
    expect(dark).toContain('<title>Time to detect (MTTD) by month</title>');
  });

  it('writes the review in Markdown and HTML with the notes, signals and open follow-ups, escaped', () => {
    const opts = { title: 'Learning review: Q1', generatedAt: Date.UTC(2026, 3, 1) };
    const md = learningReviewMarkdown(report, titleOf, opts);
    expect(md).toContain('# Learning review: Q1');
    expect(md).toContain('- MTTM: 1 incident without a mitigation time');
    expect(md).toContain('| Service | api | 2 |');
    expect(md).toContain('## Open follow-ups');
    expect(md).toContain('Add alert');
    // Markdown escapes by backslash (shared/export escapeMarkdown): no bare tag is left.
    expect(md).toContain('\\<img');
    expect(md).not.toMatch(/[^\\]<img/);
    const html = learningReviewHtml(report, titleOf, opts);
    expect(html).not.toContain('<img');
    expect(html).toContain('<section data-figure="recurring-signals">');
    expect(html).toMatch(/<figure class="chart"><svg/);
  });

  it('says the period in words, `to` being exclusive', () => {
    expect(periodText({ from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 3, 1) })).toBe(
      '2026-01-01 to 2026-03-31',
    );
    expect(periodText({ from: null, to: null })).toBe('all time');
  });

  it('routes #/trends', () => {
    expect(parseRoute('#/trends')).toEqual({ name: 'trends' });
    expect(routeHash({ name: 'trends' })).toBe('#/trends');
    expect(parseRoute('#/trends/x')).toEqual({ name: 'list' });
  });
});

describe('chart axes', () => {
  it('count axes step by whole numbers; labels never drift', () => {
    expect(countStep(3, 16)).toBe(1);
    expect(countStep(40, 8)).toBe(5);
    expect(countStep(1000, 10)).toBe(100);
    const svg = stackedBarsSvg(
      'T',
      [{ label: 'a', values: [3] }],
      [{ name: 'x', color: '#000000' }],
      LIGHT_CHART,
      {
        width: 1200,
      },
    );
    const labels = [...svg.matchAll(/text-anchor="middle"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(labels).toEqual(['0', '1', '2', '3']);
  });
});
