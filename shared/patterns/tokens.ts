import { levelFromName } from '../import/formats/levels';
import { firstLineOf, maskVariables } from '../timeline/template';
import { MessageMemo } from './messageMemo';

/** The token a template shows where its lines differ. */
export const WILDCARD = '<*>';

/** Longest message (characters) the miner reads; the rest rarely decides the pattern. */
const MAX_MESSAGE = 1_000;
/** Longest bracketed group (words) kept as one token. */
const MAX_GROUP = 8;
/** How far into a message a header's level word may stand (see `skipHeader`). */
const MAX_HEADER_WORDS = 5;

const SEGMENT = String.raw`[^\s/,;:)\]'"]+`;
/* URLs, absolute paths of two segments or more, and ./relative ones: file names vary, the words
 * around them don't. */
const PATH = new RegExp(
  String.raw`(?<=^|[\s=:(\[,'"])(?:[A-Za-z][A-Za-z0-9+.-]*://[^\s,;)\]'"]*|(?:/+${SEGMENT}){2,}/?|\.{1,2}(?:/+${SEGMENT})+/?)`,
  'g',
);
/* MAC-style byte strings (`00:0D:60:E9:14:D8`) and dates written into a message
 * (`Thu Aug 04 15:29:45 PDT 2005`): values, however many letters they hold. */
const BYTES = /\b[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5,}\b/g;
const DAY = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun';
const MONTH = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
const DATE = new RegExp(
  String.raw`\b(?:(?:${DAY}),? )?(?:${MONTH}) +\d{1,2},? (?:\d{4} )?\d{1,2}:\d\d(?::\d\d(?:[.,]\d+)?)?(?: [A-Z]{3,5})?(?: \d{4})?\b`,
  'g',
);
const PLACEHOLDER = /<(?:n|id|ip|hex|uuid|dur|path|time|\*)>/g;
/* Numbers, hex and ids are one kind of value to the miner: `0064588e` and `00000002` in one
 * column must not split a pattern. */
const GENERIC = /<(?:n|id|hex)>/g;
const LETTER = /[A-Za-z]/;

/**
 * The first line of a message: a record's continuation lines (stack traces) belong to it but do
 * not decide its pattern.
 */
function firstLine(message: string): string {
  const line = firstLineOf(message);
  if (line.length <= MAX_MESSAGE) return line;
  // Cut at a space: half a word would read as a different word.
  const space = line.lastIndexOf(' ', MAX_MESSAGE);
  return line.slice(0, space > 0 ? space : MAX_MESSAGE);
}

/**
 * True for a token with no constant meaning: nothing but placeholders and punctuation once the
 * masks ran (`<n>`, `<id>:<id>`, `[-]`, `(<hex>)`). `core.<n>` or `lr:<hex>` keep their words.
 */
export function isVariable(token: string): boolean {
  if (token === WILDCARD) return true;
  if (token.indexOf('<') < 0) return !LETTER.test(token);
  return !LETTER.test(token.replace(PLACEHOLDER, ''));
}

/**
 * Words of a record header the format reader left in the message (`node RAS KERNEL INFO msg`):
 * an upper-case level name among the first few words ends the header. Returns the index of the
 * first message word, 0 when there is no such header.
 */
function skipHeader(words: string[]): number {
  const last = Math.min(MAX_HEADER_WORDS, words.length - 1);
  for (let i = 0; i < last; i++) {
    const w = words[i]!;
    if (w.length >= 4 && w === w.toUpperCase() && levelFromName(w) !== null) return i + 1;
  }
  return 0;
}

/**
 * A message as the miner sees it, as one space-joined key: the first line, a leftover header
 * dropped (only with `headerLeft`: the reader found no level, so a header may remain), paths and the timeline's masks (numbers, ids, IPs, hex…) replaced by placeholders,
 * whitespace collapsed, and runs of variable words folded into one (`delete <id> <id>` →
 * `delete <id>`), so lists of any length look alike. Equal keys always share a pattern.
 */
export function patternKey(message: string, headerLeft = false): string {
  const shape = digitShape(message);
  let key = shapeMemo.get(shape, headerLeft);
  if (key === undefined) {
    key = maskedKey(shape, headerLeft);
    shapeMemo.set(shape, headerLeft, key);
  }
  return key;
}

/* Every ASCII digit of a message ends up inside a masked part (a digit token, an address, a
 * date, a path…), and which mask a part gets depends on where its digits stand, never on their
 * values: a message's key is its digit shape's key. Messages that differ only in their numbers
 * (`bfe-14 at 100% CPU, 495 timed out`, `bfe-35 at 100% CPU, 355 timed out`) are masked once.
 * test/unit/patterns/tokens.test.ts checks the claim against the unmemoised key. */
const shapeMemo = new MessageMemo<string>(4_096);
const DIGIT = /[0-9]/g;

/** The message with every ASCII digit written as 0. */
export function digitShape(message: string): string {
  return message.replace(DIGIT, '0');
}

/** `patternKey` without the memo (exported for the test that checks the memo's claim). */
export function maskedKey(message: string, headerLeft: boolean): string {
  let line = firstLine(message);
  // Each pass only where its pattern can match: most messages skip most of them.
  const colon = line.indexOf(':') >= 0;
  if (colon && /\d:\d\d/.test(line)) line = line.replace(DATE, '<time>');
  if (line.indexOf('/') >= 0) line = line.replace(PATH, '<path>');
  if (colon || line.indexOf('-') >= 0) line = line.replace(BYTES, '<id>');
  let masked = maskVariables(line);
  if (masked.indexOf('<') >= 0) masked = masked.replace(GENERIC, WILDCARD);
  const words = masked.split(/\s+/).filter((w) => w.length > 0);
  const out: string[] = [];
  let prevVariable = false;
  for (let i = headerLeft ? skipHeader(words) : 0; i < words.length; i++) {
    const w = words[i]!;
    // The cheap test first: most words hold no placeholder, and isVariable runs a regex.
    const variable = w.indexOf('<') >= 0 && isVariable(w);
    if (variable && prevVariable) continue;
    out.push(w);
    prevVariable = variable;
  }
  return out.join(' ');
}

/**
 * Splits a key into tokens on spaces. A short bracketed group (`[req-<id> <hex> - - -]`,
 * `[instance: <uuid>]`) stays one token, so a context block counts once, not once per word.
 */
export function splitTokens(key: string): string[] {
  if (key.length === 0) return [];
  const words = key.split(' ');
  if (key.indexOf('[') < 0) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.charCodeAt(0) === 91 && w.indexOf(']') < 0) {
      let j = i + 1;
      while (j < words.length && j - i < MAX_GROUP && words[j]!.indexOf(']') < 0) j++;
      if (j < words.length && j - i < MAX_GROUP) {
        out.push(words.slice(i, j + 1).join(' '));
        i = j;
        continue;
      }
    }
    out.push(w);
  }
  return out;
}

/**
 * True when a message fits a template: the same tokens, the template's `<*>` standing for any
 * one. Every record of a pattern fits its template (templates only generalise); a record of
 * another pattern may fit too when its template is more specific.
 */
export function fitsTemplate(template: string, message: string): boolean {
  const want = splitTokens(template);
  const got = splitTokens(patternKey(message));
  if (want.length !== got.length) return false;
  for (let i = 0; i < want.length; i++) if (want[i] !== WILDCARD && want[i] !== got[i]) return false;
  return true;
}
