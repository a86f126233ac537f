/**
 * The layout of an incident's `model` and `review` Yjs documents (docs/sync-design.md, "Layout
 * of the model and review documents"). A table is a top-level `Y.Map<id, Y.Map<field, JSON>>`:
 * one nested map per row and one key per field, so concurrent edits of different fields of one
 * row both survive. Pure: no DOM, no Node, no Dexie.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import {
  ActionItem,
  CauseNode,
  Comment,
  DocumentSection,
  EpochMs,
  nullProto,
  ReviewState,
  SignOff,
  TimelineEvent,
} from '../domain';

/** A value a field holds: what JSON can say (rows are plain data). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The two documents of a shared incident that hold rows (section text has documents of its own). */
export interface SharedDocs {
  model: Y.Doc;
  review: Y.Doc;
}

/** Which of the two documents a table lives in. */
export type TableHome = keyof SharedDocs;

/** How a synced table is stored: its document, its row schema and the row fields kept out of it. */
export interface SyncTableSpec<Row extends { id: string }> {
  home: TableHome;
  /** Checks a row read back from a document (peers are other people's machines). */
  schema: z.ZodType<Row>;
  /** Row fields not stored in the document (besides `id` and `incidentId`, never stored). */
  local: readonly string[];
}

/** A section row as synced: its text travels in its own document (`section/<id>`). */
export const SyncedSection = DocumentSection.omit({ lexicalState: true });
export type SyncedSection = z.infer<typeof SyncedSection>;

function spec<Row extends { id: string }>(
  home: TableHome,
  schema: z.ZodType<Row>,
  local: readonly string[] = [],
): SyncTableSpec<Row> {
  return { home, schema, local };
}

/**
 * Every synced table (named like its Dexie table). Cause rows leave out `reviewState`: review
 * states live only in the review document's `reviewStates`, which any role may set.
 * A table added here (such as sign-offs) is synced, projected and checked like the others.
 */
export const SYNC_TABLES = {
  events: spec('model', TimelineEvent),
  causes: spec('model', CauseNode, ['reviewState']),
  actions: spec('model', ActionItem),
  sections: spec('model', SyncedSection, ['lexicalState']),
  comments: spec('review', Comment),
  signoffs: spec('review', SignOff),
};
export type SyncTables = typeof SYNC_TABLES;
export type SyncTableName = keyof SyncTables;
/** The row type of a synced table. */
export type SyncRowOf<T extends SyncTableName> = SyncTables[T] extends SyncTableSpec<infer Row> ? Row : never;

/** Names of the synced tables, in a fixed order. */
export const SYNC_TABLE_NAMES = Object.keys(SYNC_TABLES) as SyncTableName[];

/** True when `name` is a synced table. */
export function isSyncTable(name: string): name is SyncTableName {
  return Object.prototype.hasOwnProperty.call(SYNC_TABLES, name);
}

/** The model document's map of the incident row's fields. */
export const INCIDENT_KEY = 'incident';
/** The review document's map of cause id → review state. */
export const REVIEW_STATES_KEY = 'reviewStates';
/** Cause fields that exist only in the document: the tombstone flag and the last move's stamp. */
export const CAUSE_DELETED = 'deleted';
export const CAUSE_MOVED_AT = 'movedAt';

/** `[epochMs, clientId]` of a cause's last `parentId` change; later moves compare greater. */
export const MovedAt = z.tuple([EpochMs, z.number().int().nonnegative()]);
export type MovedAt = z.infer<typeof MovedAt>;

/** A cause's review state as the review document stores it: who set it and when. */
export const ReviewStateEntry = z.object({ state: ReviewState, by: z.string().min(1).max(200), at: EpochMs });
export type ReviewStateEntry = z.infer<typeof ReviewStateEntry>;

/** The top-level names each document may hold; anything else in a document is foreign. */
export const MODEL_DOC_KEYS: readonly string[] = [
  INCIDENT_KEY,
  ...SYNC_TABLE_NAMES.filter((t) => SYNC_TABLES[t].home === 'model'),
];
export const REVIEW_DOC_KEYS: readonly string[] = [
  REVIEW_STATES_KEY,
  ...SYNC_TABLE_NAMES.filter((t) => SYNC_TABLES[t].home === 'review'),
];

/** A row's nested field map as stored in a table. */
export type RowMap = Y.Map<unknown>;

/** The document a table lives in. */
export function docOf(docs: SharedDocs, table: SyncTableName): Y.Doc {
  return docs[SYNC_TABLES[table].home];
}

/** A table's top-level map of id → row map. */
export function tableMap(docs: SharedDocs, table: SyncTableName): Y.Map<RowMap> {
  return docOf(docs, table).getMap<RowMap>(table);
}

/** The model document's incident fields. */
export function incidentMap(docs: Pick<SharedDocs, 'model'>): Y.Map<unknown> {
  return docs.model.getMap<unknown>(INCIDENT_KEY);
}

/** True once the model document holds an incident (seeded by its author, or synced from one). */
export function hasIncident(docs: Pick<SharedDocs, 'model'>): boolean {
  return incidentMap(docs).size > 0;
}

/** The review document's review states by cause id. */
export function reviewStatesMap(docs: Pick<SharedDocs, 'review'>): Y.Map<unknown> {
  return docs.review.getMap<unknown>(REVIEW_STATES_KEY);
}

/** The row map of `id`, or undefined when the table has none (or holds something else there). */
export function rowMap(table: Y.Map<RowMap>, id: string): RowMap | undefined {
  const row: unknown = table.get(id);
  return row instanceof Y.Map ? (row as RowMap) : undefined;
}

/** Fields never stored: the key and the document name say them. */
const NEVER_STORED = new Set(['id', 'incidentId']);

/**
 * The fields of a row as a table stores them: without `id`, `incidentId`, the table's local
 * fields and absent (`undefined`) values; each value copied to plain JSON so the document never
 * shares an object with the caller.
 */
export function storedFields(
  local: readonly string[],
  row: Readonly<Record<string, unknown>>,
): Map<string, JsonValue> {
  const out = new Map<string, JsonValue>();
  for (const [key, value] of Object.entries(row)) {
    if (value === undefined || NEVER_STORED.has(key) || local.includes(key)) continue;
    out.set(key, toJson(value));
  }
  return out;
}

/** Field writes to a row map: a value to set, or undefined to remove the field. */
export type FieldWrites = Map<string, JsonValue | undefined>;

/**
 * The writes a put makes to a row map (`map` undefined: a row not in the document yet). Given
 * the row as the app held it `before` the local edit, only the fields that edit changed are
 * written — a field the app had not yet seen change remotely is left as the document has it.
 * Without `before`, every field that differs is written and fields the row lacks are removed
 * (those in `keep` stay).
 */
export function fieldWrites(
  map: Y.Map<unknown> | undefined,
  fields: ReadonlyMap<string, JsonValue>,
  before: ReadonlyMap<string, JsonValue> | null,
  keep: ReadonlySet<string> = new Set(),
): FieldWrites {
  const writes: FieldWrites = new Map();
  const consider = (key: string) => {
    const value = fields.get(key);
    if (!sameJson(map?.get(key), value)) writes.set(key, value);
  };
  if (before !== null) {
    for (const key of new Set([...fields.keys(), ...before.keys()])) {
      if (!sameJson(fields.get(key), before.get(key))) consider(key);
    }
    return writes;
  }
  for (const key of map?.keys() ?? []) if (!fields.has(key) && !keep.has(key)) consider(key);
  for (const key of fields.keys()) consider(key);
  return writes;
}

/** Applies field writes to a row map. */
export function applyWrites(map: Y.Map<unknown>, writes: FieldWrites): void {
  for (const [key, value] of writes) {
    if (value === undefined) map.delete(key);
    else map.set(key, value);
  }
}

/** A row map's fields after some writes (to check the result before writing it). */
export function withWrites(map: Y.Map<unknown> | undefined, writes: FieldWrites): Record<string, unknown> {
  const out = map === undefined ? nullProto<unknown>() : readFields(map);
  for (const [key, value] of writes) {
    if (value === undefined) delete out[key];
    else out[key] = value;
  }
  return out;
}

/** A plain-JSON copy of a value (functions and undefined dropped as JSON does). */
export function toJson(value: unknown): JsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return JSON.parse(JSON.stringify(value) ?? 'null') as JsonValue;
}

/** True when two JSON values are equal (object key order aside). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameJson(ra[k], rb[k]))
  );
}

/**
 * The fields of a row map as an object without prototype (a peer's `__proto__` key stays a
 * key); nested Yjs types read as JSON.
 */
export function readFields(row: RowMap): Record<string, unknown> {
  const out = nullProto<unknown>();
  row.forEach((value, key) => {
    out[key] = value instanceof Y.AbstractType ? (value.toJSON() as unknown) : value;
  });
  return out;
}

/** Reads a `movedAt` stamp; null when missing or malformed. */
export function readMovedAt(value: unknown): MovedAt | null {
  const parsed = MovedAt.safeParse(value);
  return parsed.success ? parsed.data : null;
}
