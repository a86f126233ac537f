import type { CauseNode } from '../domain';
import { walkTree } from '../domain';
import { buildTree, childrenOf } from './tree';

/** Bone for causes without a category. */
export const UNCATEGORISED = 'uncategorised';

/**
 * Levels of sub-causes a fishbone draws on one bone. A fishbone is read at a glance; deeper
 * sub-causes are counted in a "+N deeper causes" line (the outline shows them all).
 */
export const FISHBONE_MAX_DEPTH = 6;

/** One bone of the fishbone: a category and its causes, nested as in the tree. */
export interface FishboneBone {
  category: string;
  causes: FishboneItem[];
}

export interface FishboneItem {
  node: CauseNode;
  children: FishboneItem[];
}

/**
 * Groups the causes by category. A cause sits under its nearest ancestor of the same category
 * (so sub-causes stay with their cause); otherwise it starts a new item on its category's bone.
 * Bones follow `categories` order, then any others alphabetically; uncategorised leaf causes
 * get their own bone so nothing is silently missing. Mitigating factors are not causes.
 */
export function fishboneBones(nodes: readonly CauseNode[], categories: readonly string[]): FishboneBone[] {
  const tree = buildTree(nodes);
  const bones = new Map<string, FishboneItem[]>();
  if (tree.root === null) return [];
  // Items open on the current path, per category: the top one hosts a new item of that category.
  const open = new Map<string, FishboneItem[]>();
  walkTree(tree.root, (n) => childrenOf(tree, n.id), {
    enter: (node, depth) => {
      if (depth === 0 || node.kind === 'mitigating-factor') return;
      const hasChildren = childrenOf(tree, node.id).length > 0;
      const category = node.category ?? (hasChildren ? null : UNCATEGORISED);
      if (category === null) return;
      const item: FishboneItem = { node, children: [] };
      const host = open.get(category)?.at(-1);
      if (host !== undefined) host.children.push(item);
      else {
        const bone = bones.get(category);
        if (bone === undefined) bones.set(category, [item]);
        else bone.push(item);
      }
      if (node.category !== null) {
        const path = open.get(node.category);
        if (path === undefined) open.set(node.category, [item]);
        else path.push(item);
      }
    },
    leave: (node, depth) => {
      if (depth === 0 || node.kind === 'mitigating-factor' || node.category === null) return;
      open.get(node.category)?.pop();
    },
  });
  const rank = (c: string): number => {
    const i = categories.indexOf(c);
    return c === UNCATEGORISED ? Number.MAX_SAFE_INTEGER : i === -1 ? categories.length : i;
  };
  return [...bones.entries()]
    .map(([category, causes]) => ({ category, causes }))
    .sort((a, b) => rank(a.category) - rank(b.category) || a.category.localeCompare(b.category));
}
