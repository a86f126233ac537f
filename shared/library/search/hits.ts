import type { SearchDoc } from './documents';
import { escapeRegExp } from './snippet';

/*
 * Finding which of an incident's places hold the words a query matched. An incident has some
 * five hundred places; testing a regular expression on each, for each of the 25 incidents a
 * keystroke shows, was most of the search worker's time. Its places' texts are joined once
 * (kept while that list of places lives) and scanned in one pass.
 */

/** An incident's place texts joined by newlines, with where each starts. */
interface Joined {
  text: string;
  starts: Int32Array;
}

const joinedOf = new WeakMap<readonly SearchDoc[], Joined>();

function join(docs: readonly SearchDoc[]): Joined {
  let joined = joinedOf.get(docs);
  if (joined === undefined) {
    const starts = new Int32Array(docs.length);
    let at = 0;
    docs.forEach((d, i) => {
      starts[i] = at;
      at += d.text.length + 1;
    });
    joined = { text: docs.map((d) => d.text).join('\n'), starts };
    joinedOf.set(docs, joined);
  }
  return joined;
}

/** Index of the place whose text holds offset `at` (the last start at or before it). */
function placeAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The places among `docs` that `take` accepts and where one of `terms` (lowercase index terms)
 * stands as a whole word: how many, and the best `limit` — those naming more of the terms
 * first, then in the incident's own order.
 */
export function placesHolding(
  docs: readonly SearchDoc[],
  terms: readonly string[],
  take: (doc: SearchDoc) => boolean,
  limit: number,
): { count: number; best: SearchDoc[] } {
  const words = [...new Set(terms.filter((t) => t !== ''))].sort((a, b) => b.length - a.length);
  if (words.length === 0 || docs.length === 0) return { count: 0, best: [] };
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  const { text, starts } = join(docs);
  // Per matching place, the distinct terms it names.
  const named = new Map<number, Set<string>>();
  for (const m of text.matchAll(re)) {
    const i = placeAt(starts, m.index);
    let set = named.get(i);
    if (set === undefined) {
      if (!take(docs[i]!)) continue;
      named.set(i, (set = new Set()));
    }
    set.add(m[0].toLowerCase());
  }
  const best = [...named]
    .sort((a, b) => b[1].size - a[1].size || a[0] - b[0])
    .slice(0, limit)
    .map(([i]) => docs[i]!);
  return { count: named.size, best };
}
