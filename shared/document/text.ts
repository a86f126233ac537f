import { walkTree } from '../domain';
import { parseStoredRoot, storedChildren } from './state';

/** Plain text of a serialized Lexical state (text nodes only), for "is there anything written?" checks. */
export function lexicalPlainText(state: string | null): string {
  if (state === null) return '';
  const root = parseStoredRoot(state);
  if (root === null) return '';
  const out: string[] = [];
  walkTree(root, storedChildren, {
    enter: (n) => {
      if (typeof n.text === 'string') out.push(n.text);
    },
    leave: (n) => {
      if (Array.isArray(n.children)) out.push(' ');
    },
  });
  return out.join('').replace(/\s+/g, ' ').trim();
}

/** True when a section holds text a person wrote (live blocks alone do not count). */
export function hasWrittenText(state: string | null): boolean {
  return lexicalPlainText(state) !== '';
}
