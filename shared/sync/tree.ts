/**
 * The cause tree under concurrent moves (docs/sync-design.md, "The cause tree under concurrent
 * moves"). Every replica merges `parentId`s last-writer-wins per field, which can leave a node
 * under a deleted parent, under an id nobody has, beside a second top node, or in a cycle. The
 * repair is a pure function of the merged rows, so every replica shows the same tree without
 * writing anything back:
 *
 * 1. a live node whose parent is a tombstone goes to the nearest live ancestor along the
 *    tombstones' own parent chain;
 * 2. a node whose parent is unknown, or a second top node, goes under the top node (the
 *    earliest-created live node without parent; failing one, the earliest-created node the
 *    first rule left without parent; failing that, the earliest-created node);
 * 3. a cycle is broken at its node with the latest `movedAt`, which goes under the top node.
 *
 * Every live node then reaches the top node and none is lost. No recursion: depth is data.
 */
import type { MovedAt } from './model';

/** One cause as the repair sees it. */
export interface TreeNodeInput {
  id: string;
  /** The merged (possibly stale) parent id; null for a node that claims the top. */
  parentId: string | null;
  createdAt: number;
  /** The last `parentId` change, or null when the row has none. */
  movedAt: MovedAt | null;
  /** False for a tombstone: kept for its parent chain, left out of the result. */
  live: boolean;
}

/** Why a node's shown parent differs from its stored one. */
export type RepairReason = 'deleted-parent' | 'unknown-parent' | 'second-top' | 'cycle';

/** The repaired tree: the top node and the parent each live node is shown under. */
export interface RepairedTree {
  top: string | null;
  /** Shown parent of every live node (null only for the top node). */
  parent: Map<string, string | null>;
  /** Nodes shown under a parent other than their stored one, and why. */
  repaired: Map<string, RepairReason>;
}

const NO_PARENT = null;
const UNKNOWN = Symbol('unknown parent');
type Resolved = string | typeof NO_PARENT | typeof UNKNOWN;

function byCreation(a: TreeNodeInput, b: TreeNodeInput): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Orders move stamps; a node never moved sorts before every move. Ties broken by id. */
function laterMove(a: TreeNodeInput, b: TreeNodeInput): boolean {
  const ma = a.movedAt ?? [-Infinity, -1];
  const mb = b.movedAt ?? [-Infinity, -1];
  if (ma[0] !== mb[0]) return ma[0] > mb[0];
  if (ma[1] !== mb[1]) return ma[1] > mb[1];
  return a.id > b.id;
}

/**
 * The live parent a node's stored parent stands for (rule 1): the parent itself when live, the
 * nearest live ancestor through tombstones, NO_PARENT for none, UNKNOWN when the chain ends in
 * an unknown id, a parentless tombstone or a loop of tombstones. Memoised per tombstone, so
 * long tombstone chains cost linear time overall.
 */
function resolver(byId: ReadonlyMap<string, TreeNodeInput>): (parentId: string | null) => Resolved {
  const memo = new Map<string, Resolved>();
  return (parentId) => {
    if (parentId === null) return NO_PARENT;
    const path: string[] = [];
    const onPath = new Set<string>();
    let cur: string | null = parentId;
    let result: Resolved = UNKNOWN;
    while (cur !== null) {
      const known = memo.get(cur);
      if (known !== undefined) {
        result = known;
        break;
      }
      const node = byId.get(cur);
      if (node === undefined || onPath.has(cur)) break;
      if (node.live) {
        result = cur;
        break;
      }
      path.push(cur);
      onPath.add(cur);
      cur = node.parentId;
    }
    for (const id of path) memo.set(id, result);
    return result;
  };
}

/** Repairs a merged cause tree (rules above). Nodes may come in any order; the result is the same. */
export function repairTree(nodes: readonly TreeNodeInput[]): RepairedTree {
  const byId = new Map<string, TreeNodeInput>();
  for (const n of nodes) byId.set(n.id, n);
  const live = [...byId.values()].filter((n) => n.live).sort(byCreation);
  const resolve = resolver(byId);
  const resolved = new Map<string, Resolved>();
  for (const n of live) resolved.set(n.id, resolve(n.parentId));

  const top =
    live.find((n) => n.parentId === null) ??
    live.find((n) => resolved.get(n.id) === UNKNOWN) ??
    live[0] ??
    null;
  const parent = new Map<string, string | null>();
  const repaired = new Map<string, RepairReason>();
  for (const n of live) {
    const r = resolved.get(n.id)!;
    if (n === top) {
      parent.set(n.id, null);
      if (n.parentId !== null) repaired.set(n.id, r === UNKNOWN ? 'unknown-parent' : 'cycle');
    } else if (r === NO_PARENT || r === UNKNOWN) {
      parent.set(n.id, top!.id);
      repaired.set(n.id, r === NO_PARENT ? 'second-top' : 'unknown-parent');
    } else {
      parent.set(n.id, r);
      if (r !== n.parentId) repaired.set(n.id, 'deleted-parent');
    }
  }
  if (top !== null) breakCycles(live, byId, parent, repaired, top.id);
  return { top: top?.id ?? null, parent, repaired };
}

/**
 * Rule 3. Each node's walk up stops at the first node already known to reach the top; a walk
 * that meets its own path found a cycle, broken at its latest-moved node. Linear overall.
 */
function breakCycles(
  live: readonly TreeNodeInput[],
  byId: ReadonlyMap<string, TreeNodeInput>,
  parent: Map<string, string | null>,
  repaired: Map<string, RepairReason>,
  top: string,
): void {
  const reachesTop = new Set<string>([top]);
  for (const start of live) {
    const path: string[] = [];
    const index = new Map<string, number>();
    let cur: string | null = start.id;
    while (cur !== null && !reachesTop.has(cur)) {
      const seen = index.get(cur);
      if (seen !== undefined) {
        let cut = byId.get(cur)!;
        for (let i = seen + 1; i < path.length; i++) {
          const n = byId.get(path[i]!)!;
          if (laterMove(n, cut)) cut = n;
        }
        parent.set(cut.id, top);
        repaired.set(cut.id, 'cycle');
        break;
      }
      index.set(cur, path.length);
      path.push(cur);
      cur = parent.get(cur) ?? null;
    }
    for (const id of path) reachesTop.add(id);
  }
}
