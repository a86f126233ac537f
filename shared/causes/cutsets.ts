import { foldTree } from '../domain';
import type { CauseNode, Gate } from '../domain';
import { buildTree, childrenOf, flattenTree } from './tree';

/** A fault tree: a basic event, or a gate over sub-trees. */
export type FaultTree = { event: string } | { gate: Gate; children: FaultTree[] };

export interface CutSetResult {
  /** Minimal cut sets, each sorted; the list is sorted by size then text. */
  cutSets: string[][];
  /** True when the expansion hit `limit` and the list is incomplete. */
  truncated: boolean;
}

/** More combinations than this and the analysis stops (a tree that size is unreadable anyway). */
export const DEFAULT_CUT_SET_LIMIT = 5_000;

/** Removes every set that contains another set of the list (absorption: A + A·B = A). */
function minimise(sets: Set<string>[]): Set<string>[] {
  const unique = new Map<string, Set<string>>();
  for (const s of sets) unique.set([...s].sort().join('\u0000'), s);
  const sorted = [...unique.values()].sort((a, b) => a.size - b.size);
  const kept: Set<string>[] = [];
  for (const s of sorted) {
    if (!kept.some((k) => k.size <= s.size && [...k].every((e) => s.has(e)))) kept.push(s);
  }
  return kept;
}

/**
 * Minimal cut sets of a fault tree, bottom-up in the manner of MOCUS: an OR gate lists its
 * children's cut sets side by side, an AND gate multiplies them out, and each intermediate
 * result is minimised (absorption) so repeated events collapse as the Boolean algebra says.
 */
export function minimalCutSets(tree: FaultTree, limit: number = DEFAULT_CUT_SET_LIMIT): CutSetResult {
  let truncated = false;
  const solve = (t: FaultTree, parts: Set<string>[][]): Set<string>[] => {
    if ('event' in t) return [new Set([t.event])];
    if (t.children.length === 0) return [];
    if (t.gate === 'OR') {
      let all = minimise(parts.flat());
      if (all.length > limit) {
        truncated = true;
        all = all.slice(0, limit);
      }
      return all;
    }
    let acc: Set<string>[] = [new Set()];
    for (const part of parts) {
      if (part.length === 0) return [];
      const next: Set<string>[] = [];
      for (const a of acc) {
        for (const b of part) {
          next.push(new Set([...a, ...b]));
          if (next.length > limit * 4) break;
        }
      }
      acc = minimise(next);
      if (acc.length > limit) {
        truncated = true;
        acc = acc.slice(0, limit);
      }
    }
    return acc;
  };
  const childrenOfGate = (t: FaultTree): readonly FaultTree[] => ('event' in t ? [] : t.children);
  const cutSets = foldTree(tree, childrenOfGate, solve)
    .map((s) => [...s].sort())
    .sort((a, b) => a.length - b.length || a.join('\u0000').localeCompare(b.join('\u0000')));
  return { cutSets, truncated };
}

/**
 * Kinds that are no basic events of the loss: mitigating factors limited it, and detection and
 * response gaps made it last longer or hurt more — they contributed, but the incident would have
 * happened without them, so an AND gate above them must not make them necessary.
 */
const NOT_CAUSES = new Set(['mitigating-factor', 'incident', 'detection-gap', 'response-gap']);

/** Text used to recognise the same basic event written twice in different branches. */
export function eventKey(node: CauseNode): string {
  const t = node.title.trim().toLowerCase().replace(/\s+/g, ' ');
  return t === '' ? `#${node.id}` : t;
}

/**
 * The cause tree as a fault tree. Leaves are basic events; two leaves with the same title are
 * the same event (as in a fault tree that repeats an event under several gates). Mitigating
 * factors and detection and response gaps are left out (see NOT_CAUSES). Returns null when there is nothing below the top node.
 */
export function causeFaultTree(
  nodes: readonly CauseNode[],
): { tree: FaultTree; events: Map<string, CauseNode[]> } | null {
  const tree = buildTree(nodes);
  if (tree.root === null) return null;
  const events = new Map<string, CauseNode[]>();
  const causal = (node: CauseNode): readonly CauseNode[] =>
    childrenOf(tree, node.id).filter((c) => !NOT_CAUSES.has(c.kind));
  const ft = foldTree(tree.root, causal, (node, results: (FaultTree | null)[]): FaultTree | null => {
    const kids = results.filter((c): c is FaultTree => c !== null);
    if (kids.length > 0) return { gate: node.gate, children: kids };
    if (node === tree.root) return null;
    const key = eventKey(node);
    const same = events.get(key);
    if (same === undefined) events.set(key, [node]);
    else same.push(node);
    return { event: key };
  });
  return ft === null ? null : { tree: ft, events };
}

/** One combination of causes that was sufficient for the incident. */
export interface CauseCutSet {
  causes: CauseNode[];
}

export interface CauseAnalysis {
  cutSets: CauseCutSet[];
  /** Causes that alone were enough (they form a cut set of size one). */
  singlePoints: CauseNode[];
  truncated: boolean;
}

/** Minimal cut sets and single points of failure of an incident's cause tree. */
export function analyseCauses(nodes: readonly CauseNode[], limit?: number): CauseAnalysis {
  const ft = causeFaultTree(nodes);
  if (ft === null) return { cutSets: [], singlePoints: [], truncated: false };
  const { cutSets, truncated } = minimalCutSets(ft.tree, limit);
  const first = (key: string): CauseNode => ft.events.get(key)![0]!;
  // Causes of a combination read in outline order, as the user wrote them.
  const position = new Map(flattenTree(buildTree(nodes)).map((r, i) => [r.node.id, i]));
  const inOutlineOrder = (a: CauseNode, b: CauseNode): number =>
    (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0);
  return {
    cutSets: cutSets.map((s) => ({ causes: s.map(first).sort(inOutlineOrder) })),
    singlePoints: cutSets.filter((s) => s.length === 1).map((s) => first(s[0]!)),
    truncated,
  };
}
