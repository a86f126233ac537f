import type { IncidentSnapshot } from '../domain';
import { formatIssues } from '../bundle/issues';
import { parseBundle } from '../bundle/parse';
import { bundleFromSnapshot } from '../bundle/serialize';
import type { SerializeOptions } from '../bundle/serialize';
import { ReviewBase } from './base';

/**
 * A review copy is an ordinary bundle plus one extra top-level key, `reviewBase`, written
 * last. Bundle readers drop unknown keys, so a review copy opens in any Rootline as a plain
 * incident; the review code reads the base to merge the copy back.
 */
export function serializeReviewCopy(
  snapshot: IncidentSnapshot,
  base: ReviewBase,
  options: SerializeOptions,
): string {
  const bundle = bundleFromSnapshot(snapshot, options);
  return `${JSON.stringify({ ...bundle, reviewBase: base }, null, 2)}\n`;
}

export type ParseReviewCopyResult =
  | { ok: true; snapshot: IncidentSnapshot; base: ReviewBase | null; exportedAt: number }
  | { ok: false; error: string };

/**
 * Reads a bundle that may be a review copy. A plain bundle gives `base: null`; a review copy
 * whose base is damaged is refused with the reason, because merging without the right base
 * would turn every difference into a conflict or, worse, a silent overwrite.
 */
export function parseReviewCopy(text: string, fileName: string): ParseReviewCopyResult {
  const parsed = parseBundle(text, fileName);
  if (!parsed.ok) return parsed;
  let raw: unknown;
  try {
    raw = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    return { ok: false, error: `${fileName} could not be read again.` };
  }
  const value = (raw as Record<string, unknown>).reviewBase;
  if (value === undefined)
    return { ok: true, snapshot: parsed.snapshot, base: null, exportedAt: parsed.meta.exportedAt };
  const base = ReviewBase.safeParse(value);
  if (!base.success) {
    return { ok: false, error: `${fileName} has a damaged review base: ${formatIssues(base.error.issues)}.` };
  }
  if (base.data.incidentId !== parsed.snapshot.incident.id) {
    return {
      ok: false,
      error: `${fileName}: its review base belongs to another incident (${base.data.incidentId}).`,
    };
  }
  return { ok: true, snapshot: parsed.snapshot, base: base.data, exportedAt: parsed.meta.exportedAt };
}

/** What this profile knows about the review copies of one incident. */
export interface ReviewLedger {
  /** Bases of the copies this profile sent out as the author (newest last, a few kept). */
  created: readonly ReviewBase[];
  /** The base of the last copy this profile received as a reviewer, or null. */
  received: ReviewBase | null;
}

/**
 * The common ancestor to merge an incoming file with:
 * - a file built on a base we created comes back from a reviewer: that base is what we sent;
 * - else, if we received a copy before, we are the reviewer getting a newer one: the copy we
 *   received last is what both sides started from;
 * - else the file carries no base we know (a reviewer's Rootline that opened our copy as a
 *   plain bundle): the newest copy we sent before the file was written is the best ancestor;
 * - else there is none, and the merge is two-way (differences in text become conflicts).
 */
export function chooseMergeBase(
  incoming: ReviewBase | null,
  ledger: ReviewLedger,
  fileExportedAt: number,
): ReviewBase | null {
  const own = incoming === null ? undefined : ledger.created.find((b) => b.id === incoming.id);
  if (own !== undefined) return own;
  if (ledger.received !== null) return ledger.received;
  const sent = ledger.created.filter((b) => b.exportedAt <= fileExportedAt);
  return sent.reduce<ReviewBase | null>(
    (best, b) => (best === null || b.exportedAt > best.exportedAt ? b : best),
    null,
  );
}
