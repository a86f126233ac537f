/**
 * Translation of the PCRE dialect used by lnav format files into JavaScript RegExp source.
 * JavaScript already shares most of PCRE's syntax (named groups `(?<name>…)`, lookaround, lazy
 * quantifiers); what differs is rewritten here, and what cannot be expressed is refused with a
 * reason instead of silently matching something else.
 */

export type PcreResult = { ok: true; source: string; flags: string } | { ok: false; reason: string };
import { nullProto } from '../../domain/lookup';

const POSIX_CLASSES: Record<string, string> = nullProto({
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
});

/** Escapes every regex metacharacter of a literal (for `\Q…\E`). */
function escapeLiteral(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * Rewrites a PCRE pattern into JavaScript RegExp source and flags. Handles `(?P<name>…)`,
 * `(?P=name)`, `\A`, `\Z`, `\z`, `\h`, `\H`, `\e`, `\x{…}`, `\Q…\E`, POSIX classes such as
 * `[[:alpha:]]`, possessive quantifiers and atomic groups (both become their greedy form, which
 * matches the same lines a log format needs), comments `(?#…)` and leading inline flags `(?i)`.
 */
export function pcreToJs(pattern: string): PcreResult {
  let out = '';
  let flags = '';
  let i = 0;
  let inClass = false;
  const n = pattern.length;
  // Leading inline flags apply to the whole pattern, as JavaScript flags do.
  const lead = /^\(\?([imsx]+)\)/.exec(pattern);
  if (lead !== null) {
    const f = lead[1] ?? '';
    if (f.includes('x'))
      return { ok: false, reason: 'extended mode (?x) is not supported; remove the spaces and comments' };
    flags = [...new Set(f)].join('');
    i = lead[0].length;
  }
  while (i < n) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) return { ok: false, reason: 'the pattern ends with a lone backslash' };
      if (next === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        const literal = pattern.slice(i + 2, end < 0 ? n : end);
        out += escapeLiteral(literal);
        i = end < 0 ? n : end + 2;
        continue;
      }
      if (next === 'E') {
        i += 2;
        continue;
      }
      if (!inClass && next === 'A') {
        out += '^';
        i += 2;
        continue;
      }
      if (!inClass && (next === 'Z' || next === 'z')) {
        out += '$';
        i += 2;
        continue;
      }
      if (next === 'h') {
        out += inClass ? ' \\t' : '[ \\t]';
        i += 2;
        continue;
      }
      if (next === 'H') {
        if (inClass) return { ok: false, reason: '\\H inside a character class is not supported' };
        out += '[^ \\t]';
        i += 2;
        continue;
      }
      if (next === 'e') {
        out += '\\x1b';
        i += 2;
        continue;
      }
      if (next === 'x' && pattern[i + 2] === '{') {
        const close = pattern.indexOf('}', i + 3);
        const hex = close < 0 ? '' : pattern.slice(i + 3, close);
        if (!/^[0-9A-Fa-f]{1,4}$/.test(hex)) {
          return {
            ok: false,
            reason: `\\x{${hex}} is not a character this engine can match (up to 4 hex digits)`,
          };
        }
        out += `\\u${hex.padStart(4, '0')}`;
        i = close + 1;
        continue;
      }
      if (next === 'p' || next === 'P' || next === 'X' || next === 'R' || next === 'K' || next === 'G') {
        return { ok: false, reason: `\\${next} is not supported` };
      }
      out += c + next;
      i += 2;
      continue;
    }
    if (inClass) {
      if (c === '[' && pattern[i + 1] === ':') {
        const close = pattern.indexOf(':]', i + 2);
        const name = close < 0 ? '' : pattern.slice(i + 2, close);
        const negated = name.startsWith('^');
        const expansion = POSIX_CLASSES[negated ? name.slice(1) : name];
        if (expansion === undefined) return { ok: false, reason: `unknown POSIX class [:${name}:]` };
        if (negated) return { ok: false, reason: `negated POSIX class [:${name}:] is not supported` };
        out += expansion;
        i = close + 2;
        continue;
      }
      if (c === '[') {
        // A literal `[` inside a class must be escaped in JavaScript's `v`-less mode only for clarity.
        out += '\\[';
        i++;
        continue;
      }
      if (c === ']') inClass = false;
      out += c;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      i++;
      // `[]…]` and `[^]…]`: a leading `]` is a literal in PCRE.
      if (pattern[i] === '^') {
        out += '^';
        i++;
      }
      if (pattern[i] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '(' && pattern[i + 1] === '?') {
      const rest = pattern.slice(i + 2);
      if (rest.startsWith('P<')) {
        out += '(?<';
        i += 4;
        continue;
      }
      if (rest.startsWith('P=')) {
        const close = pattern.indexOf(')', i);
        out += `\\k<${pattern.slice(i + 4, close)}>`;
        i = close + 1;
        continue;
      }
      if (rest.startsWith('#')) {
        const close = pattern.indexOf(')', i);
        i = close < 0 ? n : close + 1;
        continue;
      }
      if (rest.startsWith('>')) {
        out += '(?:';
        i += 3;
        continue;
      }
      if (rest.startsWith('|')) return { ok: false, reason: 'branch reset groups (?|…) are not supported' };
      if (rest.startsWith('P>') || rest.startsWith('R') || /^[+-]?\d/.test(rest) || rest.startsWith('&')) {
        return { ok: false, reason: 'recursive patterns are not supported' };
      }
      if (rest.startsWith('(')) return { ok: false, reason: 'conditional groups (?(…)…) are not supported' };
      if (/^[imsx-]+[):]/.test(rest)) {
        return {
          ok: false,
          reason: 'inline flags are only supported at the very start of the pattern, like (?i)',
        };
      }
      out += '(?';
      i += 2;
      continue;
    }
    if (c === '+' && i > 0 && /[*+?}]/.test(pattern[i - 1] ?? '') && pattern[i - 2] !== '\\') {
      // Possessive quantifier: drop the `+`.
      i++;
      continue;
    }
    out += c;
    i++;
  }
  if (inClass) return { ok: false, reason: 'a character class [ is not closed' };
  return { ok: true, source: out, flags };
}
