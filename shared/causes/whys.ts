import type { CauseNode } from '../domain';
import { buildTree, pathToRoot } from './tree';

/** One step of a 5 whys chain: "Why did <effect> happen?" — "Because <cause>". */
export interface WhyStep {
  effect: CauseNode;
  cause: CauseNode;
  /** 1-based step number. */
  n: number;
}

/**
 * The "5 whys" reading of one path: from the top node (the loss) down to `nodeId`, each step
 * asks why the previous node happened and answers with the next. The chain can be shorter or
 * longer than five; five is a habit, not a rule.
 */
export function fiveWhys(nodes: readonly CauseNode[], nodeId: string): WhyStep[] {
  const path = pathToRoot(buildTree(nodes), nodeId).reverse();
  const steps: WhyStep[] = [];
  for (let i = 1; i < path.length; i++) steps.push({ effect: path[i - 1]!, cause: path[i]!, n: i });
  return steps;
}
