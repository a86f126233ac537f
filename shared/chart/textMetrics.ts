/*
 * Text widths without a DOM: layouts in shared/ run in Node (exports, tests) as well as in the
 * app, so they estimate. Each estimate is a little wider than the widest common sans-serif
 * (DejaVu Sans, the fallback for system-ui on Linux, is wider than Segoe UI or San Francisco),
 * so a box sized by it holds the real text; layouts must leave a gap, never rely on a tight fit.
 */

const NARROW = new Set([...`iljtfrI.,:;'|!()[]{}\`" `]);
const WIDE_LATIN = new Set([...'mwMW@%']);

/** East Asian wide and full-width characters, and emoji: about one em each. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Estimated advance of one character, in em. */
function charEm(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (NARROW.has(ch)) return 0.42;
  if (WIDE_LATIN.has(ch)) return 1.02;
  if (isWide(cp)) return 1.05;
  if (/[A-Z]/.test(ch)) return 0.8;
  if (/[a-z0-9]/.test(ch)) return 0.66;
  // Accented letters, other scripts and symbols: the width of a capital, to be safe.
  return 0.82;
}

/** Estimated width in px of `text` set in a sans-serif of `fontSize` px (bold adds a tenth). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * fontSize * (bold ? 1.1 : 1);
}

/** Text broken into lines that each fit a width. */
export interface WrappedText {
  lines: string[];
  /** Estimated width of the widest line. */
  width: number;
  /** Whether text was left out (the last line then ends in "…"). */
  cut: boolean;
}

/**
 * Breaks `text` at spaces into lines no wider than `maxWidth` (estimated), splitting a word
 * that is wider on its own, and keeps at most `maxLines` lines, the last ending in "…" when
 * text is left out. White space is collapsed; empty text gives one empty line.
 */
export function wrapText(
  text: string,
  opts: { maxWidth: number; maxLines: number; fontSize: number; bold?: boolean },
): WrappedText {
  const { maxWidth, maxLines, fontSize, bold = false } = opts;
  const w = (s: string): number => textWidth(s, fontSize, bold);
  const lines: string[] = [];
  let line = '';
  const pushWord = (word: string): void => {
    const joined = line === '' ? word : `${line} ${word}`;
    if (w(joined) <= maxWidth) {
      line = joined;
      return;
    }
    if (line !== '') lines.push(line);
    line = '';
    // A word wider than a line is cut into pieces that fit.
    let piece = '';
    for (const ch of word) {
      if (piece !== '' && w(piece + ch) > maxWidth) {
        lines.push(piece);
        piece = '';
      }
      piece += ch;
    }
    line = piece;
  };
  for (const word of text.replace(/\s+/gu, ' ').trim().split(' ')) {
    if (word !== '') pushWord(word);
    if (lines.length > maxLines) break;
  }
  lines.push(line);
  let cut = false;
  if (lines.length > maxLines) {
    cut = true;
    lines.length = maxLines;
    let last = lines[maxLines - 1] ?? '';
    while (last !== '' && w(`${last}…`) > maxWidth) last = [...last].slice(0, -1).join('');
    lines[maxLines - 1] = `${last.trimEnd()}…`;
  }
  return { lines, width: Math.max(0, ...lines.map(w)), cut };
}
