import { describe, expect, it } from 'vitest';
import {
  actionHealth,
  actionHealthState,
  computeTrends,
  dayStart,
  excludedWords,
  metricTrend,
  monthRange,
  quantile,
  recurringSignals,
  serviceVolume,
  spreadOf,
  summarizeIncident,
  topCategories,
} from '../../../shared/library';
import { createIncident } from '../../../shared/domain';
import { action, FEB, inc, JAN, MAR, MIN, times } from './fixtures';

describe('spread', () => {
  it('interpolates quartiles between ranks', () => {
    // [10, 20, 30, 40]: positions 0.75, 1.5, 2.25 → 17.5, 25, 32.5.
    expect(spreadOf([40, 10, 30, 20])).toEqual({
      count: 4,
      median: 25,
      p25: 17.5,
      p75: 32.5,
      min: 10,
      max: 40,
      mean: 25,
    });
    expect(quantile([5], 0.75)).toBe(5);
    expect(spreadOf([])).toBeNull();
  });
});

describe('response times', () => {
  const incidents = [
    inc('a', { keyTimes: times(JAN, 10, 30, 60), services: ['api', 'db'], severity: 'SEV1' }),
    inc('b', { keyTimes: times(JAN + 5 * MIN, 20, 40, 120), services: ['api'], severity: 'SEV2' }),
    inc('c', { keyTimes: times(FEB, 5, null, null), services: ['db'], severity: 'SEV2' }),
    // No impact start: excluded from all three.
    inc('d', { keyTimes: times(null, null, null, null), createdAt: FEB }),
    // Detected before the impact started: excluded from time to detect.
    inc('e', { keyTimes: times(MAR, -5, 15, 30), services: ['api'] }),
  ];

  it('computes time to detect per month, service and severity; excluded incidents are counted', () => {
    const t = metricTrend(incidents, 'ttd');
    // Measured: a 10, b 20, c 5 (minutes).
    expect(t.overall).toMatchObject({ count: 3, median: 10 * MIN, min: 5 * MIN, max: 20 * MIN });
    expect(t.byMonth.map((g) => [g.group, g.spread.count, g.spread.median / MIN])).toEqual([
      ['2026-01', 2, 15],
      ['2026-02', 1, 5],
    ]);
    expect(t.byService.map((g) => [g.group, g.spread.count, g.spread.median / MIN])).toEqual([
      ['api', 2, 15],
      ['db', 2, 7.5],
    ]);
    expect(t.bySeverity.map((g) => [g.group, g.spread.median / MIN])).toEqual([
      ['SEV1', 10],
      ['SEV2', 12.5],
    ]);
    expect(t.excluded).toEqual({ noImpactStart: 1, noEnd: 0, endBeforeStart: 1 });
    expect(excludedWords(t)).toEqual([
      '1 incident without an impact start',
      '1 incident with a detection time before the impact start',
    ]);
  });

  it('leaves out incidents without the end time and says how many', () => {
    const t = metricTrend(incidents, 'ttr');
    // Measured: a 60, b 120, e 30 → median 60; c has no recovery, d no impact start.
    expect(t.overall).toMatchObject({
      count: 3,
      median: 60 * MIN,
      p25: 45 * MIN,
      p75: 90 * MIN,
      mean: 70 * MIN,
    });
    expect(t.excluded).toEqual({ noImpactStart: 1, noEnd: 1, endBeforeStart: 0 });
    expect(excludedWords(t)).toContain('1 incident without a recovery time');
  });
});

describe('volume and categories', () => {
  it('counts incidents per service per month, empty months included', () => {
    const v = serviceVolume([
      inc('a', { keyTimes: times(JAN, null, null, null), services: ['api', 'db'] }),
      inc('b', { keyTimes: times(MAR, null, null, null), services: ['api'] }),
      inc('c', { createdAt: MAR }),
    ]);
    expect(v.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(v.incidentsPerMonth).toEqual([1, 0, 2]);
    expect(v.services).toEqual([
      { service: 'api', total: 2, perMonth: [1, 0, 1] },
      { service: 'db', total: 1, perMonth: [1, 0, 0] },
    ]);
    expect(v.withoutService).toBe(1);
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('ranks cause categories by incidents, then by causes', () => {
    expect(
      topCategories([
        inc('a', { causeCategories: ['process', 'process', 'technology'] }),
        inc('b', { causeCategories: ['technology'] }),
        inc('c', { causeCategories: ['people', 'people', 'people'] }),
      ]),
    ).toEqual([
      { category: 'technology', incidents: 2, causes: 2 },
      { category: 'people', incidents: 1, causes: 3 },
      { category: 'process', incidents: 1, causes: 2 },
    ]);
  });
});

describe('recurring signals', () => {
  it('keeps services, error patterns and change findings seen in two incidents or more', () => {
    const err = { key: 'pat-1', template: 'timeout calling <*>', level: 'error' as const };
    const info = { key: 'pat-2', template: 'GET /health 200', level: 'info' as const };
    const found = { code: 'change-before-impact' as const, component: 'api' };
    const s = recurringSignals([
      inc('a', {
        keyTimes: times(JAN, null, null, null),
        services: ['api'],
        patterns: [err, info],
        findings: [found],
      }),
      inc('b', {
        keyTimes: times(FEB, null, null, null),
        services: ['api', 'db'],
        patterns: [err, info],
        findings: [found],
      }),
      inc('c', { keyTimes: times(MAR, null, null, null), services: ['api', 'web'] }),
    ]);
    expect(s.map((x) => [x.kind, x.label, x.incidentIds])).toEqual([
      ['service', 'api', ['c', 'b', 'a']],
      ['finding', 'change-before-impact on api', ['b', 'a']],
      ['pattern', 'timeout calling <*>', ['b', 'a']],
    ]);
    expect(s[0]).toMatchObject({ firstAt: JAN, lastAt: MAR });
  });
});

describe('action-item health', () => {
  const today = '2026-03-10';
  it('classifies open, overdue, done in time, done late', () => {
    expect(actionHealthState(action({ dueDate: '2026-03-09' }), today)).toBe('overdue');
    expect(actionHealthState(action({ dueDate: '2026-03-10' }), today)).toBe('open');
    expect(
      actionHealthState(
        action({ status: 'done', dueDate: '2026-03-01', completedAt: Date.UTC(2026, 2, 1, 12) }),
        today,
        'UTC',
      ),
    ).toBe('done-in-time');
    expect(
      actionHealthState(
        action({ status: 'done', dueDate: '2026-03-01', completedAt: Date.UTC(2026, 2, 2, 1) }),
        today,
        'UTC',
      ),
    ).toBe('done-late');
    expect(actionHealthState(action({ status: 'done' }), today)).toBe('done');
    expect(actionHealthState(action({ status: 'wont-do', dueDate: '2026-01-01' }), today)).toBe('wont-do');
  });

  it('counts per owner and per priority and lists the open items, overdue first', () => {
    const h = actionHealth(
      [
        inc('a', {
          actions: [
            action({ id: '1', owner: 'ana', priority: 'P0', dueDate: '2026-03-20' }),
            action({ id: '2', owner: 'ana', priority: 'P1', dueDate: '2026-03-01' }),
            action({
              id: '3',
              owner: '',
              priority: 'P1',
              status: 'done',
              dueDate: '2026-03-05',
              completedAt: Date.UTC(2026, 2, 4),
            }),
          ],
        }),
      ],
      today,
      'UTC',
    );
    expect(h.total).toMatchObject({ open: 1, overdue: 1, 'done-in-time': 1, 'done-late': 0 });
    expect(h.byOwner.map((r) => [r.group, r.total, r.counts.overdue])).toEqual([
      ['ana', 2, 1],
      ['Unassigned', 1, 0],
    ]);
    expect(h.byPriority.map((r) => [r.group, r.total])).toEqual([
      ['P0', 1],
      ['P1', 2],
    ]);
    expect(h.openItems.map((o) => [o.action.id, o.overdue])).toEqual([
      ['2', true],
      ['1', false],
    ]);
  });
});

describe('periods and summaries', () => {
  it('filters by the incident date (impact start, else detection, else creation)', () => {
    const all = [
      inc('a', { keyTimes: times(JAN, null, null, null) }),
      inc('b', { createdAt: FEB }),
      inc('c', { keyTimes: times(MAR, null, null, null) }),
    ];
    const r = computeTrends(
      all,
      { from: dayStart('2026-02-01'), to: dayStart('2026-03-10', true) },
      '2026-03-10',
    );
    expect(r.incidentCount).toBe(2);
    expect(dayStart('2026-02-30')).toBeNull();
    expect(dayStart('2026-03-10', true)).toBe(Date.UTC(2026, 2, 11));
  });

  it('summarises an incident: root node, blank categories and duplicates left out', () => {
    const incident = createIncident({ id: 'x', now: JAN, services: ['api', ' api ', 'db'] });
    const s = summarizeIncident({
      incident,
      causes: [
        { parentId: null, category: 'process' },
        { parentId: 'r', category: 'technology' },
        { parentId: 'r', category: ' ' },
        { parentId: 'r', category: null },
      ],
      actions: [],
      imports: [
        {
          findings: [
            {
              code: 'unstaged-rollout',
              at: 0,
              message: '',
              change: null,
              components: ['api', 'api'],
              regions: [],
              eventIds: [],
            },
          ],
        },
      ],
      patterns: [
        { patternKey: 'pat-1', template: 't', level: 'error' },
        { patternKey: 'pat-1', template: 't', level: 'error' },
      ],
    });
    expect(s.services).toEqual(['api', 'db']);
    expect(s.causeCategories).toEqual(['technology']);
    expect(s.findings).toEqual([{ code: 'unstaged-rollout', component: 'api' }]);
    expect(s.patterns).toHaveLength(1);
  });
});
