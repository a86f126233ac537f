import { EVENT_KINDS } from '../domain';
import type { EventKind } from '../domain';
import type { ChartEvent, ChartMark, ChartOptions } from './layout';

/** The lane of events beyond the chart's lane limit. */
const OTHER_LANE = 'other';
/** The lane of events without a service. */
const NO_SERVICE = '(no service)';
const KIND_RANK = new Map<EventKind, number>(EVENT_KINDS.map((k, i) => [k, i]));

/** The lanes: the kinds present, or the services with most events (the rest as one "other" lane). */
export function laneNames(
  events: readonly ChartEvent[],
  laneBy: ChartOptions['laneBy'],
  maxLanes: number,
): string[] {
  if (laneBy === 'kind') {
    const present = new Set(events.map((e) => e.kind));
    return EVENT_KINDS.filter((k) => present.has(k));
  }
  const counts = new Map<string, number>();
  for (const e of events) {
    const s = e.service || NO_SERVICE;
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const byCount = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const kept = byCount.slice(0, byCount.length > maxLanes ? maxLanes - 1 : maxLanes).map(([s]) => s);
  kept.sort((a, b) => (a === NO_SERVICE ? 1 : b === NO_SERVICE ? -1 : a.localeCompare(b)));
  if (byCount.length > maxLanes) kept.push(OTHER_LANE);
  return kept;
}

interface MarkPlacement {
  laneBy: ChartOptions['laneBy'];
  laneIndex: ReadonlyMap<string, number>;
  from: number;
  to: number;
  xOf: (t: number) => number;
}

/** Events placed per step of {@link placeMarksSteps} (a few ms each). */
export const MARK_SLICE = 25_000;

/**
 * The marks of the events in [from, to]: events closer than 3 px in one lane share a mark (a
 * point shows its key or most important kind), so 100,000 events become a few thousand shapes.
 * Spans come first, so points are drawn (and hit) on top of them. Pauses after every `slice`
 * events (run it with `runSteps` for all at once); the marks are the same for any slice.
 */
export function* placeMarksSteps(
  events: readonly ChartEvent[],
  p: MarkPlacement,
  slice = MARK_SLICE,
): Generator<void, ChartMark[]> {
  const otherLane = p.laneIndex.get(OTHER_LANE);
  const marks: ChartMark[] = [];
  const pointAt = new Map<number, ChartMark>();
  const spanAt = new Map<number, ChartMark>();
  /** A mark drawing just this event so far (a span when `x2` is given), added to the marks. */
  const newMark = (e: ChartEvent, lane: number, x: number, x2: number | null): ChartMark => {
    const mark: ChartMark = {
      lane,
      x,
      x2,
      kind: e.kind,
      n: 1,
      eventId: e.id,
      key: e.key,
      injected: e.injected === true,
    };
    marks.push(mark);
    return mark;
  };
  const place = (lo: number, hi: number): void => {
    for (let i = lo; i < hi; i++) {
      const e = events[i]!;
      const end = e.endAt ?? e.at;
      if (end < p.from || e.at > p.to) continue;
      const laneKey = p.laneBy === 'kind' ? e.kind : e.service || NO_SERVICE;
      const lane = p.laneIndex.get(laneKey) ?? otherLane;
      if (lane === undefined) continue;
      const x = p.xOf(e.at);
      const x2 = p.xOf(end);
      if (x2 - x >= 3) {
        // Numeric keys: building a string per event costs more than the rest of the loop.
        const k = (lane * 16 + (KIND_RANK.get(e.kind) ?? 15)) * 1e6 + Math.floor(x / 3);
        const m = spanAt.get(k);
        if (m && m.x2 !== null) {
          m.x2 = Math.max(m.x2, x2);
          m.n++;
          m.key ||= e.key;
          m.injected ||= e.injected === true;
        } else spanAt.set(k, newMark(e, lane, x, x2));
        continue;
      }
      const k = lane * 1e6 + Math.floor(x / 3);
      const m = pointAt.get(k);
      if (m) {
        m.n++;
        m.injected ||= e.injected === true;
        if (e.key && !m.key) {
          m.key = true;
          m.eventId = e.id;
          m.kind = e.kind;
        } else if (!m.key && (KIND_RANK.get(e.kind) ?? 99) < (KIND_RANK.get(m.kind) ?? 99)) {
          m.kind = e.kind;
          m.eventId = e.id;
        }
      } else pointAt.set(k, newMark(e, lane, x, null));
    }
  };
  for (let start = 0; start < events.length; start += slice) {
    if (start > 0) yield;
    place(start, Math.min(events.length, start + slice));
  }
  marks.sort((a, b) => Number(a.x2 === null) - Number(b.x2 === null));
  return marks;
}
