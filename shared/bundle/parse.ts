import type { IncidentSnapshot } from '../domain';
import { formatIssues } from './issues';
import { readJsonText } from './jsonSyntax';
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

function parseChecked(text: string, fileName: string): ParseBundleResult {
  const read = readJsonText(text);
  if (!read.ok) {
    if (read.problem === 'empty') return { ok: false, error: `${fileName} is empty.` };
    const { at, reason } = read.problem;
    const where =
      at === null
        ? '(the JSON parser did not report the position)'
        : `at line ${at.line}, column ${at.column}`;
    return { ok: false, error: `${fileName} is not valid JSON ${where}: ${reason}.` };
  }

  const restored = restoreBundle(read.value);
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
