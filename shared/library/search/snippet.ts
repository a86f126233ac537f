/** A piece of a snippet: plain text, or a matched word (shown highlighted). Rendered as text, never HTML. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A short excerpt of `text` around the first place one of `terms` (lowercase index terms, as
 * the search matched them) starts a word, with every such word start marked. `width` is about
 * how many characters to show. No match (the term came through fuzziness from a word spelt
 * differently) gives the start of the text, unmarked.
 */
export function snippet(text: string, terms: readonly string[], width = 160): SnippetPart[] {
  const words = [...new Set(terms.filter((t) => t !== ''))].sort((a, b) => b.length - a.length);
  const re =
    words.length === 0
      ? null
      : new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})`, 'giu');
  const first = re === null ? null : re.exec(text);
  let start = 0;
  if (first !== null && first.index > width / 3) {
    start = first.index - Math.floor(width / 3);
    // Begin at a word, not mid-word.
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < first.index) start = space + 1;
  }
  let end = Math.min(text.length, start + width);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + width / 2) end = space;
  }
  const parts: SnippetPart[] = [];
  const add = (t: string, hit: boolean) => {
    if (t !== '') parts.push({ text: t, hit });
  };
  if (start > 0) add('…', false);
  let at = start;
  if (re !== null) {
    re.lastIndex = start;
    for (let m = re.exec(text); m !== null && m.index < end; m = re.exec(text)) {
      add(text.slice(at, m.index), false);
      const stop = Math.min(end, m.index + m[0].length);
      add(text.slice(m.index, stop), true);
      at = stop;
    }
  }
  add(text.slice(at, end), false);
  if (end < text.length) add('…', false);
  return parts;
}
