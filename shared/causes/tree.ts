import type { CauseNode } from '../domain';

/** A cause tree indexed for reading: the top node, nodes by id, and ordered children. */
export interface CauseTree {
  root: CauseNode | null;
  byId: ReadonlyMap<string, CauseNode>;
  /** Children of each node id, sorted by `order` (then id, so ties are stable). */
  children: ReadonlyMap<string, readonly CauseNode[]>;
  /** Effective parent of each node as shown (null for the top node). */
  parent: ReadonlyMap<string, string | null>;
}

/** One row of the outline: a node, its depth (root = 0) and its position among siblings. */
export interface OutlineRow {
  node: CauseNode;
  depth: number;
  index: number;
  hasChildren: boolean;
}

function byOrder(a: CauseNode, b: CauseNode): number {
  return a.order - b.order || a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

/**
 * Indexes the nodes of one incident. The top node is the oldest node without a parent; any
 * other parentless node, or one whose parent is missing or in a cycle, hangs under the top
 * node so nothing a user wrote is ever hidden.
 */
export function buildTree(nodes: readonly CauseNode[]): CauseTree {
  const byId = new Map<string, CauseNode>();
  for (const n of nodes) byId.set(n.id, n);
  const tops = nodes.filter((n) => n.parentId === null).sort(byOrder);
  const root = tops[0] ?? null;
  const parentOf = (n: CauseNode): string | null => {
    if (n === root) return null;
    if (n.parentId === null || !byId.has(n.parentId) || inCycle(n, byId)) return root?.id ?? null;
    return n.parentId;
  };
  const children = new Map<string, CauseNode[]>();
  const parent = new Map<string, string | null>();
  for (const n of nodes) {
    const p = parentOf(n);
    parent.set(n.id, p);
    if (p === null) continue;
    let list = children.get(p);
    if (list === undefined) children.set(p, (list = []));
    list.push(n);
  }
  for (const list of children.values()) list.sort(byOrder);
  return { root, byId, children, parent };
}

function inCycle(start: CauseNode, byId: ReadonlyMap<string, CauseNode>): boolean {
  const seen = new Set<string>([start.id]);
  let cur = start.parentId;
  while (cur !== null) {
    if (seen.has(cur)) return true;
    seen.add(cur);
    cur = byId.get(cur)?.parentId ?? null;
  }
  return false;
}

/** Ordered children of a node (empty for leaves and unknown ids). */
export function childrenOf(tree: CauseTree, id: string): readonly CauseNode[] {
  return tree.children.get(id) ?? [];
}

/** The effective parent id as the tree shows it (null for the top node). */
export function parentIdOf(tree: CauseTree, id: string): string | null {
  return tree.parent.get(id) ?? null;
}

/** The outline in reading order (depth-first, children by order). */
export function flattenTree(tree: CauseTree, collapsed: ReadonlySet<string> = new Set()): OutlineRow[] {
  const rows: OutlineRow[] = [];
  if (tree.root === null) return rows;
  const visit = (node: CauseNode, depth: number, index: number): void => {
    const kids = childrenOf(tree, node.id);
    rows.push({ node, depth, index, hasChildren: kids.length > 0 });
    if (collapsed.has(node.id)) return;
    kids.forEach((k, i) => visit(k, depth + 1, i));
  };
  visit(tree.root, 0, 0);
  return rows;
}

/** Ids of a node and all its descendants. */
export function subtreeIds(tree: CauseTree, id: string): string[] {
  const out: string[] = [];
  const stack = [id];
  while (stack.length > 0) {
    const cur = stack.pop()!;
    out.push(cur);
    for (const c of childrenOf(tree, cur)) stack.push(c.id);
  }
  return out;
}

/** The nodes from `id` up to the top node: `[node, parent, …, top]`. Empty for unknown ids. */
export function pathToRoot(tree: CauseTree, id: string): CauseNode[] {
  const out: CauseNode[] = [];
  let cur: string | null = id;
  const seen = new Set<string>();
  while (cur !== null && !seen.has(cur)) {
    seen.add(cur);
    const node = tree.byId.get(cur);
    if (node === undefined) break;
    out.push(node);
    cur = parentIdOf(tree, cur);
  }
  return out;
}

/** Leaves of the tree below the top node (nodes without children). */
export function leavesOf(tree: CauseTree): CauseNode[] {
  return flattenTree(tree)
    .filter((r) => r.depth > 0 && !r.hasChildren)
    .map((r) => r.node);
}
