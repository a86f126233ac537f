import type { IncidentSnapshot } from '../domain';
import { buildTree } from '../causes/tree';
import type { FieldGroup, MergedCollection, ReviewBase } from './base';
import { baseKey, EVENT_GROUP, eventHash, FIELD_GROUPS, groupHash, groupValues, rowHashes } from './base';
import { nullProto } from '../domain/lookup';

/** A change both sides made to the same thing, or a reviewer's edit to something deleted here. */
export interface MergeConflict {
  /** `collection:rowId:group` — with `theirsHash`, identifies the conflict across re-imports. */
  key: string;
  collection: MergedCollection;
  id: string;
  group: string;
  /** What the row is, in words (its title). */
  label: string;
  kind: 'both-changed' | 'deleted-here';
  /** Our values of the group's fields (null when the row was deleted here). */
  ours: Record<string, unknown> | null;
  theirs: Record<string, unknown>;
  /** The reviewer's whole row, to restore it when "deleted-here" is resolved as theirs. */
  theirsRow: Record<string, unknown>;
  theirsHash: string;
}

/** Rows the merge wants written (new or changed); the merge never deletes. */
export interface SnapshotChanges {
  incident: IncidentSnapshot['incident'] | null;
  events: IncidentSnapshot['events'];
  imports: IncidentSnapshot['imports'];
  logBlocks: IncidentSnapshot['logBlocks'];
  causes: IncidentSnapshot['causes'];
  comments: IncidentSnapshot['comments'];
  actions: IncidentSnapshot['actions'];
  sections: IncidentSnapshot['sections'];
  signoffs: IncidentSnapshot['signoffs'];
}

export interface MergeSummary {
  added: Record<string, number>;
  updated: Record<string, number>;
  /** Rows the other side no longer has, kept here (a merge never deletes). */
  keptLocal: number;
}

export interface MergeResult {
  snapshot: IncidentSnapshot;
  changes: SnapshotChanges;
  conflicts: MergeConflict[];
  summary: MergeSummary;
}

export interface MergeInput {
  /** The common ancestor (see ReviewBase); null merges two-way and turns every difference in a conflict group into a conflict. */
  base: ReviewBase | null;
  ours: IncidentSnapshot;
  theirs: IncidentSnapshot;
  /** `key:theirsHash` of conflicts already resolved, so a re-import does not ask again. */
  settled?: ReadonlySet<string>;
}

type Row = { id: string } & object;

function union(a: unknown, b: unknown): unknown[] {
  const out = Array.isArray(a) ? [...(a as unknown[])] : [];
  for (const x of Array.isArray(b) ? (b as unknown[]) : []) if (!out.includes(x)) out.push(x);
  return out;
}

function labelOf(row: object): string {
  const r = row as Record<string, unknown>;
  const text = [r.title, r.body, r.key, r.id].find((v) => typeof v === 'string' && v.trim() !== '');
  return typeof text === 'string' ? text.slice(0, 120) : '';
}

class Merger {
  readonly conflicts: MergeConflict[] = [];
  readonly summary: MergeSummary = { added: {}, updated: {}, keptLocal: 0 };

  constructor(
    private readonly base: ReviewBase | null,
    private readonly settled: ReadonlySet<string>,
  ) {}

  private count(kind: 'added' | 'updated', collection: string): void {
    this.summary[kind][collection] = (this.summary[kind][collection] ?? 0) + 1;
  }

  private conflict(c: Omit<MergeConflict, 'key'>): void {
    const key = `${c.collection}:${c.id}:${c.group}`;
    if (!this.settled.has(`${key}:${c.theirsHash}`)) this.conflicts.push({ ...c, key });
  }

  /** Three-way merge of one row present on both sides; returns the merged row (ours when nothing changes). */
  mergeRow<T extends Row>(collection: MergedCollection, ours: T, theirs: T): T {
    const base = this.base?.rows[baseKey(collection, ours.id)];
    const groups: [string, FieldGroup][] =
      collection === 'events'
        ? [[EVENT_GROUP, { fields: [], rule: 'conflict' }]]
        : Object.entries(FIELD_GROUPS[collection]);
    let row: Record<string, unknown> = nullProto({ ...ours });
    let changed = false;
    const take = (values: Record<string, unknown>): void => {
      row = { ...row, ...values };
      changed = true;
    };
    for (const [name, group] of groups) {
      const isRow = collection === 'events';
      const o = isRow ? eventHash(ours) : groupHash(ours, group);
      const t = isRow ? eventHash(theirs) : groupHash(theirs, group);
      if (o === t) continue;
      const b = base?.[name];
      const theirValues: Record<string, unknown> = isRow ? { ...theirs } : groupValues(theirs, group);
      if (b === o) take(theirValues);
      else if (b === t) continue;
      else if (group.rule === 'union') {
        const field = group.fields[0]!;
        const merged = union(
          (ours as Record<string, unknown>)[field],
          (theirs as Record<string, unknown>)[field],
        );
        if (merged.length !== (row[field] as unknown[] | undefined)?.length) take({ [field]: merged });
      } else if (group.rule === 'latest-edit') {
        const edited = (r: object): number => ((r as Record<string, unknown>).editedAt as number | null) ?? 0;
        if (edited(theirs) > edited(ours)) take(theirValues);
      } else if (group.rule === 'unresolved-wins') {
        if ((ours as Record<string, unknown>).resolved === true && theirValues.resolved === false)
          take(theirValues);
      } else if (group.rule === 'conflict') {
        this.conflict({
          collection,
          id: ours.id,
          group: name,
          label: labelOf(ours),
          kind: 'both-changed',
          ours: isRow ? { ...ours } : groupValues(ours, group),
          theirs: theirValues,
          theirsRow: { ...theirs },
          theirsHash: t,
        });
      }
    }
    if (!changed) return ours;
    if ('updatedAt' in row) {
      const a = (ours as Record<string, unknown>).updatedAt as number;
      const b = (theirs as Record<string, unknown>).updatedAt as number;
      row.updatedAt = Math.max(a, b);
    }
    this.count('updated', collection);
    return row as T;
  }

  /** Merges a collection by id; returns every merged row and the ones to write. */
  mergeRows<T extends Row>(
    collection: MergedCollection,
    ours: readonly T[],
    theirs: readonly T[],
  ): { all: T[]; write: T[] } {
    const theirById = new Map(theirs.map((r) => [r.id, r]));
    const all: T[] = [];
    const write: T[] = [];
    for (const o of ours) {
      const t = theirById.get(o.id);
      if (t === undefined) {
        if (this.base?.rows[baseKey(collection, o.id)] !== undefined) this.summary.keptLocal++;
        all.push(o);
        continue;
      }
      const m = this.mergeRow(collection, o, t);
      all.push(m);
      if (m !== o) write.push(m);
    }
    const ourIds = new Set(ours.map((r) => r.id));
    for (const t of theirs) {
      if (ourIds.has(t.id)) continue;
      const base = this.base?.rows[baseKey(collection, t.id)];
      if (base === undefined) {
        all.push(t);
        write.push(t);
        this.count('added', collection);
        continue;
      }
      // It was exported from here and deleted since: keep it deleted unless they changed it.
      const hashes = rowHashes(collection, t);
      const changedGroups = Object.keys(hashes).filter((k) => hashes[k] !== base[k]);
      if (changedGroups.length > 0) {
        this.conflict({
          collection,
          id: t.id,
          group: 'deleted',
          label: labelOf(t),
          kind: 'deleted-here',
          ours: null,
          theirs: { ...t },
          theirsRow: { ...t },
          theirsHash: changedGroups.map((k) => hashes[k]).join(''),
        });
      }
    }
    return { all, write };
  }
}

/**
 * Keeps the merged cause tree a tree: a node whose parent is gone (deleted here) or that ended
 * up in a cycle (each side moved a node under the other) goes back to our position, or under
 * the top node when we never had it.
 */
function repairCauses(
  merged: IncidentSnapshot['causes'],
  ours: IncidentSnapshot['causes'],
): { all: IncidentSnapshot['causes']; repaired: IncidentSnapshot['causes'] } {
  const ourById = new Map(ours.map((c) => [c.id, c]));
  const root = buildTree(ours).root ?? buildTree(merged).root;
  const tree = buildTree(merged);
  const repaired: IncidentSnapshot['causes'] = [];
  const all = merged.map((c) => {
    if (c.parentId === null || c.id === root?.id) return c;
    if (tree.parent.get(c.id) === c.parentId) return c;
    const o = ourById.get(c.id);
    const fixed =
      o !== undefined && o.parentId !== null
        ? { ...c, parentId: o.parentId, order: o.order }
        : { ...c, parentId: root?.id ?? null };
    repaired.push(fixed);
    return fixed;
  });
  // Our old position can itself sit in a repaired part; a second look puts leftovers on top.
  const again = buildTree(all);
  const final = all.map((c) => {
    if (c.parentId === null || c.id === root?.id || again.parent.get(c.id) === c.parentId) return c;
    const fixed = { ...c, parentId: root?.id ?? null };
    repaired.push(fixed);
    return fixed;
  });
  return { all: final, repaired };
}

/**
 * Merges a reviewer's copy into ours by id: nothing duplicated, nothing deleted. Per field
 * group: if only one side changed it, that side wins; if both did, text fields become
 * conflicts (ours kept until resolved), lists are united, a comment keeps its latest edit and
 * stays open if either side reopened it. New imports from the other side are added with
 * their log blocks, new sign-offs as they are.
 */
export function mergeSnapshots(input: MergeInput): MergeResult {
  const { base, ours, theirs } = input;
  if (ours.incident.id !== theirs.incident.id) {
    throw new Error(
      `These are different incidents ("${ours.incident.title}" and "${theirs.incident.title}").`,
    );
  }
  const m = new Merger(base, input.settled ?? new Set());
  const incident = m.mergeRow('incident', ours.incident, theirs.incident);
  const events = m.mergeRows('events', ours.events, theirs.events);
  const causes = m.mergeRows('causes', ours.causes, theirs.causes);
  const comments = m.mergeRows('comments', ours.comments, theirs.comments);
  const actions = m.mergeRows('actions', ours.actions, theirs.actions);
  const sections = m.mergeRows('sections', ours.sections, theirs.sections);
  // The sign-off log is append-only: their rows we do not have are added, nothing else changes.
  const ourSignoffs = new Set(ours.signoffs.map((s) => s.id));
  const newSignoffs = theirs.signoffs.filter((s) => !ourSignoffs.has(s.id));
  if (newSignoffs.length > 0) m.summary.added.signoffs = newSignoffs.length;
  const fixed = repairCauses(causes.all, ours.causes);
  const causeWrites = new Map(causes.write.map((c) => [c.id, c]));
  for (const c of fixed.repaired) causeWrites.set(c.id, c);

  // Imports are immutable; a new one is one made after the copy left (or any, without a base).
  const ourImports = new Set(ours.imports.map((i) => i.id));
  const newImports = theirs.imports.filter(
    (i) => !ourImports.has(i.id) && (base === null || i.importedAt > base.exportedAt),
  );
  const newImportIds = new Set(newImports.map((i) => i.id));
  const newBlocks = theirs.logBlocks.filter((b) => newImportIds.has(b.importId));
  if (newImports.length > 0) m.summary.added.imports = newImports.length;

  const snapshot: IncidentSnapshot = {
    incident,
    events: events.all,
    imports: [...ours.imports, ...newImports],
    logBlocks: [...ours.logBlocks, ...newBlocks],
    causes: fixed.all,
    comments: comments.all,
    actions: actions.all,
    sections: sections.all,
    signoffs: [...ours.signoffs, ...newSignoffs],
  };
  return {
    snapshot,
    changes: {
      incident: incident === ours.incident ? null : incident,
      events: events.write,
      imports: newImports,
      logBlocks: newBlocks,
      causes: [...causeWrites.values()],
      comments: comments.write,
      actions: actions.write,
      sections: sections.write,
      signoffs: newSignoffs,
    },
    conflicts: m.conflicts,
    summary: m.summary,
  };
}
