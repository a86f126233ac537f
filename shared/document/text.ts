/** Plain text of a serialized Lexical state (text nodes only), for "is there anything written?" checks. */
export function lexicalPlainText(state: string | null): string {
  if (state === null) return '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(state);
  } catch {
    return '';
  }
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as { text?: unknown; children?: unknown };
    if (typeof n.text === 'string') out.push(n.text);
    if (Array.isArray(n.children)) {
      n.children.forEach(walk);
      out.push(' ');
    }
  };
  walk((parsed as { root?: unknown }).root);
  return out.join('').replace(/\s+/g, ' ').trim();
}

/** True when a section holds text a person wrote (live blocks alone do not count). */
export function hasWrittenText(state: string | null): boolean {
  return lexicalPlainText(state) !== '';
}
