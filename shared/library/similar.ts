import { signalsOf, type SignalKind } from './metrics/signals';
import type { LibraryIncident } from './summary';
import { incidentDate } from './summary';

/** One reason two incidents look alike. */
export interface SimilarReason {
  kind: SignalKind | 'category';
  label: string;
}

export interface SimilarIncident {
  id: string;
  title: string;
  score: number;
  reasons: SimilarReason[];
}

/**
 * How much one shared trait weighs. A change finding on the same component or the same error
 * pattern says more than a shared service (many incidents touch the busiest service), and a
 * shared cause category least of all (there are only a handful of categories).
 */
export const SIMILAR_WEIGHTS: Record<SimilarReason['kind'], number> = {
  finding: 4,
  pattern: 3,
  service: 2,
  category: 1,
};

function traits(i: LibraryIncident): Map<string, SimilarReason> {
  const out = new Map<string, SimilarReason>();
  for (const s of signalsOf(i)) out.set(`${s.kind}\u0000${s.key}`, { kind: s.kind, label: s.label });
  for (const c of i.causeCategories) out.set(`category\u0000${c}`, { kind: 'category', label: c });
  return out;
}

/**
 * Incidents that look like `target`: every other incident sharing services, error log
 * patterns, change findings or cause categories with it, scored by the weights above, highest
 * first (then the most recent). Each comes with the traits it shares, strongest first.
 */
export function similarIncidents(
  target: LibraryIncident,
  others: readonly LibraryIncident[],
  limit = 5,
): SimilarIncident[] {
  const mine = traits(target);
  if (mine.size === 0) return [];
  const found: (SimilarIncident & { at: number })[] = [];
  for (const o of others) {
    if (o.id === target.id) continue;
    const reasons: SimilarReason[] = [];
    for (const [key] of traits(o)) {
      const r = mine.get(key);
      if (r) reasons.push(r);
    }
    if (reasons.length === 0) continue;
    reasons.sort(
      (a, b) => SIMILAR_WEIGHTS[b.kind] - SIMILAR_WEIGHTS[a.kind] || a.label.localeCompare(b.label),
    );
    const score = reasons.reduce((sum, r) => sum + SIMILAR_WEIGHTS[r.kind], 0);
    found.push({ id: o.id, title: o.title, score, reasons, at: incidentDate(o) });
  }
  found.sort((a, b) => b.score - a.score || b.at - a.at);
  return found.slice(0, limit).map(({ at: _at, ...rest }) => rest);
}

const REASON_WORDS: Record<SimilarReason['kind'], [one: string, many: string]> = {
  finding: ['Same change finding', 'Same change findings'],
  pattern: ['Same error log pattern', 'Same error log patterns'],
  service: ['Same service', 'Same services'],
  category: ['Same cause category', 'Same cause categories'],
};

/**
 * The reasons as a reader sees them, one phrase per kind in the reasons' order:
 * ["Same change finding: unstaged-rollout on api", "Same services: api, db"].
 */
export function reasonPhrases(reasons: readonly SimilarReason[]): string[] {
  const byKind = new Map<SimilarReason['kind'], string[]>();
  for (const r of reasons) {
    const list = byKind.get(r.kind);
    if (list) list.push(r.label);
    else byKind.set(r.kind, [r.label]);
  }
  return [...byKind].map(
    ([kind, labels]) => `${REASON_WORDS[kind][labels.length === 1 ? 0 : 1]}: ${labels.join(', ')}`,
  );
}
