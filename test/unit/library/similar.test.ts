import { describe, expect, it } from 'vitest';
import { reasonPhrases, similarIncidents } from '../../../shared/library';
import { FEB, inc, JAN, MAR, times } from './fixtures';

describe('similar incidents', () => {
  const err = { key: 'pat-1', template: 'timeout calling <*>', level: 'error' as const };
  const target = inc('t', {
    services: ['api', 'db'],
    patterns: [err],
    findings: [{ code: 'change-before-impact', component: 'api' }],
    causeCategories: ['process'],
  });

  it('ranks by shared traits, strongest first, with the reasons', () => {
    const found = similarIncidents(target, [
      target,
      // service api (2) + category (1) = 3
      inc('a', { services: ['api'], causeCategories: ['process'], keyTimes: times(MAR, null, null, null) }),
      // finding (4) + pattern (3) + service api (2) = 9
      inc('b', {
        services: ['api'],
        patterns: [err],
        findings: [{ code: 'change-before-impact', component: 'api' }],
      }),
      // service db (2) + category (1) = 3, older than a
      inc('c', { services: ['db'], causeCategories: ['process'], keyTimes: times(FEB, null, null, null) }),
      inc('d', { services: ['web'], causeCategories: ['people'] }),
    ]);
    expect(found.map((f) => [f.id, f.score])).toEqual([
      ['b', 9],
      ['a', 3],
      ['c', 3],
    ]);
    expect(reasonPhrases(found[0]!.reasons)).toEqual([
      'Same change finding: change-before-impact on api',
      'Same error log pattern: timeout calling <*>',
      'Same service: api',
    ]);
    expect(
      reasonPhrases([
        { kind: 'service', label: 'api' },
        { kind: 'service', label: 'db' },
        { kind: 'category', label: 'process' },
      ]),
    ).toEqual(['Same services: api, db', 'Same cause category: process']);
  });

  it('finds nothing for an incident with no traits, and respects the limit', () => {
    expect(similarIncidents(inc('empty'), [inc('x', { services: ['api'] })])).toEqual([]);
    const many = Array.from({ length: 8 }, (_, i) =>
      inc(`m${i}`, { services: ['api'], keyTimes: times(JAN + i, null, null, null) }),
    );
    const top = similarIncidents(target, many, 3);
    // Ties go to the most recent.
    expect(top.map((f) => f.id)).toEqual(['m7', 'm6', 'm5']);
  });
});
