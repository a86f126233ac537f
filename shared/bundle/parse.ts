import type { IncidentSnapshot } from '../domain';
import { formatIssues } from './issues';
import { findReferenceProblems } from './refs';
import { restoreBundle } from './restore';
import { Bundle } from './schema';

export interface BundleMeta {
  /** The version the file was written in (before any upgrade). */
  version: number;
  /** When it was exported, UTC epoch ms. */
  exportedAt: number;
  /** The version of the app that wrote it. */
  appVersion: string;
  /** What was repaired on the way in (an unknown time zone shown as UTC), to tell the user. */
  notices: string[];
}

export type ParseBundleResult =
  { ok: true; snapshot: IncidentSnapshot; meta: BundleMeta } | { ok: false; error: string };

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

/**
 * Where a JSON.parse failure happened, from the engine's message: V8 reports "at position N"
 * for most errors and nothing for a premature end (which is the end of the text).
 */
function syntaxErrorWhere(text: string, message: string): string {
  const position = /at position (\d+)/.exec(message)?.[1];
  const offset =
    position !== undefined
      ? Number(position)
      : /end of (JSON|data|input)/i.test(message)
        ? text.length
        : null;
  if (offset === null) return '(the JSON parser did not report the position)';
  const { line, column } = lineColumnAt(text, offset);
  return `at line ${line}, column ${column}`;
}

/** The engine's reason without the position or the echoed input V8 appends. */
function syntaxErrorReason(message: string): string {
  return message
    .replace(/\s*(in JSON )?at position \d+.*$/s, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .trim();
}

function parseChecked(text: string, fileName: string): ParseBundleResult {
  // Editors on Windows like to start files with a byte-order mark, which JSON.parse rejects.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: `${fileName} is empty.` };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: `${fileName} is not valid JSON ${syntaxErrorWhere(body, message)}: ${syntaxErrorReason(message)}.`,
    };
  }

  const restored = restoreBundle(raw);
  if (!restored.ok) return { ok: false, error: `${fileName} ${restored.error}.`.replace(/\.\.$/, '.') };

  const parsed = Bundle.safeParse(restored.bundle);
  if (!parsed.success) {
    return {
      ok: false,
      error: `${fileName} is not a valid Rootline bundle: ${formatIssues(parsed.error.issues)}.`,
    };
  }
  const { format: _format, version: _version, exportedAt, app, signoffs, ...rest } = parsed.data;
  const snapshot = { ...rest, signoffs: signoffs ?? [] };
  const problems = findReferenceProblems(snapshot);
  if (problems.length > 0) {
    return { ok: false, error: `${fileName} has inconsistent references: ${problems.join('; ')}.` };
  }
  return {
    ok: true,
    snapshot,
    meta: {
      version: restored.fromVersion,
      exportedAt: Date.parse(exportedAt),
      appVersion: app.version,
      notices: restored.notices,
    },
  };
}

/**
 * Reads bundle text into an incident snapshot. Never throws: every failure comes back as a
 * sentence naming the file and the reason — where the JSON breaks (line and column), that the
 * file is not a Rootline bundle or is from a newer Rootline, the JSON paths of the first
 * schema problems, or the broken references.
 */
export function parseBundle(text: string, fileName: string): ParseBundleResult {
  try {
    return parseChecked(text, fileName);
  } catch (e) {
    // Only pathological input gets here (e.g. nesting deep enough to exhaust the stack).
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `${fileName} could not be read: ${message}` };
  }
}
