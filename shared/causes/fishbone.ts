import type { CauseNode } from '../domain';
import { hash64 } from '../domain';
import { ishikawaText } from './escape';
import { buildTree, flattenTree } from './tree';

/** Bone for causes without a category. */
export const UNCATEGORISED = 'uncategorised';

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
  const rows = flattenTree(tree).filter((r) => r.depth > 0 && r.node.kind !== 'mitigating-factor');
  const items = new Map<string, FishboneItem>();
  const bones = new Map<string, FishboneItem[]>();
  for (const { node, hasChildren } of rows) {
    const category = node.category ?? (hasChildren ? null : UNCATEGORISED);
    if (category === null) continue;
    const item: FishboneItem = { node, children: [] };
    items.set(node.id, item);
    let up = tree.parent.get(node.id) ?? null;
    let host: FishboneItem | null = null;
    while (up !== null && host === null) {
      const anc = tree.byId.get(up);
      if (anc !== undefined && (anc.category ?? null) === category) host = items.get(up) ?? null;
      up = tree.parent.get(up) ?? null;
    }
    if (host !== null) host.children.push(item);
    else bones.set(category, [...(bones.get(category) ?? []), item]);
  }
  const rank = (c: string): number => {
    const i = categories.indexOf(c);
    return c === UNCATEGORISED ? Number.MAX_SAFE_INTEGER : i === -1 ? categories.length : i;
  };
  return [...bones.entries()]
    .map(([category, causes]) => ({ category, causes }))
    .sort((a, b) => rank(a.category) - rank(b.category) || a.category.localeCompare(b.category));
}

/** Mermaid `ishikawa` source for the bones; the head is the incident (the top node's title). */
export function fishboneSource(
  nodes: readonly CauseNode[],
  categories: readonly string[],
): { source: string; hash: string } {
  const tree = buildTree(nodes);
  const head = ishikawaText(tree.root?.title ?? 'Incident');
  const lines = ['ishikawa', `  ${head}`];
  const emit = (item: FishboneItem, depth: number): void => {
    lines.push(`${'  '.repeat(depth)}${ishikawaText(item.node.title)}`);
    for (const c of item.children) emit(c, depth + 1);
  };
  for (const bone of fishboneBones(nodes, categories)) {
    lines.push(`    ${ishikawaText(bone.category)}`);
    for (const item of bone.causes) emit(item, 3);
  }
  const source = `${lines.join('\n')}\n`;
  return { source, hash: hash64(source) };
}
