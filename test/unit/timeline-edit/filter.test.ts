import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER,
  compileFilter,
  describeFilter,
  isFilterEmpty,
  phaseMetrics,
  searchText,
  withKeyTime,
  type KeyTimeState,
} from '../../../shared/timeline-edit';
import { EMPTY_KEY_TIMES } from '../../../shared/domain';
import { ev } from './helpers';

const events = [
  ev({
    id: 'a',
    at: 0,
    kind: 'impact',
    title: 'API 500s spike',
    service: 'api',
    region: 'us-west',
    key: true,
  }),
  ev({ id: 'b', at: 10, kind: 'change', title: 'Deploy 42', service: 'deployer', region: null }),
  ev({
    id: 'c',
    at: 20,
    kind: 'impact',
    title: 'Storage timeouts',
    service: 'storage',
    region: 'eu',
    detail: 'blob api slow',
  }),
];
const run = (f: Partial<typeof EMPTY_FILTER>) => {
  const p = compileFilter({ ...EMPTY_FILTER, ...f });
  return events.filter((e) => p(e, () => searchText(e))).map((e) => e.id);
};

describe('timeline filter', () => {
  it('filters by kind, service, region, key and words (all must match)', () => {
    expect(run({})).toEqual(['a', 'b', 'c']);
    expect(run({ kinds: ['impact'] })).toEqual(['a', 'c']);
    expect(run({ services: ['deployer'] })).toEqual(['b']);
    expect(run({ regions: [''] })).toEqual(['b']);
    expect(run({ keyOnly: true })).toEqual(['a']);
    expect(run({ text: 'API' })).toEqual(['a', 'c']);
    expect(run({ text: 'api slow' })).toEqual(['c']);
    expect(run({ range: { from: 5, to: 15 } })).toEqual(['b']);
  });
  it('shows injected faults with the rest, alone, or hides them', () => {
    const mixed = [
      ev({
        id: 'fault',
        at: 0,
        kind: 'change',
        title: 'Fault aws:ec2:stop-instances started',
        injected: true,
      }),
      ev({ id: 'deploy', at: 5, kind: 'change', title: 'Deploy 42' }),
      ev({ id: 'flag-false', at: 9, kind: 'impact', title: 'API 500s', injected: false }),
    ];
    const pick = (injected: 'all' | 'only' | 'hide') => {
      const p = compileFilter({ ...EMPTY_FILTER, injected });
      return mixed.filter((e) => p(e, () => searchText(e))).map((e) => e.id);
    };
    expect(pick('all')).toEqual(['fault', 'deploy', 'flag-false']);
    expect(pick('only')).toEqual(['fault']);
    expect(pick('hide')).toEqual(['deploy', 'flag-false']);
    expect(isFilterEmpty({ ...EMPTY_FILTER, injected: 'hide' })).toBe(false);
    expect(describeFilter({ ...EMPTY_FILTER, injected: 'only' }, String)).toEqual([
      { key: 'injected', label: 'Injected faults only' },
    ]);
    expect(describeFilter({ ...EMPTY_FILTER, injected: 'hide' }, String)[0]?.label).toBe(
      'Injected faults hidden',
    );
  });
  it('describes itself for the chips and knows when it is empty', () => {
    expect(isFilterEmpty(EMPTY_FILTER)).toBe(true);
    const f = { ...EMPTY_FILTER, kinds: ['impact' as const], text: ' api ', keyOnly: true };
    expect(isFilterEmpty(f)).toBe(false);
    expect(describeFilter(f, String).map((c) => c.label)).toEqual([
      'Kind: impact',
      'Key events only',
      'Text: “api”',
    ]);
  });
});

describe('key times from the timeline', () => {
  it('sets a key time with origin "timeline" and recomputes TTD/TTM/TTR', () => {
    let s: KeyTimeState = { keyTimes: { ...EMPTY_KEY_TIMES }, keyTimeOrigins: { detectedAt: 'manual' } };
    s = withKeyTime(s, 'impactStartAt', 1_000);
    s = withKeyTime(s, 'detectedAt', 61_000);
    s = withKeyTime(s, 'mitigatedAt', 601_000);
    expect(s.keyTimeOrigins).toEqual({
      impactStartAt: 'timeline',
      detectedAt: 'timeline',
      mitigatedAt: 'timeline',
    });
    expect(phaseMetrics(s.keyTimes)).toEqual({ ttd: 60_000, ttm: 600_000, ttr: null });
    s = withKeyTime(s, 'mitigatedAt', null);
    expect(s.keyTimeOrigins).not.toHaveProperty('mitigatedAt');
    expect(phaseMetrics(s.keyTimes).ttm).toBeNull();
  });
});
