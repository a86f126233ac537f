import type { z } from 'zod';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JSON path as people read it: `events[3].at`, `incident.keyTimes.detectedAt`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? '(top level)' : out;
}

/** Zod's message without its generic "Invalid input: " lead-in. */
function shortMessage(message: string): string {
  return message.replace(/^Invalid input:\s*/, '');
}

/**
 * The first `max` validation problems as `path: reason`, joined with "; ", plus how many
 * more there are. Enough for a person to find the spot without a wall of text.
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[], max = 5): string {
  const shown = issues.slice(0, max).map((i) => `${formatPath(i.path)}: ${shortMessage(i.message)}`);
  const more = issues.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}
