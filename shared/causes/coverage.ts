import type { ActionItem, CauseNode } from '../domain';
import { ACTIONABLE_KINDS } from './kinds';
import { buildTree, leavesOf } from './tree';

export interface Coverage {
  /** Leaf causes that need an action item (root causes, contributing factors, gaps). */
  needing: CauseNode[];
  /** Those of them no live action item addresses. */
  uncovered: CauseNode[];
  /** Action ids addressing each covered cause. */
  actionsByCause: Map<string, string[]>;
}

/**
 * Which actionable leaf causes no action item addresses. An action closed as "won't do"
 * addresses nothing; every other status counts (a planned fix is still a fix).
 */
export function causeCoverage(nodes: readonly CauseNode[], actions: readonly ActionItem[]): Coverage {
  const actionsByCause = new Map<string, string[]>();
  for (const a of actions) {
    if (a.status === 'wont-do') continue;
    for (const id of a.causeIds) actionsByCause.set(id, [...(actionsByCause.get(id) ?? []), a.id]);
  }
  const needing = leavesOf(buildTree(nodes)).filter((n) => ACTIONABLE_KINDS.includes(n.kind));
  return { needing, uncovered: needing.filter((n) => !actionsByCause.has(n.id)), actionsByCause };
}
