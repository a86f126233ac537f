import { inkFor } from '../chart/contrast';
import type { CauseNode } from '../domain';
import { foldTree, hash64, walkTree } from '../domain';
import { mermaidLabel } from './escape';
import { kindLabel } from './kinds';
import { CAUSE_KIND_COLORS, kindClass } from './style';
import { buildTree, childrenOf } from './tree';
import type { CauseTree } from './tree';
import { nullProto } from '../domain/lookup';

/** Trees above this many nodes are drawn with collapsed subtrees ("+N") instead of failing. */
export const DIAGRAM_NODE_BUDGET = 150;

export interface DiagramOptions {
  /** Unresolved comment threads per cause id (badge). */
  openThreads?: ReadonlyMap<string, number>;
  /** Subtrees the user folded. */
  collapsed?: ReadonlySet<string>;
  /** Most cause boxes to draw (default DIAGRAM_NODE_BUDGET). */
  budget?: number;
}

export interface CauseDiagram {
  /** Mermaid flowchart source. */
  source: string;
  /** Content hash of the source (cache key for the rendered SVG). */
  hash: string;
  /** Mermaid node id → cause id, for clicks and highlighting. */
  nodeIds: Record<string, string>;
  /** Causes left out of the drawing (folded or over budget). */
  hiddenCount: number;
}

/**
 * Which nodes to draw: breadth-first from the top until the budget is spent, so a huge tree
 * keeps its upper levels; folded nodes contribute nothing below them.
 */
function visibleNodes(tree: CauseTree, budget: number, collapsed: ReadonlySet<string>): Set<string> {
  const shown = new Set<string>();
  if (tree.root === null) return shown;
  const queue: CauseNode[] = [tree.root];
  while (queue.length > 0 && shown.size < budget) {
    const n = queue.shift()!;
    shown.add(n.id);
    if (!collapsed.has(n.id)) queue.push(...childrenOf(tree, n.id));
  }
  return shown;
}

/** How many nodes sit below each node (all levels), in one bottom-up pass. */
function sizesBelow(tree: CauseTree): Map<string, number> {
  const below = new Map<string, number>();
  if (tree.root === null) return below;
  foldTree(
    tree.root,
    (n) => childrenOf(tree, n.id),
    (n, kids: number[]) => {
      const count = kids.reduce((sum, k) => sum + 1 + k, 0);
      below.set(n.id, count);
      return count;
    },
  );
  return below;
}

function badgeLine(node: CauseNode, threads: number): string {
  const parts: string[] = [];
  if (node.evidenceEventIds.length > 0) parts.push(`evidence ${node.evidenceEventIds.length}`);
  if (threads > 0) parts.push(`open threads ${threads}`);
  if (node.reviewState === 'agreed') parts.push('agreed');
  if (node.reviewState === 'disputed') parts.push('disputed');
  return parts.map((p) => mermaidLabel(p)).join(' · ');
}

function nodeLabel(node: CauseNode, threads: number): string {
  const lines = [
    `#171;${mermaidLabel(kindLabel(node.kind), 40)}#187;`,
    mermaidLabel(node.title.trim() === '' ? '(untitled)' : node.title),
  ];
  const badges = badgeLine(node, threads);
  if (badges !== '') lines.push(`#91;${badges}#93;`);
  return lines.join('<br/>');
}

/** classDef lines: kinds by fill colour, review states by border. */
function classDefs(): string[] {
  const defs = Object.entries(CAUSE_KIND_COLORS).map(([kind, color]) => {
    return `  classDef ${kindClass(kind)} fill:${color},stroke:#333333,color:${inkFor(color)}`;
  });
  defs.push('  classDef k_other fill:#dddddd,stroke:#333333,color:#000000');
  defs.push('  classDef gate fill:#ffffff,stroke:#333333,color:#000000,font-size:11px');
  defs.push('  classDef more fill:#f4f4f4,stroke:#999999,stroke-dasharray:4 3,color:#333333');
  defs.push('  classDef r_agreed stroke:#009E73,stroke-width:4px');
  defs.push('  classDef r_disputed stroke:#D55E00,stroke-width:4px,stroke-dasharray:7 4');
  return defs;
}

/**
 * How cause diagram edges are drawn: down first, then across only in the gap between two rows,
 * so no edge leaves a tall box diagonally through a shorter neighbour (mermaid's bend points
 * sit in that gap; straight or curved lines to them cut corners of other boxes).
 */
export const CAUSE_DIAGRAM_CURVE = 'stepBefore';

/**
 * A cause diagram as a Markdown ```mermaid block, its edge style in the block's own front
 * matter so a renderer with default settings (GitHub, an editor) draws edges as the app does.
 */
export function mermaidBlock(source: string): string {
  const config = ['---', 'config:', '  flowchart:', `    curve: ${CAUSE_DIAGRAM_CURVE}`, '---'];
  return `\`\`\`mermaid\n${config.join('\n')}\n${source.trimEnd()}\n\`\`\``;
}

/**
 * The cause tree as a top-down mermaid flowchart: each cause a box (kind as style, evidence and
 * open threads as a badge line, review state as border), each node with two or more causes
 * below it an AND/OR gate node between it and them, mitigating factors on a dotted line beside
 * the gate, and hidden subtrees as a "+N" box. Mermaid ids are
 * generated (`c0`, `c1`…), never taken from user data, and every label goes through
 * `mermaidLabel`.
 */
export function causeDiagram(nodes: readonly CauseNode[], options: DiagramOptions = {}): CauseDiagram {
  const tree = buildTree(nodes);
  const budget = Math.max(1, options.budget ?? DIAGRAM_NODE_BUDGET);
  const shown = visibleNodes(tree, budget, options.collapsed ?? new Set());
  const lines = ['flowchart TD'];
  const classes: string[] = [];
  const nodeIds: Record<string, string> = nullProto({});
  const mid = new Map<string, string>();
  let hiddenCount = 0;
  let i = 0;
  const below = sizesBelow(tree);
  /* Per drawn node: its mermaid id, where edges to its children start (itself or its gate), and
   * the "+N more" count; edges are written after the child's own lines, as the reading order. */
  const drawnKids = (node: CauseNode): readonly CauseNode[] =>
    childrenOf(tree, node.id).filter((k) => shown.has(k.id));
  const from = new Map<string, string>();
  const hiddenOf = new Map<string, number>();
  if (tree.root !== null)
    walkTree(tree.root, drawnKids, {
      enter: (node) => {
        const id = `c${i++}`;
        mid.set(node.id, id);
        nodeIds[id] = node.id;
        const threads = options.openThreads?.get(node.id) ?? 0;
        lines.push(`  ${id}["${nodeLabel(node, threads)}"]`);
        classes.push(`  class ${id} ${kindClass(node.kind)}`);
        if (node.reviewState !== 'open') classes.push(`  class ${id} r_${node.reviewState}`);
        const kids = childrenOf(tree, node.id);
        const drawn = kids.filter((k) => shown.has(k.id));
        const hidden = kids
          .filter((k) => !shown.has(k.id))
          .reduce((sum, k) => sum + 1 + (below.get(k.id) ?? 0), 0);
        hiddenCount += hidden;
        hiddenOf.set(node.id, hidden);
        // Mitigating factors limited the loss; they hang off the node on a dotted line, outside the gate.
        const causal = drawn.filter((k) => k.kind !== 'mitigating-factor');
        const targets = causal.length + (hidden > 0 ? 1 : 0);
        let start = id;
        if (targets >= 2) {
          start = `${id}g`;
          lines.push(`  ${start}(("${node.gate}"))`, `  ${id} --- ${start}`);
          classes.push(`  class ${start} gate`);
        }
        from.set(node.id, start);
      },
      leave: (node) => {
        const id = mid.get(node.id)!;
        const start = from.get(node.id)!;
        const hidden = hiddenOf.get(node.id) ?? 0;
        if (hidden > 0) {
          lines.push(`  ${id}m["+${hidden} more"]`, `  ${start} -.- ${id}m`);
          classes.push(`  class ${id}m more`);
        }
        const parentId = tree.parent.get(node.id) ?? null;
        if (parentId === null || !mid.has(parentId)) return;
        const p = mid.get(parentId)!;
        lines.push(
          node.kind === 'mitigating-factor' ? `  ${p} -.- ${id}` : `  ${from.get(parentId)!} --- ${id}`,
        );
      },
    });
  const source = [...lines, ...classDefs(), ...classes, ''].join('\n');
  return { source, hash: hash64(source), nodeIds, hiddenCount };
}
