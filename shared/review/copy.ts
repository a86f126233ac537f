import type { IncidentSnapshot } from '../domain';
import { parseBundle } from '../bundle/parse';
import { bundleFromSnapshot, bundleText } from '../bundle/serialize';
import type { SerializeOptions } from '../bundle/serialize';
import type { ReviewBase } from './base';

/**
 * A review copy is an ordinary bundle with its optional `reviewBase` filled in (the last key of
 * the file). Readers that do not care about reviews open it as a plain incident.
 */
export function serializeReviewCopy(
  snapshot: IncidentSnapshot,
  base: ReviewBase,
  options: SerializeOptions,
): string {
  const bundle = bundleFromSnapshot(snapshot, options);
  return bundleText({ ...bundle, reviewBase: base });
}

export type ParseReviewCopyResult =
  | { ok: true; snapshot: IncidentSnapshot; base: ReviewBase | null; exportedAt: number }
  | { ok: false; error: string };

/**
 * Reads a bundle that may be a review copy. A plain bundle gives `base: null`. A damaged base
 * fails the bundle schema (with its JSON path), because merging on a wrong base could turn
 * into a silent overwrite; a base of another incident is refused too.
 */
export function parseReviewCopy(text: string, fileName: string): ParseReviewCopyResult {
  const parsed = parseBundle(text, fileName);
  if (!parsed.ok) return parsed;
  const { reviewBase, ...snapshot } = parsed.snapshot as IncidentSnapshot & { reviewBase?: ReviewBase };
  const base = reviewBase ?? null;
  if (base !== null && base.incidentId !== snapshot.incident.id) {
    return {
      ok: false,
      error: `${fileName}: its review base belongs to another incident (${base.incidentId}).`,
    };
  }
  return { ok: true, snapshot, base, exportedAt: parsed.meta.exportedAt };
}

/** What this profile knows about the review copies of one incident. */
export interface ReviewLedger {
  /** Bases of the copies this profile sent out as the author (newest last, a few kept). */
  created: readonly ReviewBase[];
  /** The base of the last copy this profile received as a reviewer, or null. */
  received: ReviewBase | null;
}

/**
 * The common ancestor to merge an incoming file with. A file built on a base we created comes
 * back from a reviewer, and that base is exactly what we sent. Otherwise the best ancestor is
 * the newest state both sides are known to have shared: the copy we received last, or the
 * newest copy we sent before the file was written (a reviewer's Rootline that opened our copy
 * as a plain bundle sends back its own base, which we do not know). With neither, the merge is
 * two-way and differing text becomes a conflict.
 */
export function chooseMergeBase(
  incoming: ReviewBase | null,
  ledger: ReviewLedger,
  fileExportedAt: number,
): ReviewBase | null {
  const own = incoming === null ? undefined : ledger.created.find((b) => b.id === incoming.id);
  if (own !== undefined) return own;
  const candidates = ledger.created.filter((b) => b.exportedAt <= fileExportedAt);
  if (ledger.received !== null) candidates.push(ledger.received);
  return candidates.reduce<ReviewBase | null>(
    (best, b) => (best === null || b.exportedAt > best.exportedAt ? b : best),
    null,
  );
}
