import { z } from 'zod';
import { EpochMs, hash64, Id } from '../domain';
import type { IncidentSnapshot } from '../domain';
import { nullProto } from '../domain/lookup';

/**
 * What a review copy looked like when it left its author: a hash per field group of every
 * row that can be edited on both sides. Bundles carry no history, so this is the common
 * ancestor a three-way merge needs to tell "you changed it" from "they changed it" from
 * "both changed it".
 */
export const ReviewBase = z.object({
  /** Random id; the author's profile remembers the ids it handed out. */
  id: Id,
  incidentId: Id,
  exportedAt: EpochMs,
  exportedBy: z.string().max(200),
  /** `collection:rowId` → field group → hash. */
  rows: z.record(z.string(), z.record(z.string(), z.string())),
});
export type ReviewBase = z.infer<typeof ReviewBase>;

/** Collections merged field by field (events row by row; imports and log blocks are add-only). */
export const MERGED_COLLECTIONS = [
  'incident',
  'causes',
  'comments',
  'actions',
  'sections',
  'events',
] as const;
export type MergedCollection = (typeof MERGED_COLLECTIONS)[number];

/** How a group is merged when both sides changed it. */
export type GroupRule = 'conflict' | 'union' | 'ours' | 'latest-edit' | 'unresolved-wins';

export interface FieldGroup {
  fields: readonly string[];
  rule: GroupRule;
}

const g = (rule: GroupRule, ...fields: string[]): FieldGroup => ({ fields, rule });

/**
 * The field groups of each collection. Fields that move together share a group (a comment's
 * resolved flag, time and person). `updatedAt` is in no group: the merge recomputes it.
 */
export const FIELD_GROUPS: Record<Exclude<MergedCollection, 'events'>, Record<string, FieldGroup>> = {
  incident: {
    title: g('conflict', 'title'),
    severity: g('conflict', 'severity'),
    status: g('conflict', 'status'),
    summary: g('conflict', 'summary'),
    services: g('union', 'services'),
    regions: g('union', 'regions'),
    authors: g('union', 'authors'),
    reviewers: g('union', 'reviewers'),
    zones: g('ours', 'displayZone', 'secondaryZone'),
    keyTimes: g('conflict', 'keyTimes', 'keyTimeOrigins'),
    templateId: g('ours', 'templateId'),
    tags: g('union', 'tags'),
  },
  causes: {
    title: g('conflict', 'title'),
    detail: g('conflict', 'detail'),
    kind: g('conflict', 'kind'),
    gate: g('conflict', 'gate'),
    category: g('conflict', 'category'),
    position: g('ours', 'parentId', 'order'),
    evidence: g('union', 'evidenceEventIds'),
    reviewState: g('conflict', 'reviewState'),
  },
  comments: {
    body: g('latest-edit', 'body', 'editedAt'),
    resolved: g('unresolved-wins', 'resolved', 'resolvedAt', 'resolvedBy'),
  },
  actions: {
    title: g('conflict', 'title'),
    description: g('conflict', 'description'),
    owner: g('conflict', 'owner'),
    priority: g('conflict', 'priority'),
    type: g('conflict', 'type'),
    dueDate: g('conflict', 'dueDate'),
    status: g('conflict', 'status', 'statusReason', 'completedAt'),
    causes: g('union', 'causeIds'),
    ticketUrl: g('conflict', 'ticketUrl'),
  },
  sections: {
    title: g('conflict', 'title'),
    order: g('ours', 'order'),
    internalOnly: g('conflict', 'internalOnly'),
    content: g('conflict', 'lexicalState'),
  },
};

/** Events are merged as whole rows (there can be tens of thousands; one hash each is enough). */
export const EVENT_GROUP = 'row';
const EVENT_SKIP = new Set(['updatedAt']);

/** JSON with object keys sorted, so equal values always hash alike whatever their key order. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
}

/** The fields of one group of a row. */
export function groupValues(row: object, group: FieldGroup): Record<string, unknown> {
  const r = row as Record<string, unknown>;
  const out: Record<string, unknown> = nullProto({});
  for (const f of group.fields) out[f] = r[f];
  return out;
}

/** Hash of one field group of a row. */
export function groupHash(row: object, group: FieldGroup): string {
  return hash64(stableStringify(groupValues(row, group)));
}

/** Hash of a whole event except its bookkeeping. */
export function eventHash(row: object): string {
  const r = row as Record<string, unknown>;
  const kept: Record<string, unknown> = nullProto({});
  for (const k of Object.keys(r)) if (!EVENT_SKIP.has(k)) kept[k] = r[k];
  return hash64(stableStringify(kept));
}

/** Field-group hashes of a row of a collection. */
export function rowHashes(collection: MergedCollection, row: object): Record<string, string> {
  if (collection === 'events') return { [EVENT_GROUP]: eventHash(row) };
  const out: Record<string, string> = nullProto({});
  for (const [name, group] of Object.entries(FIELD_GROUPS[collection])) out[name] = groupHash(row, group);
  return out;
}

/** The key of a row in `ReviewBase.rows`. */
export function baseKey(collection: MergedCollection, id: string): string {
  return `${collection}:${id}`;
}

/** Records the state of a snapshot as the base of a review copy. */
export function createReviewBase(
  snapshot: IncidentSnapshot,
  init: { id: string; now: number; by: string },
): ReviewBase {
  const rows: Record<string, Record<string, string>> = nullProto({});
  rows[baseKey('incident', snapshot.incident.id)] = rowHashes('incident', snapshot.incident);
  for (const c of ['causes', 'comments', 'actions', 'sections', 'events'] as const) {
    for (const row of snapshot[c]) rows[baseKey(c, row.id)] = rowHashes(c, row);
  }
  return { id: init.id, incidentId: snapshot.incident.id, exportedAt: init.now, exportedBy: init.by, rows };
}
