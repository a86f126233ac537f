/** Why `JSON.parse` refused a text, as a person reads it. */
export interface JsonSyntaxProblem {
  /** Where the text stops being JSON; null when neither the engine nor a reading finds it. */
  at: { line: number; column: number } | null;
  /** The engine's reason, without the position or the part of the input it echoes back. */
  reason: string;
}

/**
 * The problem `JSON.parse(text)` threw as `error`. The place comes from the engine's "at position
 * N" when it gives one; V8 gives none for an unexpected token (the most common mistake in a file
 * written by hand), so otherwise the text is read here to find the first character that is not
 * JSON. Every file Rootline reads as JSON (bundles, templates, format files) reports through this.
 */
export function jsonSyntaxProblem(text: string, error: unknown): JsonSyntaxProblem {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message)?.[1];
  const offset = position !== undefined ? Number(position) : jsonErrorOffset(text);
  const reason = message
    .replace(/\s*(in JSON )?at position \d+.*$/s, '')
    .replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '')
    .trim();
  return { at: offset === null ? null : lineColumnAt(text, offset), reason };
}

/** A JSON file's text, parsed; `body` is the text without its byte-order mark, which positions refer to. */
export type JsonText =
  | { ok: true; body: string; value: unknown }
  | { ok: false; body: string; problem: JsonSyntaxProblem | 'empty' };

/**
 * A JSON file a person wrote (a bundle, a template, a format file), parsed: a leading byte-order
 * mark dropped (editors on Windows write one, and JSON.parse rejects it), an empty file told
 * apart from a broken one, and a syntax error placed (jsonSyntaxProblem).
 */
export function readJsonText(text: string): JsonText {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, body, problem: 'empty' };
  try {
    return { ok: true, body, value: JSON.parse(body) as unknown };
  } catch (e) {
    return { ok: false, body, problem: jsonSyntaxProblem(body, e) };
  }
}

/** A problem of readJsonText as files listed by line show it (line 0: the file as a whole). */
export function jsonLineProblem(problem: JsonSyntaxProblem | 'empty'): { line: number; reason: string } {
  if (problem === 'empty') return { line: 0, reason: 'the file is empty' };
  return { line: problem.at?.line ?? 0, reason: `not valid JSON: ${problem.reason}` };
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const HEX = /^[0-9a-fA-F]{4}$/;

/**
 * The offset of the first character at which `text` stops being JSON (RFC 8259; its length when
 * it ends too soon), or null when it is JSON — or too deeply nested to read here.
 */
export function jsonErrorOffset(text: string): number | null {
  const n = text.length;
  let i = 0;
  const space = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const word = (w: string): boolean => {
    for (let k = 0; k < w.length; k++, i++) if (text[i] !== w[k]) return false;
    return true;
  };
  const string = (): boolean => {
    for (i++; i < n;) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c !== 0x5c) {
        i++;
        continue;
      }
      const e = text[i + 1];
      if (e === undefined) {
        i = n;
        return false;
      }
      if (e === 'u') {
        if (!HEX.test(text.slice(i + 2, i + 6))) {
          // The first character that is not a hex digit (or the end).
          i += 2;
          while (i < n && /[0-9a-fA-F]/.test(text[i]!)) i++;
          return false;
        }
        i += 6;
      } else if ('"\\/bfnrt'.includes(e)) i += 2;
      else {
        i++;
        return false;
      }
    }
    return false;
  };
  const digits = (): boolean => {
    if (!isDigit(text[i])) return false;
    while (isDigit(text[i])) i++;
    return true;
  };
  const number = (): boolean => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (!digits()) return false;
    if (text[i] === '.') {
      i++;
      if (!digits()) return false;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!digits()) return false;
    }
    return true;
  };
  /** An object or array at its opening bracket: members separated by commas up to `close`. */
  const container = (close: string, member: () => boolean): boolean => {
    i++;
    space();
    if (text[i] === close) {
      i++;
      return true;
    }
    for (;;) {
      if (!member()) return false;
      space();
      if (text[i] === close) {
        i++;
        return true;
      }
      if (text[i] !== ',') return false;
      i++;
    }
  };
  const property = (): boolean => {
    space();
    if (text[i] !== '"' || !string()) return false;
    space();
    if (text[i] !== ':') return false;
    i++;
    return value();
  };
  function value(): boolean {
    space();
    const c = text[i];
    if (c === '{') return container('}', property);
    if (c === '[') return container(']', value);
    if (c === '"') return string();
    if (c === 't') return word('true');
    if (c === 'f') return word('false');
    if (c === 'n') return word('null');
    if (c === '-' || isDigit(c)) return number();
    return false;
  }
  try {
    if (!value()) return Math.min(i, n);
  } catch {
    // Nesting deeper than the stack: the engine read it, this reading cannot.
    return null;
  }
  space();
  return i < n ? i : null;
}

/** 1-based line and column of a UTF-16 offset in `text`. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
