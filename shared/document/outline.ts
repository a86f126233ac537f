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
  /** Labels of the live blocks in the section that show something (`Timeline`, `Action items`…). */
  blocks: string[];
  /** Labels of the live blocks that show nothing yet (no actions, no key events…): not filling. */
  emptyBlocks: string[];
  /** Comment threads on the section not yet resolved. */
  openThreads: number;
}

/** The live blocks in a serialized Lexical state, in document order. */
export function liveBlockSpecs(state: string | null): LiveBlockSpec[] {
  const root = parseStoredRoot(state);
  if (root === null) return [];
  const out: LiveBlockSpec[] = [];
  walkTree(root, storedChildren, {
    enter: (n) => {
      if (n.type !== LIVE_BLOCK_NODE_TYPE) return;
      const spec = LiveBlockSpec.safeParse(n.spec);
      if (spec.success) out.push(spec.data);
    },
  });
  return out;
}

/** Labels of the live blocks in a serialized Lexical state, in document order. */
export function liveBlockLabels(state: string | null): string[] {
  return liveBlockSpecs(state).map((s) => LIVE_BLOCK_LABELS[s.block]);
}

/**
 * The outline of a document: sections in order, with what fills them and open reviewer threads.
 * `shows` says whether a live block shows anything for the incident now (see liveBlockHasContent);
 * `starterText` gives the plain text a section starts with (its template's starter), which counts
 * as no words until something else is written (a "**Hypothesis:** / **Expected:** …" scaffold).
 */
export function documentOutline(
  sections: readonly DocumentSection[],
  comments: readonly Comment[],
  shows: (spec: LiveBlockSpec) => boolean = () => true,
  starterText: (key: string) => string | null = () => null,
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
      const specs = liveBlockSpecs(s.lexicalState);
      return {
        id: s.id,
        title: s.title,
        internalOnly: s.internalOnly,
        words: text === '' || text === starterText(s.key) ? 0 : text.split(' ').length,
        blocks: specs.filter(shows).map((b) => LIVE_BLOCK_LABELS[b.block]),
        emptyBlocks: specs.filter((b) => !shows(b)).map((b) => LIVE_BLOCK_LABELS[b.block]),
        openThreads: open.get(s.id) ?? 0,
      };
    });
}
