import { lastAtOrBefore } from '../../domain/sorted';
import type { SearchField, SearchTargetKind } from './documents';
import { placeCount, placeText, type PackedPlaces } from './places';
import { escapeRegExp, type SnippetPart } from './snippet';

/*
 * Finding which of an incident's places hold the words a query matched. An incident has some
 * five hundred places; testing a regular expression on each, for each of the 25 incidents a
 * keystroke shows, was most of the search worker's time. Its places' texts are joined once
 * (kept while that list of places lives) and scanned in one pass.
 */

/** One matching place of an incident. */
export interface LibraryHit {
  kind: SearchTargetKind;
  targetId: string;
  field: SearchField;
  snippet: SnippetPart[];
}

/** An incident that matches the search, with its best places. */
export interface IncidentHits {
  incidentId: string;
  score: number;
  /** Matching places, best first (at most HITS_PER_INCIDENT). */
  hits: LibraryHit[];
  /** How many places matched in all. */
  hitCount: number;
}

/** An incident's place texts joined by newlines, with where each starts. */
interface Joined {
  text: string;
  starts: Int32Array;
}

const joinedOf = new WeakMap<PackedPlaces, Joined>();

function join(places: PackedPlaces): Joined {
  let joined = joinedOf.get(places);
  if (joined === undefined) {
    const n = placeCount(places);
    const starts = new Int32Array(n);
    const texts: string[] = [];
    let at = 0;
    for (let i = 0; i < n; i++) {
      const text = placeText(places, i);
      starts[i] = at;
      at += text.length + 1;
      texts.push(text);
    }
    joined = { text: texts.join('\n'), starts };
    joinedOf.set(places, joined);
  }
  return joined;
}

/**
 * The places (by index) that `take` accepts and where one of `terms` (lowercase index terms)
 * stands as a whole word: how many, and the best `limit` — those naming more of the terms
 * first, then in the incident's own order.
 */
export function placesHolding(
  places: PackedPlaces,
  terms: readonly string[],
  take: (index: number) => boolean,
  limit: number,
): { count: number; best: number[] } {
  const words = [...new Set(terms.filter((t) => t !== ''))].sort((a, b) => b.length - a.length);
  if (words.length === 0 || placeCount(places) === 0) return { count: 0, best: [] };
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  const { text, starts } = join(places);
  // Per matching place, the distinct terms it names.
  const named = new Map<number, Set<string>>();
  for (const m of text.matchAll(re)) {
    // The place whose text holds the match: the last to start at or before it.
    const i = lastAtOrBefore(starts, m.index);
    let set = named.get(i);
    if (set === undefined) {
      if (!take(i)) continue;
      named.set(i, (set = new Set()));
    }
    set.add(m[0].toLowerCase());
  }
  const best = [...named]
    .sort((a, b) => b[1].size - a[1].size || a[0] - b[0])
    .slice(0, limit)
    .map(([i]) => i);
  return { count: named.size, best };
}
