import { expect } from 'vitest';
import * as Y from 'yjs';
import { buildTree, flattenTree } from '../../../shared/causes';
import type { CauseNode } from '../../../shared/domain';
import type { SharedDocs, WriteContext } from '../../../shared/sync';

/** A fresh pair of model and review documents with fixed client ids (deterministic merges). */
export function newDocs(clientId = 1): SharedDocs {
  const model = new Y.Doc();
  const review = new Y.Doc();
  model.clientID = clientId;
  review.clientID = clientId;
  return { model, review };
}

/** Brings `to` up to date with everything `from` has (one direction). */
export function pull(to: SharedDocs, from: SharedDocs): void {
  for (const key of ['model', 'review'] as const) {
    Y.applyUpdate(to[key], Y.encodeStateAsUpdate(from[key], Y.encodeStateVector(to[key])));
  }
}

/** Exchanges updates until every replica has every update. */
export function syncAll(replicas: readonly SharedDocs[]): void {
  for (const a of replicas) for (const b of replicas) if (a !== b) pull(a, b);
}

/** An author's write context on incident `inc`. */
export function author(now = 1000, name = 'Ana'): WriteContext {
  return { incidentId: 'inc', now, name, role: 'author' };
}

/** A reviewer's write context on incident `inc`. */
export function reviewer(now = 1000, name = 'Rita'): WriteContext {
  return { incidentId: 'inc', now, name, role: 'reviewer' };
}

/**
 * Asserts the shown tree is one tree by its stored parents alone (not through `buildTree`, which
 * hides cycles and orphans): one top node, and every cause's parent chain reaches it.
 */
export function expectOneTree(causes: readonly CauseNode[]): void {
  const parentOf = new Map(causes.map((c) => [c.id, c.parentId]));
  const tops = causes.filter((c) => c.parentId === null);
  expect(tops).toHaveLength(causes.length > 0 ? 1 : 0);
  for (const c of causes) {
    let cur: string | null = c.id;
    let steps = 0;
    while (cur !== null && steps++ <= causes.length) {
      expect(parentOf.has(cur), `${c.id} has an unknown ancestor ${cur}`).toBe(true);
      cur = parentOf.get(cur)!;
    }
    expect(cur, `${c.id} is in or under a cycle`).toBeNull();
  }
  expect(flattenTree(buildTree(causes))).toHaveLength(causes.length);
}
