import { walkTree } from '../domain';

/**
 * Deepest nesting of nodes a section's text may have and still open in the editor (and export
 * with its structure as Markdown). Lexical builds, reconciles and serialises a state with
 * recursion, so a crafted 5,000-deep state overflows the stack; real documents nest a handful of
 * levels (a list in a quote in a table cell). Deeper text is shown read-only, as plain text.
 */
export const MAX_SECTION_DEPTH = 100;

/** A serialized Lexical node as stored: only its children matter to a walk. */
export interface StoredNode {
  type?: unknown;
  children?: unknown;
  text?: unknown;
  tag?: unknown;
  [key: string]: unknown;
}

/** Children of a stored node that are objects (anything else in the array is ignored). */
export function storedChildren(node: StoredNode): StoredNode[] {
  if (!Array.isArray(node.children)) return [];
  return (node.children as unknown[]).filter(
    (c): c is StoredNode => typeof c === 'object' && c !== null && !Array.isArray(c),
  );
}

function parseState(state: string | null): { doc: object; root: StoredNode } | null {
  if (state === null || state.trim() === '') return null;
  let parsed: unknown;
  try {
    // JSON.parse does not recurse in V8; JSON.stringify does, so deep states are never re-stringified.
    parsed = JSON.parse(state);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const root = (parsed as { root?: unknown }).root;
  return typeof root === 'object' && root !== null && !Array.isArray(root)
    ? { doc: parsed, root: root as StoredNode }
    : null;
}

/** The root node of a stored state, or null when the text is not a Lexical state. */
export function parseStoredRoot(state: string | null): StoredNode | null {
  return parseState(state)?.root ?? null;
}

const HEADING_TAG = /^h[1-6]$/;

export type SectionStateCheck =
  { ok: true; state: string | null; repaired: number } | { ok: false; depth: number; message: string };

/**
 * Makes a stored section state safe to hand to Lexical: a heading whose tag is not h1–h6
 * (Lexical would create a DOM element of that name, or throw) becomes h1, counted in
 * `repaired`; a state nested deeper than MAX_SECTION_DEPTH is refused with a message saying so.
 * Linear in the size of the state, whatever its depth. Text that is not a Lexical state is
 * returned as is (Lexical reports it).
 */
export function checkSectionState(state: string | null): SectionStateCheck {
  const parsed = parseState(state);
  if (parsed === null) return { ok: true, state, repaired: 0 };
  const { doc, root } = parsed;
  let depth = 0;
  let repaired = 0;
  walkTree(root, storedChildren, {
    enter: (node, d) => {
      if (d > depth) depth = d;
      if (node.type === 'heading' && (typeof node.tag !== 'string' || !HEADING_TAG.test(node.tag))) {
        node.tag = 'h1';
        repaired++;
      }
    },
  });
  if (depth > MAX_SECTION_DEPTH) {
    return {
      ok: false,
      depth,
      message:
        `This section's text is nested ${depth.toLocaleString('en-US')} levels deep; the editor opens ` +
        `sections up to ${MAX_SECTION_DEPTH} levels. Its text is shown read-only below, and exports include it.`,
    };
  }
  return { ok: true, state: repaired === 0 ? state : JSON.stringify(doc), repaired };
}
