import { describe, expect, it } from 'vitest';
import { MAX_SOURCES_PER_EVENT } from '../../../shared/domain';
import { createRecordMatcher, mergeEvents, splitEvent } from '../../../shared/timeline-edit';
import { ev, rec } from './helpers';

const src = (file: string, from: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({ file, line: from + i }));

describe('mergeEvents', () => {
  it('combines counts, sources and span; keeps the earliest kind and title', () => {
    const a = ev({
      id: 'a',
      at: 2_000,
      endAt: 9_000,
      kind: 'impact',
      title: 'errors',
      count: 40,
      sources: src('a.log', 1, 3),
      service: 'api',
    });
    const b = ev({
      id: 'b',
      at: 1_000,
      kind: 'change',
      title: 'deploy',
      count: 2,
      sources: src('b.log', 5, 2),
      service: 'api',
      key: true,
    });
    const m = mergeEvents([a, b], { id: 'm', now: 7 });
    expect(m).toMatchObject({
      id: 'm',
      at: 1_000,
      endAt: 9_000,
      kind: 'change',
      title: 'deploy',
      count: 42,
      service: 'api',
      key: true,
    });
    expect(m.sources).toEqual([...src('b.log', 5, 2), ...src('a.log', 1, 3)]);
    expect(m.detail).toContain('• errors');
  });
  it('deduplicates and caps sources while the count keeps the true total', () => {
    const a = ev({ id: 'a', at: 0, count: 45, sources: src('x.log', 1, 45) });
    const b = ev({ id: 'b', at: 1, count: 45, sources: src('x.log', 20, 45) });
    const m = mergeEvents([a, b], { id: 'm', now: 0 });
    expect(m.count).toBe(90);
    expect(m.sources).toHaveLength(MAX_SOURCES_PER_EVENT);
    expect(new Set(m.sources.map((s) => s.line)).size).toBe(MAX_SOURCES_PER_EVENT);
  });
  it('lists differing services and regions, and refuses a single event', () => {
    const m = mergeEvents(
      [
        ev({ id: 'a', at: 0, service: 'api', region: null }),
        ev({ id: 'b', at: 0, service: 'db', region: null }),
      ],
      { id: 'm', now: 0 },
    );
    expect(m.service).toBe('api, db');
    expect(m.region).toBeNull();
    expect(m.endAt).toBeNull();
    expect(() => mergeEvents([ev({ id: 'a', at: 0 })], { id: 'm', now: 0 })).toThrow(/at least two/);
  });
});

describe('split accounting', () => {
  const folded = ev({
    id: 'f',
    at: 1_000,
    endAt: 5_000,
    kind: 'impact',
    title: 'timeout after <dur> to <ip>',
    service: 'api',
    region: 'us-west',
    count: 4,
    sources: [{ file: 'app.log', line: 1 }],
    importId: 'imp',
  });
  const records = [
    rec(1_000, 'timeout after 30s to 10.0.0.7', 1),
    rec(2_000, 'timeout after 12s to 10.0.0.9', 2),
    rec(3_000, 'timeout after 9s to 10.0.0.1', 3, { service: 'db' }), // other service: not this event
    rec(4_000, 'connection reset', 4), // other template
    rec(6_000, 'timeout after 1s to 10.0.0.2', 5), // after the span
    rec(4_500, 'timeout after 2s to 10.0.0.3', 6),
  ];
  it('matches the records behind a folded event by span, source and template', () => {
    const found = records.filter(createRecordMatcher(folded));
    expect(found.map((r) => r.source.line)).toEqual([1, 2, 6]);
  });
  it('splits into one event per found record and reports what is missing', () => {
    const found = records.filter(createRecordMatcher(folded));
    let n = 0;
    const result = splitEvent(folded, found, { newId: () => `p${n++}`, now: 9 });
    expect(result.found).toBe(3);
    expect(result.missing).toBe(1);
    expect(result.events.reduce((s, e) => s + e.count, 0)).toBe(3);
    expect(result.events.map((e) => e.at)).toEqual([1_000, 2_000, 4_500]);
    expect(result.events[0]).toMatchObject({
      id: 'p0',
      kind: 'impact',
      title: 'timeout after 30s to 10.0.0.7',
      endAt: null,
      sources: [{ file: 'app.log', line: 1 }],
      importId: 'imp',
    });
  });
  it('merge then split restores the total count', () => {
    const rs = [rec(1_000, 'disk full on sda1', 10), rec(2_000, 'disk full on sda2', 11)];
    const a = ev({
      id: 'a',
      at: 1_000,
      kind: 'impact',
      title: 'disk full on sda1',
      service: 'api',
      region: 'us-west',
      sources: [rs[0]!.source],
    });
    const b = ev({
      id: 'b',
      at: 2_000,
      kind: 'impact',
      title: 'disk full on sda2',
      service: 'api',
      region: 'us-west',
      sources: [rs[1]!.source],
    });
    const m = mergeEvents([a, b], { id: 'm', now: 0 });
    const parts = splitEvent(m, rs.filter(createRecordMatcher(m)), { newId: () => 'x', now: 0 });
    expect(parts.events.reduce((s, e) => s + e.count, 0)).toBe(m.count);
    expect(parts.missing).toBe(0);
  });
});
