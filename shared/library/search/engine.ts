import MiniSearch from 'minisearch';
import { tableOfDoc } from './documents';
import { facetCounts, matchesFilter, type FacetCounts, type LibraryFilter } from './facets';
import { placesHolding, type IncidentHits } from './hits';
import {
  parseTableTextId,
  SEP,
  tableBit,
  WORD_INDEX_OPTIONS,
  type IndexState,
  type TableText,
} from './indexState';
import { placeAt, placeKind } from './places';
import { PREFIX_FROM, searchWords, type LibraryQuery } from './query';
import { WordScorer, type WordRules, type WordScores } from './scoring';
import { snippet } from './snippet';
import { SEARCH_INDEX_VERSION, type IndexSnapshot } from './store';
import { IndexWriter, type ChangedPlaces } from './writes';

/** The answer to a library query. */
export interface LibraryResult {
  /** Incidents that pass the filters and the search: by relevance when there is search text, else unordered. */
  incidentIds: string[];
  /** Search hits per incident (the first `limit` incidents); empty without search text. */
  hits: IncidentHits[];
  counts: FacetCounts;
  /** Incidents in the index. */
  indexed: number;
  /**
   * Incidents among the first `limit` whose hits are still to come (their places are being read
   * from storage; the worker sends the complete answer next). Absent or empty: hits complete.
   */
  pendingHits?: string[];
}

export const HITS_PER_INCIDENT = 3;
/** Search words and filters whose answers are kept between index changes. */
const KEPT_ANSWERS = 64;
/** Incidents' hits kept between index changes (a few keystrokes' worth). */
const KEPT_HITS = 500;

/** Words of two letters or more match as a prefix, of five or more also with a typo or two. */
const WORD_RULES: WordRules = { prefixFrom: PREFIX_FROM, fuzzyFrom: 5, fuzzy: 0.2, maxFuzzy: 2 };

/**
 * The library's full-text index with each incident's facets. Pure: whoever owns it feeds it rows.
 * Words are indexed per incident and table (a few thousand documents for a thousand incidents,
 * so a common word or a short prefix stays cheap to look up); the places inside an incident
 * that match are found in its kept text, only for the incidents a query shows. Its writes are
 * an IndexWriter's (writes.ts), which it hands them to.
 */
export class LibraryIndex {
  private readonly state: IndexState;
  /** The write side: updates, removals and the bookkeeping of places to store (writes.ts). */
  private readonly writer: IndexWriter;
  private readonly scorer: WordScorer;
  /**
   * Answers that hold until the index changes: each search word's matches (a user typing a
   * third word looks up the first two again on every keystroke) and each filter's counts.
   */
  private readonly wordMatches = new Map<string, WordScores>();
  private readonly filtered = new Map<string, { counts: FacetCounts; allowed: Set<string> | null }>();
  /** Each shown incident's places for a set of matched terms (the next keystroke often asks again). */
  private readonly hits = new Map<string, Pick<IncidentHits, 'hits' | 'hitCount'>>();

  private constructor(ms: MiniSearch<TableText>) {
    this.state = { words: ms, incidents: new Map() };
    this.writer = new IndexWriter(this.state, () => this.changed());
    this.scorer = new WordScorer(ms, 'text', (docId) => {
      const { incidentId, table } = parseTableTextId(docId);
      return { group: incidentId, bit: tableBit(table) };
    });
  }

  static empty(): LibraryIndex {
    return new LibraryIndex(new MiniSearch<TableText>(WORD_INDEX_OPTIONS));
  }

  /** An index from its snapshot, or null when the snapshot is of another version or unreadable. */
  static fromSnapshot(snap: IndexSnapshot): LibraryIndex | null {
    if (snap.version !== SEARCH_INDEX_VERSION) return null;
    try {
      const idx = new LibraryIndex(MiniSearch.loadJSON<TableText>(snap.index, WORD_INDEX_OPTIONS));
      for (const [id, entry] of Object.entries(snap.incidents))
        idx.state.incidents.set(id, { indexedAt: entry.indexedAt, facets: entry.facets, places: null });
      return idx;
    } catch {
      return null;
    }
  }

  snapshot(): IndexSnapshot {
    return {
      version: SEARCH_INDEX_VERSION,
      index: JSON.stringify(this.state.words),
      incidents: Object.fromEntries(
        [...this.state.incidents].map(([id, e]) => [id, { indexedAt: e.indexedAt, facets: e.facets }]),
      ),
    };
  }

  get size(): number {
    return this.state.incidents.size;
  }

  /** True when the incident is in the index. */
  has(incidentId: string): boolean {
    return this.state.incidents.has(incidentId);
  }

  /** Ids of the indexed incidents with the change time each reflects. */
  indexedTimes(): Map<string, number> {
    return new Map([...this.state.incidents].map(([id, e]) => [id, e.indexedAt]));
  }

  /** {@inheritDoc IndexWriter.update} */
  update(...args: Parameters<IndexWriter['update']>): void {
    this.writer.update(...args);
  }

  /** {@inheritDoc IndexWriter.updateRows} */
  updateRows(...args: Parameters<IndexWriter['updateRows']>): void {
    this.writer.updateRows(...args);
  }

  /** {@inheritDoc IndexWriter.updateIncident} */
  updateIncident(...args: Parameters<IndexWriter['updateIncident']>): void {
    this.writer.updateIncident(...args);
  }

  /** {@inheritDoc IndexWriter.remove} */
  remove(...args: Parameters<IndexWriter['remove']>): void {
    this.writer.remove(...args);
  }

  /** {@inheritDoc IndexWriter.takeChangedPlaces} */
  takeChangedPlaces(): ChangedPlaces {
    return this.writer.takeChangedPlaces();
  }

  /** {@inheritDoc IndexWriter.putBack} */
  putBack(...args: Parameters<IndexWriter['putBack']>): void {
    this.writer.putBack(...args);
  }

  /** {@inheritDoc IndexWriter.withoutPlaces} */
  withoutPlaces(...args: Parameters<IndexWriter['withoutPlaces']>): string[] {
    return this.writer.withoutPlaces(...args);
  }

  /** {@inheritDoc IndexWriter.setPlaces} */
  setPlaces(...args: Parameters<IndexWriter['setPlaces']>): void {
    this.writer.setPlaces(...args);
  }

  /**
   * Incidents matching the filters and, when there is search text, every word of it (a word may
   * match in any place of the incident; words of two letters or more also as a prefix, longer
   * words also with a typo or two), best first. `limit` caps how many incidents get hits.
   */
  query(q: LibraryQuery, limit = 25): LibraryResult {
    const result = this.tryQuery(q, limit);
    if (result.pendingHits.length > 0)
      throw new Error(`Places not loaded for ${result.pendingHits.join(', ')}; use tryQuery.`);
    return result;
  }

  /**
   * {@link query} with hits for the incidents whose places are loaded; `pendingHits` names, in
   * rank order, those whose places are not (load them with `setPlaces`, then ask again) — and,
   * with `hitsFor`, every result after the first `hitsFor`: their hits are left for a second
   * answer (a keystroke's first answer draws the first screen; its hits are what it waits for).
   */
  tryQuery(q: LibraryQuery, limit = 25, hitsFor = limit): LibraryResult & { pendingHits: string[] } {
    const { counts, allowed } = this.filter(q.filter);
    const words = searchWords(q.text);
    if (words.length === 0)
      return {
        incidentIds: allowed === null ? [...this.state.incidents.keys()] : [...allowed],
        hits: [],
        counts,
        indexed: this.state.incidents.size,
        pendingHits: [],
      };

    // Each word's matches per incident are kept (see matchesOf); an incident's score is the
    // sum of its words' scores. Every word must match somewhere in the incident: walk the word
    // with the fewest incidents and look the others up.
    const perWord = words.map((w) => this.matchesOf(w));
    const fewest = perWord.reduce((a, b) => (b.slots.length < a.slots.length ? b : a));
    const groups: { id: string; slot: number; score: number; tables: number }[] = [];
    for (const slot of fewest.slots) {
      const id = this.scorer.idOf(slot);
      if (allowed !== null && !allowed.has(id)) continue;
      let score = 0;
      let tables = 0;
      let all = true;
      for (const m of perWord) {
        const bits = m.bits[slot] ?? 0;
        if (bits === 0) {
          all = false;
          break;
        }
        score += m.score[slot]!;
        tables |= bits;
      }
      // A group without documents left (its incident removed) is not shown.
      if (all && this.state.incidents.has(id)) groups.push({ id, slot, score, tables });
    }
    groups.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const shown = groups.slice(0, limit);
    const now = shown.slice(0, hitsFor);
    const pending = new Set([
      ...this.withoutPlaces(now.map((x) => x.id)),
      ...shown.slice(hitsFor).map((x) => x.id),
    ]);
    const hits = now
      .filter(({ id }) => !pending.has(id))
      .map(({ id, slot, score, tables }) => {
        const terms = new Set(perWord.flatMap((m) => this.scorer.termsOf(m, slot)));
        return this.hitsOf(id, terms, tables, score);
      });
    return {
      incidentIds: groups.map((x) => x.id),
      hits,
      counts,
      indexed: this.state.incidents.size,
      pendingHits: shown.filter(({ id }) => pending.has(id)).map((x) => x.id),
    };
  }

  /** Drops the answers kept for the index as it was. */
  private changed(): void {
    this.wordMatches.clear();
    this.filtered.clear();
    this.hits.clear();
  }

  /** The facet counts of a filter and the incidents it lets through (null: all of them). */
  private filter(filter: LibraryFilter): { counts: FacetCounts; allowed: Set<string> | null } {
    const key = JSON.stringify(filter);
    let kept = this.filtered.get(key);
    if (kept === undefined) {
      const facets = [...this.state.incidents.values()].map((e) => e.facets);
      const pass = facets.filter((f) => matchesFilter(f, filter)).map((f) => f.incidentId);
      kept = {
        counts: facetCounts(facets, filter),
        allowed: pass.length === facets.length ? null : new Set(pass),
      };
      if (this.filtered.size >= KEPT_ANSWERS) this.filtered.clear();
      this.filtered.set(key, kept);
    }
    return kept;
  }

  /** Per incident, what one search word matches (as a prefix from two letters, with typos from five). */
  private matchesOf(word: string): WordScores {
    let kept = this.wordMatches.get(word);
    if (kept === undefined) {
      kept = this.scorer.score(word, WORD_RULES);
      if (this.wordMatches.size >= KEPT_ANSWERS) this.wordMatches.clear();
      this.wordMatches.set(word, kept);
    }
    return kept;
  }

  /** The places of an incident where the matched words are, best first (kept until the index changes). */
  private hitsOf(incidentId: string, terms: Set<string>, tables: number, score: number): IncidentHits {
    const list = [...terms].sort();
    const key = `${incidentId}${SEP}${tables}${SEP}${list.join(SEP)}`;
    let kept = this.hits.get(key);
    if (kept === undefined) {
      const places = this.state.incidents.get(incidentId)?.places;
      const { count, best } =
        places == null
          ? { count: 0, best: [] }
          : placesHolding(
              places,
              list,
              (i) => (tables & tableBit(tableOfDoc({ kind: placeKind(places, i) }))) !== 0,
              HITS_PER_INCIDENT,
            );
      kept = {
        hitCount: count,
        hits: best.map((i) => {
          const d = placeAt(incidentId, places!, i);
          return { kind: d.kind, targetId: d.targetId, field: d.field, snippet: snippet(d.text, list) };
        }),
      };
      if (this.hits.size >= KEPT_HITS) this.hits.clear();
      this.hits.set(key, kept);
    }
    return { incidentId, score, ...kept };
  }
}
