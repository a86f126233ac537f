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

/**
 * The deepest level a view indents. A cause tree may be any depth (a bundle can hold a
 * 50,000-deep chain), but past this many levels indentation stops helping a reader: views and
 * exports draw deeper nodes at this indent and write their level out instead.
 */
export const MAX_INDENT_DEPTH = 24;

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
  const cyclic = cyclicNodes(byId);
  const parentOf = (n: CauseNode): string | null => {
    if (n === root) return null;
    if (n.parentId === null || !byId.has(n.parentId) || cyclic.has(n.id)) return root?.id ?? null;
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

/**
 * Ids of the nodes whose parent chain never ends (it runs into a cycle). Each node is walked
 * once: a walk stops at the first node already decided, so a 20,000-deep chain costs 20,000
 * steps, not 20,000² (a walk per node to its top).
 */
function cyclicNodes(byId: ReadonlyMap<string, CauseNode>): Set<string> {
  const ends = new Set<string>();
  const cyclic = new Set<string>();
  const onPath = new Set<string>();
  for (const start of byId.keys()) {
    if (ends.has(start) || cyclic.has(start)) continue;
    const path: string[] = [];
    let cur: string | null = start;
    let loops = false;
    while (cur !== null) {
      if (ends.has(cur)) break;
      if (cyclic.has(cur) || onPath.has(cur)) {
        loops = true;
        break;
      }
      onPath.add(cur);
      path.push(cur);
      const parent: string | null = byId.get(cur)?.parentId ?? null;
      cur = parent !== null && byId.has(parent) ? parent : null;
    }
    for (const id of path) (loops ? cyclic : ends).add(id);
    onPath.clear();
  }
  return cyclic;
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
  // An explicit stack, not recursion: the depth is whatever the data says (20,000 is possible).
  const stack: { node: CauseNode; depth: number; index: number }[] = [
    { node: tree.root, depth: 0, index: 0 },
  ];
  while (stack.length > 0) {
    const { node, depth, index } = stack.pop()!;
    const kids = childrenOf(tree, node.id);
    rows.push({ node, depth, index, hasChildren: kids.length > 0 });
    if (collapsed.has(node.id)) continue;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, depth: depth + 1, index: i });
  }
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
