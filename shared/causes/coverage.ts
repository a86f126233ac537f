import type { ActionItem, CauseNode } from '../domain';
import { ACTIONABLE_KINDS } from './kinds';
import { buildTree, flattenTree, parentIdOf } from './tree';

export interface Coverage {
  /** The deepest actionable causes (root causes, contributing factors, gaps) that need an action item. */
  needing: CauseNode[];
  /** Those of them no live action item addresses, on themselves or on a cause above them. */
  uncovered: CauseNode[];
  /** Action ids addressing each cause directly. */
  actionsByCause: Map<string, string[]>;
}

/**
 * Which actionable causes no action item addresses. The causes that need one are the actionable
 * causes with no actionable cause below them (a root cause whose only child is its trigger still
 * needs a fix); an action on a cause covers the causes under it too, so coverage
 * moves whenever a factor gains an action item. An action closed as "won't do" addresses
 * nothing; every other status counts (a planned fix is still a fix).
 */
export function causeCoverage(nodes: readonly CauseNode[], actions: readonly ActionItem[]): Coverage {
  const actionsByCause = new Map<string, string[]>();
  for (const a of actions) {
    if (a.status === 'wont-do') continue;
    for (const id of a.causeIds) actionsByCause.set(id, [...(actionsByCause.get(id) ?? []), a.id]);
  }
  const tree = buildTree(nodes);
  const rows = flattenTree(tree).filter((r) => r.depth > 0);
  const actionable = (n: CauseNode) => ACTIONABLE_KINDS.includes(n.kind);
  // Depth-first order, read backwards: every child is seen before its parent.
  const hasActionableBelow = new Set<string>();
  for (let i = rows.length - 1; i >= 0; i--) {
    const n = rows[i]!.node;
    const parent = parentIdOf(tree, n.id);
    if (parent !== null && (actionable(n) || hasActionableBelow.has(n.id))) hasActionableBelow.add(parent);
  }
  // Read forwards: a cause is covered when it or a cause above it has an action.
  const covered = new Set<string>();
  for (const { node: n } of rows) {
    const parent = parentIdOf(tree, n.id);
    if (actionsByCause.has(n.id) || (parent !== null && covered.has(parent))) covered.add(n.id);
  }
  const needing = rows.map((r) => r.node).filter((n) => actionable(n) && !hasActionableBelow.has(n.id));
  return { needing, uncovered: needing.filter((n) => !covered.has(n.id)), actionsByCause };
}
