// The text of a pack of events by columns: decoding must give exactly what the array of objects
// gave (the same values, the same keys in the same order), for events in any key order, with
// fields a later build added, with and without the optional flag; a damaged text is refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventDefaults, EVENT_KINDS, type TimelineEvent } from '../../../shared/domain';
import { decodePack, encodePack } from '../../../renderer/db/eventPackCodec';

const RUNS = Number(process.env.FC_RUNS ?? 100);

function event(i: number, over: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    ...eventDefaults(),
    id: `ev-${i}`,
    incidentId: 'inc-7f1c2a9e',
    at: 1_416_000_000_000 + i * 1_000,
    kind: 'log',
    title: `disk latency high on node-${i % 17} #${i}`,
    sources: [{ file: 'app.log', line: i * 10 + 1 }],
    service: 'storage',
    importId: 'imp-1a2b',
    createdAt: 1,
    updatedAt: 1,
    ...over,
  };
}

const decoded = (json: string): TimelineEvent[] | null => {
  const out: TimelineEvent[] = [];
  return decodePack(json, out) ? out : null;
};

/** What the array-of-objects text gave: the reference. */
const viaJson = (events: readonly object[]) => JSON.parse(JSON.stringify(events)) as TimelineEvent[];

const label = fc.option(fc.string({ maxLength: 8 }), { nil: null });
const time = fc.integer({ min: -8.64e15, max: 8.64e15 });
const arbEvent = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 6 }),
    incidentId: fc.constantFrom('inc', 'other'),
    at: time,
    endAt: fc.option(time, { nil: null }),
    kind: fc.constantFrom(...EVENT_KINDS),
    title: fc.string({ maxLength: 12 }),
    detail: fc.constantFrom('', 'stack trace\n  at x'),
    service: label,
    region: label,
    count: fc.integer({ min: 1, max: 5 }),
    sources: fc.array(fc.record({ file: fc.constantFrom('a.log', 'b.log'), line: fc.nat(99) }), {
      maxLength: 2,
    }),
    key: fc.boolean(),
    tags: fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }),
    importId: fc.option(fc.constantFrom('imp-1', 'imp-2'), { nil: null }),
    createdAt: fc.constantFrom(1, 2),
    updatedAt: fc.integer({ min: 1, max: 3 }),
  })
  .chain((e) =>
    fc
      .record({
        // Absent, present, or present as undefined (which JSON leaves out).
        injected: fc.constantFrom('absent', true, false, undefined),
        // A field a later build added, kept by rows and packs alike.
        extra: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
        order: fc.shuffledSubarray(Object.keys(e), { minLength: Object.keys(e).length }),
        canonical: fc.boolean(),
      })
      .map(({ injected, extra, order, canonical }) => {
        const out: Record<string, unknown> = {};
        for (const k of canonical ? Object.keys(e) : order) out[k] = e[k as keyof typeof e];
        if (injected !== 'absent') out.injected = injected;
        if (extra !== undefined) out.future = extra;
        return out as TimelineEvent;
      }),
  );

describe('event pack text', () => {
  it('decodes to exactly the array-of-objects text: values, key order, absent keys', () => {
    fc.assert(
      fc.property(fc.array(arbEvent, { maxLength: 40 }), (events) => {
        const got = decoded(encodePack(events));
        expect(got).not.toBeNull();
        expect(JSON.stringify(got)).toBe(JSON.stringify(viaJson(events)));
        expect(got).toEqual(viaJson(events));
      }),
      { numRuns: RUNS },
    );
  });

  it('writes each value once where every event has the same, and half the text of objects', () => {
    const events = Array.from({ length: 2_000 }, (_, i) => event(i));
    const text = encodePack(events);
    expect(text.length).toBeLessThan(JSON.stringify(events).length * 0.5);
    expect(text.split('inc-7f1c2a9e').length - 1).toBe(1);
    expect(text.split('imp-1a2b').length - 1).toBe(1);
    const got = decoded(text)!;
    expect(JSON.stringify(got)).toBe(JSON.stringify(events));
    // No two events share an array (an edit of one event's tags must not change another's).
    expect(got[0]!.tags).not.toBe(got[1]!.tags);
    expect(got[0]!.sources).not.toBe(got[1]!.sources);
  });

  it('keeps a number that is not finite as JSON did (null) and -0 as 0', () => {
    const events = [event(1, { count: -0 }), event(2, { count: -0 })];
    expect(JSON.stringify(decoded(encodePack(events)))).toBe(JSON.stringify(events));
    const odd = [event(1), event(2)].map((e) => ({ ...e, future: Number.NaN }));
    expect(decoded(encodePack(odd))).toEqual(viaJson(odd));
  });

  it('falls back to an array of objects for many key orders or a __proto__ key, and reads that too', () => {
    // Twenty key orders: each event has a field of its own after its rotated keys.
    const keys = Object.keys(event(0));
    const shuffled = Array.from({ length: 20 }, (_, i) => {
      const order = [...keys.slice(i % keys.length), ...keys.slice(0, i % keys.length)];
      const e = event(i) as unknown as Record<string, unknown>;
      return Object.fromEntries([
        ...order.map((k) => [k, e[k]]),
        [`field${i}`, i],
      ]) as unknown as TimelineEvent;
    });
    const many = encodePack(shuffled);
    expect(many.startsWith('[')).toBe(true);
    expect(JSON.stringify(decoded(many))).toBe(JSON.stringify(shuffled));
    const proto = JSON.parse(`[${JSON.stringify(event(1)).replace(/}$/, ',"__proto__":{"polluted":1}}')}]`);
    const text = encodePack(proto);
    expect(text.startsWith('[')).toBe(true);
    const got = decoded(text)!;
    expect(Object.getPrototypeOf(got[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a damaged text instead of showing wrong events', () => {
    const events = [
      event(1),
      event(2, { injected: true }),
      event(3, { title: 'other' }),
      event(4, { kind: 'impact' }),
    ];
    const text = encodePack(events);
    const pack = JSON.parse(text);
    const hurt: Array<(p: typeof pack) => unknown> = [
      (p) => ({ ...p, v: 3 }),
      (p) => ({ ...p, n: p.n + 1 }),
      (p) => ({ ...p, shape: p.shape.slice(1) }),
      (p) => ({ ...p, shape: p.shape.map(() => 7) }),
      (p) => ({ ...p, shape: undefined }),
      (p) => ({ ...p, cols: { ...p.cols, title: p.cols.title.slice(1) } }),
      (p) => ({ ...p, cols: { ...p.cols, at: [1, 2, 'soon', 4] } }),
      (p) => ({ ...p, cols: { ...p.cols, kind: ['log', 'log', 'log', 'exploit'] } }),
      (p) => ({ ...p, consts: { ...p.consts, incidentId: 7 } }),
      (p) => ({
        ...p,
        consts: Object.fromEntries(Object.entries(p.consts).filter(([k]) => k !== 'service')),
      }),
      (p) => ({ ...p, shapes: [] }),
      (p) => ({ ...p, shapes: [['constructor'], ...p.shapes.slice(1)] }),
      () => 'not a pack',
      () => null,
    ];
    expect(decoded(text)).toEqual(events);
    for (const h of hurt) expect(decoded(JSON.stringify(h(pack)))).toBeNull();
    expect(decoded(text.slice(0, -2))).toBeNull();
  });
});
