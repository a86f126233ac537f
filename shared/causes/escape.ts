/**
 * Characters that can never start mermaid syntax inside a quoted label. `:` is left out because
 * mermaid's pre-parse pass rewrites `style …:…#…;` anywhere on a line, which would corrupt an
 * encoded `#` after a title like "style x fill:#f00".
 */
const SAFE = /[\p{L}\p{N} .,!?'()\-_/]/u;

/**
 * Text made safe for a double-quoted mermaid label: whitespace collapsed, cut to `max`
 * characters, and every character outside a small allow-list written as a numeric entity
 * (`#35;`), which mermaid decodes only after parsing. So no title can close the quote, start a
 * directive (`%%{`), a `click` line, a comment, markdown (backticks) or HTML (`<`, `&`).
 */
export function mermaidLabel(text: string, max = 80): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const chars = [...flat];
  const cut = chars.length > max ? [...chars.slice(0, max - 1), '…'] : chars;
  let out = '';
  for (const ch of cut) out += SAFE.test(ch) ? ch : `#${ch.codePointAt(0)!};`;
  return out;
}
