/** Small helpers for reading untyped JSON safely. */
import { jsonSyntaxProblem } from '../../bundle/jsonSyntax';

export type Json = Record<string, unknown>;

/** The value as a plain object, or null. */
export function obj(v: unknown): Json | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null;
}

/** Non-empty trimmed text from a string or number, else null. */
export function text(v: unknown): string | null {
  if (typeof v === 'string') {
    const n = v.length;
    // Most values have nothing to trim: skip the copy (this runs several times per log line).
    if (
      n > 0 &&
      v.charCodeAt(0) > 32 &&
      v.charCodeAt(n - 1) > 32 &&
      v.charCodeAt(0) < 127 &&
      v.charCodeAt(n - 1) < 127
    )
      return v;
    const t = v.trim();
    return t.length > 0 ? t : null;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/**
 * A field by dotted path: a literal dotted key (`"log.level"`, as ECS writes it) wins, then
 * nested objects (`log: {level}`), then a mix (`"service.name"` inside `resource`).
 */
export function getPath(o: Json, path: string): unknown {
  if (path in o) return o[path];
  const dot = path.indexOf('.');
  if (dot < 0) return undefined;
  // Try each split point so `a.b.c` finds `{a: {"b.c": 1}}` and `{"a.b": {c: 1}}`.
  for (let i = dot; i >= 0; i = path.indexOf('.', i + 1)) {
    const inner = obj(o[path.slice(0, i)]);
    if (inner !== null) {
      const v = getPath(inner, path.slice(i + 1));
      if (v !== undefined) return v;
    }
  }
  return undefined;
}

/** First present (non-null, non-empty-string) value among the paths, with the path that held it. */
export function firstOf(o: Json, paths: readonly string[]): { path: string; value: unknown } | null {
  for (const path of paths) {
    const v = getPath(o, path);
    if (v !== undefined && v !== null && v !== '') return { path, value: v };
  }
  return null;
}

/** JSON.parse that returns the error instead of throwing (see notJson for what to tell people). */
export function tryParse(s: string): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: JSON.parse(s) as unknown };
  } catch (e) {
    return { ok: false, error: e };
  }
}

/**
 * What an import's error list says about a record that is not JSON: where it stops being JSON
 * and the engine's reason, without the record V8 echoes back (the line is already named):
 * `not valid JSON at column 158: Unterminated string`. A record that may span lines gives
 * `firstLine`, the file line it starts on, and the place is then a file line and column.
 */
export function notJson(text: string, error: unknown, firstLine?: number): string {
  const { at, reason } = jsonSyntaxProblem(text, error);
  if (at === null) return `not valid JSON: ${reason}`;
  const where =
    firstLine === undefined ? `column ${at.column}` : `line ${firstLine + at.line - 1}, column ${at.column}`;
  return `not valid JSON at ${where}: ${reason}`;
}

/** One top-level JSON value cut out of a larger text, with the 1-based line it starts on. */
export interface JsonPiece {
  text: string;
  line: number;
}

/**
 * Splits a document into JSON values without parsing them: the elements of a top-level array,
 * or a run of concatenated/pretty-printed objects (`jq` output). Strings and escapes are
 * respected so braces inside text do not count. Unbalanced tails come back as a last piece
 * so the caller reports them.
 */
export function splitJsonValues(doc: string, firstLine = 1): JsonPiece[] {
  const pieces: JsonPiece[] = [];
  let line = firstLine;
  let i = 0;
  const n = doc.length;
  const skipWs = (): void => {
    while (i < n) {
      const c = doc.charCodeAt(i);
      if (c === 10) line++;
      else if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) break;
      i++;
    }
  };
  skipWs();
  let inArray = false;
  if (doc.charCodeAt(i) === 91) {
    inArray = true;
    i++;
  }
  while (i < n) {
    skipWs();
    if (i >= n) break;
    const c0 = doc.charCodeAt(i);
    if (inArray && (c0 === 44 || c0 === 93)) {
      i++;
      continue;
    }
    const start = i;
    const startLine = line;
    let depth = 0;
    let inString = false;
    for (; i < n; i++) {
      const c = doc.charCodeAt(i);
      // A value ends at a top-level comma or line break, which is left for skipWs: counting the
      // newline here as well put every later piece one line too far down.
      if (!inString && depth === 0 && (c === 44 || c === 10 || c === 13)) break;
      if (c === 10) line++;
      if (inString) {
        if (c === 92) i++;
        else if (c === 34) inString = false;
        continue;
      }
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        depth--;
        if (depth === 0) {
          i++;
          break;
        }
        if (depth < 0) break;
      }
    }
    if (i === start) i++;
    pieces.push({ text: doc.slice(start, i), line: startLine });
  }
  return pieces;
}
