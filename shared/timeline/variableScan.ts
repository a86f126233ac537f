/*
 * The variable parts of a message found in one left-to-right pass. Gives the same matches as
 * the global regex `UUID|IPV4|DIGIT_TOKEN|HEX_SUFFIX_ID` of template.ts (leftmost start, the
 * first alternative that matches there), but the regex engine retries `[A-Za-z_-]*\d` from every
 * letter of a word with no digit after it, which made it quadratic in word length; here a run's
 * end is found once. test/unit/perf/fast-paths.test.ts holds the regex as the definition.
 */

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  const l = c | 32;
  return l >= 97 && l <= 122;
}

/** `\w` without the u flag: [A-Za-z0-9_]. */
function isWord(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 95;
}

/** [A-Za-z0-9_-]: a digit token's characters. */
function isTokenChar(c: number): boolean {
  return isWord(c) || c === 45;
}

function isHex(c: number): boolean {
  const l = c | 32;
  return isDigit(c) || (l >= 97 && l <= 102);
}

function isLowerHex(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102);
}

/** The first index from `i` whose character fails `test` (the text's length if none does). */
function runEnd(s: string, i: number, test: (c: number) => boolean): number {
  const n = s.length;
  while (i < n && test(s.charCodeAt(i))) i++;
  return i;
}

/** True when a word boundary (`\b`) lies before index `i`, whose character is a word character. */
function wordEndsAt(s: string, i: number): boolean {
  return i >= s.length || !isWord(s.charCodeAt(i));
}

/** End of a UUID (8-4-4-4-12 hex digits, then a word boundary) at `i`, or -1. */
function uuidAt(s: string, i: number): number {
  if (i + 36 > s.length) return -1;
  for (let k = 0; k < 36; k++) {
    const c = s.charCodeAt(i + k);
    if (k === 8 || k === 13 || k === 18 || k === 23 ? c !== 45 : !isHex(c)) return -1;
  }
  return wordEndsAt(s, i + 36) ? i + 36 : -1;
}

/** End of 1 to 3 digits at `i`, or -1. */
function octetEnd(s: string, i: number): number {
  const end = runEnd(s, i, isDigit);
  return end > i && end - i <= 3 ? end : -1;
}

/**
 * End of an IPv4 address (four groups of 1-3 digits, an optional `:port` of 1-5 digits, then a
 * word boundary) at `i`, or -1. Backtracking cannot shorten a group: the character after a
 * shorter one is a digit, where a dot or a boundary is needed.
 */
function ipv4At(s: string, i: number): number {
  let end = octetEnd(s, i);
  for (let k = 0; k < 3 && end >= 0; k++) {
    end = s.charCodeAt(end) === 46 ? octetEnd(s, end + 1) : -1;
  }
  if (end < 0) return -1;
  if (s.charCodeAt(end) === 58) {
    const portEnd = runEnd(s, end + 1, isDigit);
    if (portEnd > end + 1 && portEnd - end - 1 <= 5 && wordEndsAt(s, portEnd)) return portEnd;
  }
  return wordEndsAt(s, end) ? end : -1;
}

/** End of a digit token whose first digit is at `d`: the rest of its run, then `.run`s. */
function digitTokenEnd(s: string, d: number): number {
  let end = runEnd(s, d + 1, isTokenChar);
  while (s.charCodeAt(end) === 46 && end + 1 < s.length && isTokenChar(s.charCodeAt(end + 1))) {
    end = runEnd(s, end + 1, isTokenChar);
  }
  return end;
}

/** End of a letter-led id with a hex suffix (`vm-cabac`, `pod_deadbeef`) at `i`, or -1. */
function hexSuffixAt(s: string, i: number): number {
  const sep = runEnd(s, i + 1, (c) => isLetter(c) || isDigit(c));
  const c = s.charCodeAt(sep);
  if (c !== 45 && c !== 95) return -1;
  const end = runEnd(s, sep + 1, isLowerHex);
  return end - sep - 1 >= 4 && wordEndsAt(s, end) ? end : -1;
}

function isLetterRunChar(c: number): boolean {
  return isLetter(c) || c === 95 || c === 45;
}

/**
 * `text` with each variable part (UUID, IPv4 address, digit token, hex-suffixed id) replaced by
 * `replace(part)`, as `text.replace(/UUID|IPV4|DIGIT_TOKEN|HEX_SUFFIX_ID/g, replace)` gives it.
 */
export function replaceVariables(text: string, replace: (part: string) => string): string {
  const n = text.length;
  let out = '';
  let copied = 0;
  // End of the [A-Za-z_-] run the scan is in: a digit token starts here when a digit ends it.
  let letters = -1;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isTokenChar(c)) {
      i++;
      continue;
    }
    const boundary = c !== 45 && (i === 0 || !isWord(text.charCodeAt(i - 1)));
    let end = -1;
    if (boundary) {
      end = uuidAt(text, i);
      if (end < 0 && isDigit(c)) end = ipv4At(text, i);
    }
    if (end < 0) {
      if (!isDigit(c) && i >= letters) letters = runEnd(text, i, isLetterRunChar);
      const d = isDigit(c) ? i : letters;
      if (d < n && isDigit(text.charCodeAt(d))) end = digitTokenEnd(text, d);
    }
    if (end < 0 && boundary && isLetter(c)) end = hexSuffixAt(text, i);
    if (end < 0) {
      i++;
      continue;
    }
    out += text.slice(copied, i) + replace(text.slice(i, end));
    copied = i = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
