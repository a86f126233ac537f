import { describe, expect, it } from 'vitest';
import { foldRecords, adaptiveGap } from '../../../shared/timeline/fold';
import { messageTemplate } from '../../../shared/timeline/template';
import { DEFAULT_FOLD_OPTIONS } from '../../../shared/timeline/types';
import { MAX_SOURCES_PER_EVENT } from '../../../shared/domain';
import type { EventKind } from '../../../shared/domain';
import { MIN, T0 } from './helpers';

function rec(
  at: number,
  message: string,
  extra: { kind?: EventKind; service?: string; region?: string; line?: number; file?: string } = {},
) {
  return {
    at,
    kind: extra.kind ?? ('impact' as EventKind),
    service: extra.service ?? 'api',
    region: extra.region ?? 'eu',
    message,
    repeat: 1,
    endAt: null,
    source: { file: extra.file ?? 'a.log', line: extra.line ?? 1 },
  };
}

describe('messageTemplate', () => {
  it('masks variable parts readably', () => {
    expect(messageTemplate('timeout after 30s to 10.0.0.7:443 req 0f3a9c2d1e')).toBe(
      'timeout after <dur> to <ip> req <hex>',
    );
    expect(messageTemplate('user "bob" id 123e4567-e89b-12d3-a456-426614174000 took 12 ms')).toBe(
      'user "…" id <uuid> took <n> ms',
    );
    expect(messageTemplate("can't reach db-7")).toBe("can't reach <id>");
    expect(messageTemplate('VM vm-cabac lost its disk')).toBe('VM <id> lost its disk');
  });
});

describe('foldRecords', () => {
  it('folds a trickling failure over hours into one event per service and region', () => {
    const records = [];
    for (let i = 0; i < 30; i++)
      records.push(rec(T0 + i * 12 * MIN, `timeout to 10.0.0.${i} after ${i}s`, { line: i + 1 }));
    for (let i = 0; i < 30; i++)
      records.push(
        rec(T0 + i * 12 * MIN + 5, `timeout to 10.0.1.${i} after ${i}s`, { region: 'us', line: 100 + i }),
      );
    const events = foldRecords(records);
    expect(events).toHaveLength(2);
    const eu = events.find((e) => e.region === 'eu')!;
    expect(eu.count).toBe(30);
    expect(eu.at).toBe(T0);
    expect(eu.endAt).toBe(T0 + 29 * 12 * MIN);
    expect(eu.title).toBe('timeout to <ip> after <dur>');
  });

  it('splits a group at a pause far longer than its usual gap', () => {
    const records = [];
    for (let i = 0; i < 20; i++) records.push(rec(T0 + i * 1000, 'disk full', { line: i + 1 }));
    for (let i = 0; i < 20; i++)
      records.push(rec(T0 + 3 * 3_600_000 + i * 1000, 'disk full', { line: 50 + i }));
    const events = foldRecords(records);
    expect(events.map((e) => e.count)).toEqual([20, 20]);
    expect(events[0]!.title).toBe('disk full');
  });

  it('keeps kinds, services and templates apart and drops log records', () => {
    const events = foldRecords([
      rec(T0, 'deploy v1', { kind: 'change' }),
      rec(T0, 'deploy v1', { kind: 'impact' }),
      rec(T0, 'deploy v1', { kind: 'impact', service: 'db' }),
      rec(T0, 'something else', { kind: 'impact' }),
      rec(T0, 'noise', { kind: 'log' }),
    ]);
    expect(events).toHaveLength(4);
    expect(events.reduce((n, e) => n + e.count, 0)).toBe(4);
  });

  it('sorts out-of-order input, caps sources and gives stable ids', () => {
    const records = [];
    for (let i = 99; i >= 0; i--) records.push(rec(T0 + i * 1000, `err ${i}`, { line: 100 - i }));
    const a = foldRecords(records);
    const b = foldRecords([...records].reverse());
    expect(a).toHaveLength(1);
    expect(a[0]!.sources).toHaveLength(MAX_SOURCES_PER_EVENT);
    expect(a[0]!.sources[0]).toEqual({ file: 'a.log', line: 100 });
    expect(a[0]!.id).toBe(b[0]!.id);
    expect(a[0]!.endAt).toBe(T0 + 99_000);
  });

  it('uses a single record as is, with endAt null', () => {
    const [e] = foldRecords([rec(T0, 'boom')]);
    expect(e).toMatchObject({ count: 1, endAt: null, title: 'boom' });
  });
});

describe('adaptiveGap', () => {
  it('grows with sparse groups and is clamped', () => {
    const dense = Array.from({ length: 100 }, (_, i) => i * 1000);
    const sparse = Array.from({ length: 100 }, (_, i) => i * 20 * MIN);
    expect(adaptiveGap(dense, DEFAULT_FOLD_OPTIONS)).toBe(DEFAULT_FOLD_OPTIONS.minGapMs);
    expect(adaptiveGap(sparse, DEFAULT_FOLD_OPTIONS)).toBe(80 * MIN);
    expect(adaptiveGap([0, 10 * 3_600_000, 20 * 3_600_000], DEFAULT_FOLD_OPTIONS)).toBe(
      DEFAULT_FOLD_OPTIONS.maxGapMs,
    );
  });
});
