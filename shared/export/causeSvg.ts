import { inkFor } from '../chart/contrast';
import { kindLabel } from '../causes/kinds';
import { causeKindColor } from '../causes/style';
import { buildTree, childrenOf } from '../causes/tree';
import type { CauseNode } from '../domain';
import { escapeXml } from './escape';

const BOX_W = 184;
const LINE_H = 15;
const PAD = 8;
const GAP_X = 18;
const GAP_Y = 46;
const MAX_LINES = 4;
const CHARS_PER_LINE = 27;
/** Trees beyond this many causes draw their first ones and say how many were left out. */
export const SVG_NODE_BUDGET = 120;

/** Wraps text into at most MAX_LINES lines of about CHARS_PER_LINE characters. */
function wrap(text: string): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line === '' ? word : `${line} ${word}`;
    if ([...next].length <= CHARS_PER_LINE || line === '') line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  const shown = lines
    .slice(0, MAX_LINES)
    .map((l) => ([...l].length > CHARS_PER_LINE + 6 ? `${[...l].slice(0, CHARS_PER_LINE)}…` : l));
  if (lines.length > MAX_LINES) shown[MAX_LINES - 1] = `${shown[MAX_LINES - 1] ?? ''}…`;
  return shown;
}

interface Placed {
  node: CauseNode;
  x: number;
  depth: number;
  lines: string[];
  children: Placed[];
}

/**
 * The cause tree drawn as a self-contained SVG (top-down boxes coloured by kind, AND/OR gates,
 * connectors). Written as text in any runtime — no DOM, no mermaid — so Node exports and the
 * app show the same picture; every label is escaped, nothing from the data becomes markup.
 */
export function causeTreeSvg(nodes: readonly CauseNode[], title = 'Cause diagram'): string {
  const tree = buildTree(nodes);
  if (tree.root === null) return '';
  let count = 0;
  let nextLeaf = 0;
  let maxDepth = 0;
  const place = (node: CauseNode, depth: number): Placed => {
    count++;
    maxDepth = Math.max(maxDepth, depth);
    const children: Placed[] = [];
    for (const k of childrenOf(tree, node.id)) {
      if (count >= SVG_NODE_BUDGET) break;
      children.push(place(k, depth + 1));
    }
    const lines = wrap(node.title.trim() === '' ? '(untitled)' : node.title);
    if (children.length === 0) return { node, x: nextLeaf++, depth, lines, children };
    const x = ((children[0]?.x ?? 0) + (children[children.length - 1]?.x ?? 0)) / 2;
    return { node, x, depth, lines, children };
  };
  const root = place(tree.root, 0);
  const hidden = nodes.length - count;
  let lines = 1;
  const measure = (p: Placed): void => {
    lines = Math.max(lines, p.lines.length);
    p.children.forEach(measure);
  };
  measure(root);
  const boxH = PAD * 2 + LINE_H * (lines + 1);
  const rowH = boxH + GAP_Y;
  const width = Math.max(1, nextLeaf) * (BOX_W + GAP_X) + GAP_X;
  const height = (maxDepth + 1) * rowH - GAP_Y + GAP_X * 2 + (hidden > 0 ? 24 : 0);
  const cx = (p: Placed): number => GAP_X + p.x * (BOX_W + GAP_X) + BOX_W / 2;
  const top = (p: Placed): number => GAP_X + p.depth * rowH;

  const edges: string[] = [];
  const boxes: string[] = [];
  const visit = (p: Placed): void => {
    const x = cx(p);
    const y = top(p);
    const fill = causeKindColor(p.node.kind);
    const ink = inkFor(fill);
    const label = [`<tspan x="${x}" dy="0" font-weight="600">${escapeXml(kindLabel(p.node.kind))}</tspan>`];
    p.lines.forEach((l) => label.push(`<tspan x="${x}" dy="${LINE_H}">${escapeXml(l)}</tspan>`));
    boxes.push(
      `<g class="cause"><title>${escapeXml(`${kindLabel(p.node.kind)}: ${p.node.title}`)}</title>` +
        `<rect x="${x - BOX_W / 2}" y="${y}" width="${BOX_W}" height="${boxH}" rx="6" fill="${fill}" stroke="#333333"/>` +
        `<text x="${x}" y="${y + PAD + 11}" text-anchor="middle" font-size="12" fill="${ink}">${label.join('')}</text></g>`,
    );
    if (p.children.length === 0) return;
    const bottom = y + boxH;
    const bus = bottom + GAP_Y / 2;
    if (p.children.length >= 2) {
      edges.push(`<line x1="${x}" y1="${bottom}" x2="${x}" y2="${bus - 9}"/>`);
      boxes.push(
        `<g class="gate"><circle cx="${x}" cy="${bus}" r="11" fill="#ffffff" stroke="#333333"/>` +
          `<text x="${x}" y="${bus + 3.5}" text-anchor="middle" font-size="9" fill="#000000">${p.node.gate}</text></g>`,
      );
      const left = cx(p.children[0]!);
      const right = cx(p.children[p.children.length - 1]!);
      edges.push(`<line x1="${left}" y1="${bus + 14}" x2="${right}" y2="${bus + 14}"/>`);
      edges.push(`<line x1="${x}" y1="${bus + 11}" x2="${x}" y2="${bus + 14}"/>`);
      for (const c of p.children)
        edges.push(`<line x1="${cx(c)}" y1="${bus + 14}" x2="${cx(c)}" y2="${top(c)}"/>`);
    } else {
      const c = p.children[0]!;
      edges.push(`<path d="M${x} ${bottom} L${x} ${bus} L${cx(c)} ${bus} L${cx(c)} ${top(c)}" fill="none"/>`);
    }
    p.children.forEach(visit);
  };
  visit(root);
  const more =
    hidden > 0
      ? `<text x="${GAP_X}" y="${height - 8}" font-size="12" fill="#333333">${hidden} more causes are not drawn; see the cause list.</text>`
      : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="cause-diagram" role="img" viewBox="0 0 ${width} ${height}" ` +
    `width="${width}" height="${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">` +
    `<title>${escapeXml(title)}</title><g stroke="#555555" stroke-width="1.5">${edges.join('')}</g>${boxes.join('')}${more}</svg>`
  );
}
