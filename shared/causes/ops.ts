import type { CauseNode, CauseKind, Gate } from '../domain';
import { buildTree, childrenOf, parentIdOf, subtreeIds } from './tree';
import type { CauseTree } from './tree';

/**
 * The result of a tree operation: rows to write, ids to delete, and the node that should have
 * focus afterwards. An edit never mutates its input; `invertEdit` turns it into its undo.
 */
export interface TreeEdit {
  put: CauseNode[];
  remove: string[];
  focusId: string | null;
}

/** What a new node needs besides its position. */
export interface NewCause {
  id: string;
  now: number;
  title?: string;
  kind?: CauseKind;
  gate?: Gate;
  detail?: string;
  category?: string | null;
  evidenceEventIds?: string[];
}

/** Smallest gap between sibling orders before the siblings are renumbered. */
const MIN_GAP = 1e-9;

/** An order value strictly between two neighbours (null = no neighbour on that side). */
export function orderBetween(before: number | null, after: number | null): number {
  if (before === null && after === null) return 1;
  if (before === null) return after! - 1;
  if (after === null) return before + 1;
  return (before + after) / 2;
}

/** The top node of a new incident's tree: the loss itself. */
export function createRootCause(incidentId: string, title: string, id: string, now: number): CauseNode {
  return makeNode(incidentId, null, 1, { id, now, title, kind: 'incident', gate: 'OR' });
}

function makeNode(incidentId: string, parentId: string | null, order: number, init: NewCause): CauseNode {
  return {
    id: init.id,
    incidentId,
    parentId,
    order,
    kind: init.kind ?? 'cause',
    gate: init.gate ?? 'OR',
    title: init.title ?? '',
    detail: init.detail ?? '',
    category: init.category ?? null,
    evidenceEventIds: init.evidenceEventIds ?? [],
    reviewState: 'open',
    createdAt: init.now,
    updatedAt: init.now,
  };
}

/**
 * Places `moving` (already detached) at `index` among `parentId`'s children, renumbering the
 * siblings only when fractional orders have run out of room.
 */
function placeAt(
  tree: CauseTree,
  moving: CauseNode,
  parentId: string,
  index: number,
  now: number,
): CauseNode[] {
  const siblings = childrenOf(tree, parentId).filter((c) => c.id !== moving.id);
  const at = Math.max(0, Math.min(index, siblings.length));
  const before = siblings[at - 1]?.order ?? null;
  const after = siblings[at]?.order ?? null;
  const order = orderBetween(before, after);
  const crowded =
    (before !== null && Math.abs(order - before) < MIN_GAP) ||
    (after !== null && Math.abs(after - order) < MIN_GAP);
  if (!crowded) return [{ ...moving, parentId, order, updatedAt: now }];
  const list = [...siblings];
  list.splice(at, 0, moving);
  return list.map((n, i) => ({
    ...n,
    parentId,
    order: i + 1,
    updatedAt: n.id === moving.id ? now : n.updatedAt,
  }));
}

function indexOf(tree: CauseTree, id: string): number {
  const p = parentIdOf(tree, id);
  return p === null ? -1 : childrenOf(tree, p).findIndex((c) => c.id === id);
}

/** Adds a node right after `afterId` among its siblings (as the first child when `afterId` is the top node). */
export function addSibling(nodes: readonly CauseNode[], afterId: string, init: NewCause): TreeEdit | null {
  const tree = buildTree(nodes);
  const after = tree.byId.get(afterId);
  if (after === undefined || tree.root === null) return null;
  const parentId = parentIdOf(tree, afterId);
  if (parentId === null) return addChild(nodes, afterId, init, 0);
  const node = makeNode(after.incidentId, parentId, 0, init);
  return {
    put: placeAt(tree, node, parentId, indexOf(tree, afterId) + 1, init.now),
    remove: [],
    focusId: node.id,
  };
}

/** Adds a node as a child of `parentId` at `index` (default: last). */
export function addChild(
  nodes: readonly CauseNode[],
  parentId: string,
  init: NewCause,
  index?: number,
): TreeEdit | null {
  const tree = buildTree(nodes);
  const parent = tree.byId.get(parentId);
  if (parent === undefined) return null;
  const node = makeNode(parent.incidentId, parentId, 0, init);
  const at = index ?? childrenOf(tree, parentId).length;
  return { put: placeAt(tree, node, parentId, at, init.now), remove: [], focusId: node.id };
}

/** Makes a node the last child of its previous sibling (Tab). Null when there is no previous sibling. */
export function indent(nodes: readonly CauseNode[], id: string, now: number): TreeEdit | null {
  const tree = buildTree(nodes);
  const i = indexOf(tree, id);
  const parentId = parentIdOf(tree, id);
  const node = tree.byId.get(id);
  if (i <= 0 || parentId === null || node === undefined) return null;
  const prev = childrenOf(tree, parentId)[i - 1]!;
  return {
    put: placeAt(tree, node, prev.id, childrenOf(tree, prev.id).length, now),
    remove: [],
    focusId: id,
  };
}

/** Moves a node out to sit right after its parent (Shift+Tab). Null for the top node and its children. */
export function outdent(nodes: readonly CauseNode[], id: string, now: number): TreeEdit | null {
  const tree = buildTree(nodes);
  const parentId = parentIdOf(tree, id);
  const node = tree.byId.get(id);
  if (parentId === null || node === undefined) return null;
  const grand = parentIdOf(tree, parentId);
  if (grand === null) return null;
  return { put: placeAt(tree, node, grand, indexOf(tree, parentId) + 1, now), remove: [], focusId: id };
}

/** Swaps a node with its previous (`-1`) or next (`+1`) sibling (Alt+↑ / Alt+↓). */
export function moveAmongSiblings(
  nodes: readonly CauseNode[],
  id: string,
  delta: -1 | 1,
  now: number,
): TreeEdit | null {
  const tree = buildTree(nodes);
  const parentId = parentIdOf(tree, id);
  const node = tree.byId.get(id);
  if (parentId === null || node === undefined) return null;
  const i = indexOf(tree, id);
  const target = i + delta;
  if (target < 0 || target >= childrenOf(tree, parentId).length) return null;
  // Index among the siblings *without* the moving node.
  return { put: placeAt(tree, node, parentId, target, now), remove: [], focusId: id };
}

/**
 * Moves a node (with its subtree) under `newParentId` at `index` among the new siblings.
 * Null when that would put a node inside itself, or move the top node.
 */
export function reparent(
  nodes: readonly CauseNode[],
  id: string,
  newParentId: string,
  index: number,
  now: number,
): TreeEdit | null {
  const tree = buildTree(nodes);
  const node = tree.byId.get(id);
  if (node === undefined || tree.root?.id === id || !tree.byId.has(newParentId)) return null;
  if (subtreeIds(tree, id).includes(newParentId)) return null;
  return { put: placeAt(tree, node, newParentId, index, now), remove: [], focusId: id };
}

/**
 * Removes a node and everything under it. Focus goes to the previous sibling, else the next,
 * else the parent. Null for the top node (an incident always has its loss).
 */
export function deleteSubtree(nodes: readonly CauseNode[], id: string): TreeEdit | null {
  const tree = buildTree(nodes);
  const parentId = parentIdOf(tree, id);
  if (parentId === null || !tree.byId.has(id)) return null;
  const siblings = childrenOf(tree, parentId);
  const i = indexOf(tree, id);
  const focus = siblings[i - 1]?.id ?? siblings[i + 1]?.id ?? parentId;
  return { put: [], remove: subtreeIds(tree, id), focusId: focus };
}

/** Changes fields of one node (title, detail, kind, gate, category, evidence, review state). */
export function updateNode(
  nodes: readonly CauseNode[],
  id: string,
  patch: Partial<Omit<CauseNode, 'id' | 'incidentId' | 'parentId' | 'order' | 'createdAt'>>,
  now: number,
): TreeEdit | null {
  const node = nodes.find((n) => n.id === id);
  if (node === undefined) return null;
  return { put: [{ ...node, ...patch, updatedAt: now }], remove: [], focusId: id };
}

/** The edit that undoes `edit` when applied to the result of applying it to `before`. */
export function invertEdit(before: readonly CauseNode[], edit: TreeEdit): TreeEdit {
  const old = new Map(before.map((n) => [n.id, n]));
  const put: CauseNode[] = [];
  const remove: string[] = [];
  for (const n of edit.put) {
    const prev = old.get(n.id);
    if (prev === undefined) remove.push(n.id);
    else put.push(prev);
  }
  for (const id of edit.remove) {
    const prev = old.get(id);
    if (prev !== undefined) put.push(prev);
  }
  // Undoing a delete puts focus back on the restored node; otherwise on the edited one if it survives.
  const focusId = edit.remove[0] ?? (edit.focusId !== null && old.has(edit.focusId) ? edit.focusId : null);
  return { put, remove, focusId };
}

/** Applies an edit to an array of nodes (what the store will hold afterwards). */
export function applyEdit(nodes: readonly CauseNode[], edit: TreeEdit): CauseNode[] {
  const removed = new Set(edit.remove);
  const put = new Map(edit.put.map((n) => [n.id, n]));
  const out = nodes.filter((n) => !removed.has(n.id) && !put.has(n.id));
  for (const n of edit.put) if (!removed.has(n.id)) out.push(n);
  return out;
}
