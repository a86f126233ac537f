import { z } from 'zod';
import { EpochMs, Id, isDateMs, Label, MaybeEpochMs } from './common';

/**
 * What an event means for the story. The order is the order of the legend everywhere
 * (table, chart, diagram, export); colours live in one palette keyed by these names.
 */
export const EVENT_KINDS = [
  'change',
  'impact',
  'detection',
  'response',
  'mitigation',
  'recovery',
  'communication',
  'note',
  'log',
] as const;
export const EventKind = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof EventKind>;

/** Where a record came from: file name and 1-based line (0 when the format has no lines). */
export const SourceRef = z.object({
  file: z.string(),
  line: z.number().int().nonnegative(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const TimelineEvent = z.object({
  id: Id,
  incidentId: Id,
  /** First (or only) instant, UTC epoch ms. */
  at: EpochMs,
  /** Last instant of a folded event; null for a single record. */
  endAt: MaybeEpochMs,
  kind: EventKind,
  title: z.string().max(2_000),
  detail: z.string().max(100_000),
  service: Label.nullable(),
  region: Label.nullable(),
  /** How many raw records this event stands for (1 for a hand-written event). */
  count: z.number().int().positive(),
  /** Raw records behind the event (capped; `count` is the true number). */
  sources: z.array(SourceRef),
  /** Key events are the ones the exported document shows by default. */
  key: z.boolean(),
  tags: z.array(Label),
  /**
   * Put there on purpose by a fault-injection tool (a chaos experiment, a game day). Absent =
   * not injected (bundles written before the flag re-export unchanged).
   */
  injected: z.boolean().optional(),
  /** The import that produced it, or null when written by hand. */
  importId: Id.nullable(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

const KIND_SET: ReadonlySet<unknown> = new Set(EVENT_KINDS);
const isText = (v: unknown) => typeof v === 'string';
const isLabel = (v: unknown) => v === null || typeof v === 'string';

/**
 * A fast check, for events read in bulk from a derived copy (packed events), that an event has
 * every field a view formats or draws, of the right type, with times a Date can hold. Thousands
 * per millisecond where the schema manages tens; the schema stays the full check of rows.
 */
export function isRenderableEvent(e: unknown): e is TimelineEvent {
  if (e === null || typeof e !== 'object') return false;
  const r = e as Record<string, unknown>;
  return (
    isText(r.id) &&
    isText(r.incidentId) &&
    isDateMs(r.at) &&
    (r.endAt === null || isDateMs(r.endAt)) &&
    KIND_SET.has(r.kind) &&
    isText(r.title) &&
    isText(r.detail) &&
    isLabel(r.service) &&
    isLabel(r.region) &&
    typeof r.count === 'number' &&
    Array.isArray(r.sources) &&
    typeof r.key === 'boolean' &&
    Array.isArray(r.tags) &&
    (r.injected === undefined || typeof r.injected === 'boolean') &&
    isLabel(r.importId) &&
    isDateMs(r.createdAt) &&
    isDateMs(r.updatedAt)
  );
}

/**
 * What an event has when nothing says otherwise: a single, hand-written, unkeyed record with no
 * detail or place. New events start from it and bundles fill missing fields from it. A fresh
 * object each call, so no two events share its arrays.
 */
export function eventDefaults(): Pick<
  TimelineEvent,
  'endAt' | 'detail' | 'service' | 'region' | 'count' | 'sources' | 'key' | 'tags' | 'importId'
> {
  return {
    endAt: null,
    detail: '',
    service: null,
    region: null,
    count: 1,
    sources: [],
    key: false,
    tags: [],
    importId: null,
  };
}

export { MAX_SOURCES_PER_EVENT } from './constants';
