import { wrapText } from '../chart/textMetrics';
import type { CauseNode } from '../domain';
import { walkTree } from '../domain';
import { FISHBONE_MAX_DEPTH, fishboneBones, type FishboneBone, type FishboneItem } from './fishbone';
import { buildTree } from './tree';

/** Font size and line height of every label of the fishbone. */
export const FISHBONE_FONT_PX = 12;
export const FISHBONE_LINE_PX = 15;
/** Rows one bone draws before the rest are counted in a "+N more causes" row. */
export const FISHBONE_ROWS_PER_BONE = 40;
/** Padding between a label's box and its text. */
export const FISHBONE_PAD = { x: 4, y: 3 } as const;

const LIMITS = {
  head: { maxWidth: 170, maxLines: 8, bold: true },
  category: { maxWidth: 150, maxLines: 2, bold: true },
  cause: { maxWidth: 190, maxLines: 4, bold: false },
  more: { maxWidth: 190, maxLines: 2, bold: false },
} as const;
/** Indent of a sub-cause under its cause; its branch line runs down the first half. */
const INDENT = 18;
const ROW_GAP = 6;
/** Least horizontal distance between a label and its bone. */
const BONE_CLEAR = 10;
/** How far a bone leans towards the tail for each px it runs away from the spine. */
const SLANT = 0.3;
const CATEGORY_GAP = 8;
const SPINE_GAP = 14;
const BONE_GAP = 28;
const HEAD_GAP = 14;
const MARGIN = 16;

export interface FishboneBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type FishboneLabelKind = 'head' | 'category' | 'cause' | 'more';

/** A label placed on the canvas: its box holds all its (wrapped) lines with padding. */
export interface FishboneLabel {
  kind: FishboneLabelKind;
  box: FishboneBox;
  lines: string[];
  /** The whole text (the lines may be cut), for tooltips and the description. */
  text: string;
  bold: boolean;
  /** The cause a `cause` label stands for. */
  causeId: string | null;
  /** Nesting under the category: 0 for a cause on the bone itself. */
  depth: number;
}

/** spine: the horizontal axis; bone: a category's slanted line; rib: a cause's line to its bone; branch: a sub-cause's line. */
export type FishboneLineKind = 'spine' | 'bone' | 'rib' | 'branch';

export interface FishboneLine {
  kind: FishboneLineKind;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The whole fishbone, positioned: what both the app and an exported SVG draw. */
export interface FishboneLayout {
  width: number;
  height: number;
  /** Head first, then each bone's category followed by its causes in outline order. */
  labels: FishboneLabel[];
  lines: FishboneLine[];
}

function makeLabel(
  kind: FishboneLabelKind,
  text: string,
  causeId: string | null = null,
  depth = 0,
): FishboneLabel {
  const limits = LIMITS[kind];
  const shown = text.trim() === '' ? '(untitled)' : text;
  const wrapped = wrapText(shown, { ...limits, fontSize: FISHBONE_FONT_PX });
  const box = {
    x: 0,
    y: 0,
    width: Math.ceil(wrapped.width) + 2 * FISHBONE_PAD.x,
    height: wrapped.lines.length * FISHBONE_LINE_PX + 2 * FISHBONE_PAD.y,
  };
  return { kind, box, lines: wrapped.lines, text: shown, bold: limits.bold, causeId, depth };
}

/** A bone's causes as outline rows (depth-first), deep or numerous ones counted in "+N" rows. */
function boneRows(bone: FishboneBone): FishboneLabel[] {
  const rows: FishboneLabel[] = [];
  const kids = (item: FishboneItem): readonly FishboneItem[] => item.children;
  let left = 0;
  for (const top of bone.causes)
    walkTree(top, kids, {
      enter: (item, depth) => {
        if (rows.length >= FISHBONE_ROWS_PER_BONE) {
          left++;
          return true;
        }
        rows.push(makeLabel('cause', item.node.title, item.node.id, depth));
        if (depth + 1 < FISHBONE_MAX_DEPTH || item.children.length === 0) return true;
        let deeper = -1;
        walkTree(item, kids, { enter: () => void deeper++ });
        rows.push(makeLabel('more', `+${deeper} deeper causes: see the outline`, null, depth + 1));
        return false;
      },
    });
  if (left > 0) rows.push(makeLabel('more', `+${left} more causes: see the outline`));
  return rows;
}

/** One bone laid out on its own, x from 0 and y from the top of its band; `spineY` is where it meets the spine. */
interface BoneDraft {
  labels: FishboneLabel[];
  lines: FishboneLine[];
  minX: number;
  maxX: number;
  height: number;
  spineY: number;
}

/**
 * A bone above the spine has its category on top and its causes below it; one below the spine
 * has its causes first and its category at the bottom. Causes are rows (never side by side), so
 * labels cannot meet; each row sits left of the bone, which leans away from the spine only as
 * far as the rows leave room.
 */
function layoutBone(bone: FishboneBone, side: 'above' | 'below'): BoneDraft {
  const category = makeLabel('category', bone.category);
  const rows = boneRows(bone);
  let y = side === 'above' ? category.box.height + CATEGORY_GAP : SPINE_GAP;
  const ribY: number[] = [];
  for (const row of rows) {
    row.box.x = row.depth * INDENT;
    row.box.y = y;
    ribY.push(y + row.box.height + 1);
    y += row.box.height + 1 + ROW_GAP;
  }
  const rowsEnd = y - ROW_GAP + 1;
  const spineY = side === 'above' ? rowsEnd + SPINE_GAP : 0;
  if (side === 'below') category.box.y = rowsEnd + CATEGORY_GAP;
  const catEdge = side === 'above' ? category.box.height + 1 : category.box.y - 1;
  // The spine end of the bone: far enough right that the leaning bone clears every row.
  let xs = 0;
  rows.forEach((row, i) => {
    const far = Math.max(Math.abs(row.box.y - spineY), Math.abs(ribY[i]! - spineY));
    xs = Math.max(xs, row.box.x + row.box.width + BONE_CLEAR + SLANT * far);
  });
  const boneX = (at: number): number => xs - SLANT * Math.abs(at - spineY);
  category.box.x = boneX(catEdge) - category.box.width / 2;

  const lines: FishboneLine[] = [{ kind: 'bone', x1: xs, y1: spineY, x2: boneX(catEdge), y2: catEdge }];
  const parents: number[] = [];
  rows.forEach((row, i) => {
    const r = ribY[i]!;
    parents.length = row.depth;
    const parent = row.depth > 0 ? parents[row.depth - 1] : undefined;
    if (parent === undefined) lines.push({ kind: 'rib', x1: row.box.x, y1: r, x2: boneX(r), y2: r });
    else {
      // Down from the parent's line, in the gap its indent leaves, then under this label.
      const px = rows[parent]!.box.x + INDENT / 2;
      lines.push({ kind: 'branch', x1: px, y1: ribY[parent]!, x2: px, y2: r });
      lines.push({ kind: 'branch', x1: px, y1: r, x2: row.box.x + row.box.width, y2: r });
    }
    parents[row.depth] = i;
  });
  const labels = [category, ...rows];
  const minX = Math.min(0, category.box.x);
  const maxX = Math.max(xs, ...labels.map((l) => l.box.x + l.box.width));
  const height = side === 'above' ? spineY : category.box.y + category.box.height;
  return { labels, lines, minX, maxX, height, spineY };
}

function shift(draft: BoneDraft, dx: number, dy: number): void {
  for (const l of draft.labels) {
    l.box.x += dx;
    l.box.y += dy;
  }
  for (const l of draft.lines) {
    l.x1 += dx;
    l.x2 += dx;
    l.y1 += dy;
    l.y2 += dy;
  }
}

/**
 * Lays out the fishbone (Ishikawa) diagram of a cause tree: the incident (the top node) as the
 * head at the right end of the spine, one bone per category alternating above and below the
 * spine, each cause a wrapped label on its own row along its bone, sub-causes indented under
 * it. Every size comes from the labels, and the canvas grows to hold them: no two labels
 * overlap, no line crosses a label, and everything lies inside `width` × `height`.
 */
export function layoutFishbone(nodes: readonly CauseNode[], categories: readonly string[]): FishboneLayout {
  const tree = buildTree(nodes);
  const head = makeLabel('head', tree.root?.title ?? 'Incident');
  const drafts = fishboneBones(nodes, categories).map((bone, i) =>
    layoutBone(bone, i % 2 === 0 ? 'above' : 'below'),
  );
  const sides = [drafts.filter((_, i) => i % 2 === 0), drafts.filter((_, i) => i % 2 === 1)] as const;
  const sideWidth = (side: readonly BoneDraft[]): number =>
    side.reduce((w, d, i) => w + (d.maxX - d.minX) + (i > 0 ? BONE_GAP : 0), 0);
  const bonesWidth = Math.max(sideWidth(sides[0]), sideWidth(sides[1]));
  const above = Math.max(head.box.height / 2, ...sides[0].map((d) => d.height));
  const below = Math.max(head.box.height / 2, ...sides[1].map((d) => d.height));
  const spineY = MARGIN + above;
  const lines: FishboneLine[] = [];
  const labels: FishboneLabel[] = [head];
  for (const side of sides) {
    // Both sides end at the head, so a shorter side starts further right.
    let x = MARGIN + bonesWidth - sideWidth(side);
    for (const d of side) {
      shift(d, x - d.minX, spineY - d.spineY);
      x += d.maxX - d.minX + BONE_GAP;
    }
  }
  for (const d of drafts) {
    labels.push(...d.labels);
    lines.push(...d.lines);
  }
  head.box.x = MARGIN + bonesWidth + HEAD_GAP;
  head.box.y = spineY - head.box.height / 2;
  lines.unshift({ kind: 'spine', x1: MARGIN, y1: spineY, x2: head.box.x - 1, y2: spineY });
  return {
    width: Math.ceil(head.box.x + head.box.width + MARGIN),
    height: Math.ceil(spineY + below + MARGIN),
    labels,
    lines,
  };
}
