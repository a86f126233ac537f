import type { Comment, DocumentSection } from '../domain';
import { LIVE_BLOCK_LABELS, LiveBlockSpec } from './blocks';
import { LIVE_BLOCK_NODE_TYPE } from './nodes';
import { parseStoredRoot, storedChildren } from './state';
import { lexicalPlainText } from './text';
import { walkTree } from '../domain';

/** One line of the document outline: how far a section is filled, and what is open on it. */
export interface OutlineItem {
  id: string;
  title: string;
  internalOnly: boolean;
  /** Words a person wrote (live blocks do not count). */
  words: number;
  /** Labels of the live blocks in the section (`Timeline`, `Action items`…). */
  blocks: string[];
  /** Comment threads on the section not yet resolved. */
  openThreads: number;
}

/** Labels of the live blocks in a serialized Lexical state, in document order. */
export function liveBlockLabels(state: string | null): string[] {
  const root = parseStoredRoot(state);
  if (root === null) return [];
  const out: string[] = [];
  walkTree(root, storedChildren, {
    enter: (n) => {
      if (n.type !== LIVE_BLOCK_NODE_TYPE) return;
      const spec = LiveBlockSpec.safeParse(n.spec);
      if (spec.success) out.push(LIVE_BLOCK_LABELS[spec.data.block]);
    },
  });
  return out;
}

/** The outline of a document: sections in order, with what fills them and open reviewer threads. */
export function documentOutline(
  sections: readonly DocumentSection[],
  comments: readonly Comment[],
): OutlineItem[] {
  const open = new Map<string, number>();
  for (const c of comments) {
    if (c.targetType !== 'section' || c.parentId !== null || c.resolved) continue;
    open.set(c.targetId, (open.get(c.targetId) ?? 0) + 1);
  }
  return [...sections]
    .sort((a, b) => a.order - b.order)
    .map((s) => {
      const text = lexicalPlainText(s.lexicalState);
      return {
        id: s.id,
        title: s.title,
        internalOnly: s.internalOnly,
        words: text === '' ? 0 : text.split(' ').length,
        blocks: liveBlockLabels(s.lexicalState),
        openThreads: open.get(s.id) ?? 0,
      };
    });
}
