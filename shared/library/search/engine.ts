import MiniSearch from 'minisearch';
import type { Incident } from '../../domain';
import {
  INDEXED_TABLES,
  rowDocs,
  tableDocs,
  tableOfDoc,
  type IncidentText,
  type IndexedTable,
  type KeyedRow,
  type RowTable,
  type SearchDoc,
  type SearchField,
  type SearchTargetKind,
} from './documents';
import {
  facetCounts,
  incidentFacets,
  matchesFilter,
  withIncidentRow,
  type FacetCounts,
  type IncidentFacets,
  type LibraryFilter,
} from './facets';
import type { LibraryQuery } from './query';
import { PREFIX_FROM, searchWords, tokenize } from './query';
import { WordScorer, type WordRules, type WordScores } from './scoring';
import { placesHolding } from './hits';
import { packPlaces, placeAt, placeKind, unpackPlaces, type PackedPlaces } from './places';
import { snippet, type SnippetPart } from './snippet';
import { SEARCH_INDEX_VERSION } from './store';

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

/** What is kept about each indexed incident: its places' text (for hits) and its facets. */
export interface IndexedIncident {
  /** The change time the index reflects (from the app's change log). */
  indexedAt: number;
  /**
   * Its searchable places, one document each (see documents.ts), packed (places.ts); null
   * while not loaded (an index read back from storage loads an incident's places when its hits
   * are first needed).
   */
  places: PackedPlaces | null;
  facets: IncidentFacets;
}

/**
 * The persisted form of an index (see store.ts): the word index and each incident's facets.
 * Places are stored apart, per incident ({@link LibraryIndex.takeChangedPlaces}): the text of a
 * thousand incidents' places is ~140 MB, and reading it whole made loading the index take 10 s.
 */
export interface IndexSnapshot {
  version: number;
  index: string;
  incidents: Record<string, { indexedAt: number; facets: IncidentFacets }>;
}

/** Places changed since they were last stored, and incidents whose places are to be dropped. */
export interface ChangedPlaces {
  places: Map<string, PackedPlaces>;
  removed: string[];
}

export const HITS_PER_INCIDENT = 3;
/** Search words and filters whose answers are kept between index changes. */
const KEPT_ANSWERS = 64;
/** Incidents' hits kept between index changes (a few keystrokes' worth). */
const KEPT_HITS = 500;

const tableBit = (table: IndexedTable): number => 1 << INDEXED_TABLES.indexOf(table);

const SEP = '\u001f';

/** Rows read for an incident: always the incident, its causes and actions (facets), plus changed tables. */
export type IncidentRows = Pick<IncidentText, 'incident' | 'causes' | 'actions'> & Partial<IncidentText>;

/** A word-index document: all text of one table of one incident. */
interface TableText {
  id: string;
  text: string;
}

const OPTIONS = {
  idField: 'id',
  fields: ['text'],
  storeFields: [],
  tokenize,
  // Long-lived index with edits: clean up replaced documents in the background, in batches.
  autoVacuum: { minDirtCount: 50, minDirtFactor: 0.1, batchSize: 500, batchWait: 5 },
};

/** Words of two letters or more match as a prefix, of five or more also with a typo or two. */
const WORD_RULES: WordRules = { prefixFrom: PREFIX_FROM, fuzzyFrom: 5, fuzzy: 0.2, maxFuzzy: 2 };

/** An incident's text with no rows but its own (to take the documents of its row alone). */
const NO_ROWS: Omit<IncidentText, 'incident'> = {
  events: [],
  causes: [],
  actions: [],
  sections: [],
  comments: [],
};

const tableTextId = (incidentId: string, table: IndexedTable) => `${incidentId}${SEP}${table}`;
function parseTableTextId(id: string): { incidentId: string; table: IndexedTable } {
  const at = id.lastIndexOf(SEP);
  return { incidentId: id.slice(0, at), table: id.slice(at + 1) as IndexedTable };
}

const sameDocs = (a: readonly SearchDoc[], b: readonly SearchDoc[]) =>
  a.length === b.length &&
  a.every((d, i) => d.id === b[i]!.id && d.text === b[i]!.text && d.field === b[i]!.field);

/**
 * The library's full-text index with each incident's facets. Pure: whoever owns it feeds it rows.
 * Words are indexed per incident and table (a few thousand documents for a thousand incidents,
 * so a common word or a short prefix stays cheap to look up); the places inside an incident
 * that match are found in its kept text, only for the incidents a query shows.
 */
export class LibraryIndex {
  private words: MiniSearch<TableText>;
  private readonly scorer: WordScorer;
  private readonly incidents = new Map<string, IndexedIncident>();
  /**
   * Answers that hold until the index changes: each search word's matches (a user typing a
   * third word looks up the first two again on every keystroke) and each filter's counts.
   */
  private readonly wordMatches = new Map<string, WordScores>();
  private readonly filtered = new Map<string, { counts: FacetCounts; allowed: Set<string> | null }>();
  /** Each shown incident's places for a set of matched terms (the next keystroke often asks again). */
  private readonly hits = new Map<string, Pick<IncidentHits, 'hits' | 'hitCount'>>();
  /** Incidents whose places changed (or went) since `takeChangedPlaces`. */
  private readonly changedPlaces = new Set<string>();

  private constructor(ms: MiniSearch<TableText>) {
    this.words = ms;
    this.scorer = new WordScorer(ms, 'text', (docId) => {
      const { incidentId, table } = parseTableTextId(docId);
      return { group: incidentId, bit: tableBit(table) };
    });
  }

  static empty(): LibraryIndex {
    return new LibraryIndex(new MiniSearch<TableText>(OPTIONS));
  }

  /** An index from its snapshot, or null when the snapshot is of another version or unreadable. */
  static fromSnapshot(snap: IndexSnapshot): LibraryIndex | null {
    if (snap.version !== SEARCH_INDEX_VERSION) return null;
    try {
      const idx = new LibraryIndex(MiniSearch.loadJSON<TableText>(snap.index, OPTIONS));
      for (const [id, entry] of Object.entries(snap.incidents))
        idx.incidents.set(id, { indexedAt: entry.indexedAt, facets: entry.facets, places: null });
      return idx;
    } catch {
      return null;
    }
  }

  snapshot(): IndexSnapshot {
    return {
      version: SEARCH_INDEX_VERSION,
      index: JSON.stringify(this.words),
      incidents: Object.fromEntries(
        [...this.incidents].map(([id, e]) => [id, { indexedAt: e.indexedAt, facets: e.facets }]),
      ),
    };
  }

  /** The places to store since the last call (see {@link IndexSnapshot}); `putBack` after a failed write. */
  takeChangedPlaces(): ChangedPlaces {
    const places = new Map<string, PackedPlaces>();
    const removed: string[] = [];
    for (const id of this.changedPlaces) {
      const p = this.incidents.get(id)?.places;
      if (p === undefined) removed.push(id);
      else if (p !== null) places.set(id, p);
    }
    this.changedPlaces.clear();
    return { places, removed };
  }

  /** Marks places as not stored again (their write failed). */
  putBack(changed: ChangedPlaces): void {
    for (const id of changed.places.keys()) this.changedPlaces.add(id);
    for (const id of changed.removed) this.changedPlaces.add(id);
  }

  /** Ids among `ids` of indexed incidents whose places are not loaded. */
  withoutPlaces(ids: Iterable<string>): string[] {
    return [...ids].filter((id) => this.incidents.get(id)?.places === null);
  }

  /** Gives an incident read back from storage its stored places. */
  setPlaces(incidentId: string, places: PackedPlaces): void {
    const e = this.incidents.get(incidentId);
    if (e !== undefined && e.places === null) e.places = places;
  }

  get size(): number {
    return this.incidents.size;
  }

  /** True when the incident is in the index. */
  has(incidentId: string): boolean {
    return this.incidents.has(incidentId);
  }

  /** Ids of the indexed incidents with the change time each reflects. */
  indexedTimes(): Map<string, number> {
    return new Map([...this.incidents].map(([id, e]) => [id, e.indexedAt]));
  }

  /** Re-indexes the words of one table of an incident from its places. */
  private indexTable(incidentId: string, table: IndexedTable, docs: readonly SearchDoc[]): void {
    const id = tableTextId(incidentId, table);
    if (this.words.has(id)) this.words.discard(id);
    const text = docs.map((d) => d.text).join('\n');
    if (text !== '') this.words.add({ id, text });
  }

  /**
   * Brings an incident up to date: `tables` says which of its tables changed (their rows are in
   * `rows`); the words of those tables are indexed again when their text differs. Facets are
   * always recomputed (their rows are always given). An incident not in the index yet takes
   * every table whose rows are given (give them all).
   */
  update(rows: IncidentRows, tables: readonly IndexedTable[], at: number): void {
    this.changed();
    const id = rows.incident.id;
    const before = this.incidents.get(id);
    const text: IncidentText = {
      ...rows,
      events: rows.events ?? [],
      sections: rows.sections ?? [],
      comments: rows.comments ?? [],
    };
    // A table counts as changed only when its rows were given; a new incident needs them all.
    const given = (t: IndexedTable) =>
      t === 'incidents' || t === 'causes' || t === 'actions' || rows[t] !== undefined;
    const changed = (before === undefined ? INDEXED_TABLES : tables).filter(given);
    if (before?.places === null && changed.length < INDEXED_TABLES.length)
      throw new Error(`The places of incident ${id} are not loaded; load them or give every table.`);
    let docs = before?.places == null ? [] : unpackPlaces(id, before.places);
    for (const table of new Set(changed)) {
      const fresh = tableDocs(table, text);
      const old = docs.filter((d) => tableOfDoc(d) === table);
      docs = [...docs.filter((d) => tableOfDoc(d) !== table), ...fresh];
      if (before?.places == null || !sameDocs(old, fresh)) this.indexTable(id, table, fresh);
    }
    this.changedPlaces.add(id);
    this.incidents.set(id, {
      indexedAt: at,
      places: packPlaces(docs),
      facets: incidentFacets(rows.incident, rows.causes, rows.actions),
    });
  }

  /**
   * Brings some rows of an incident's events, sections or comments up to date: `keys` are the
   * rows written, `changed` those of them that still exist (a key without a row was deleted).
   * Its facets do not come from these tables and stay. The incident must be in the index with
   * its places loaded (else use `update` with every table).
   */
  updateRows(
    incidentId: string,
    table: RowTable,
    keys: readonly string[],
    changed: readonly KeyedRow[],
    at: number,
  ): void {
    const targets = new Set(keys);
    this.replaceDocs(
      incidentId,
      table,
      (d) => targets.has(d.targetId),
      rowDocs(incidentId, table, changed),
      at,
      (facets) => facets,
    );
  }

  /**
   * Brings an incident's own row (title, overview, labels, severity…) up to date, its other
   * tables unchanged. The incident must be in the index with its places loaded.
   */
  updateIncident(incident: Incident, at: number): void {
    const docs = tableDocs('incidents', { ...NO_ROWS, incident });
    this.replaceDocs(
      incident.id,
      'incidents',
      () => true,
      docs,
      at,
      (f) => withIncidentRow(f, incident),
    );
  }

  /** Replaces the documents of `table` that `replaced` picks with `fresh`, and re-indexes that table's words. */
  private replaceDocs(
    incidentId: string,
    table: IndexedTable,
    replaced: (doc: SearchDoc) => boolean,
    fresh: readonly SearchDoc[],
    at: number,
    facets: (before: IncidentFacets) => IncidentFacets,
  ): void {
    const before = this.incidents.get(incidentId);
    if (before === undefined) throw new Error(`Incident ${incidentId} is not indexed; index it whole.`);
    if (before.places === null) throw new Error(`The places of incident ${incidentId} are not loaded.`);
    this.changed();
    const docs = [
      ...unpackPlaces(incidentId, before.places).filter((d) => !(tableOfDoc(d) === table && replaced(d))),
      ...fresh,
    ];
    this.indexTable(
      incidentId,
      table,
      docs.filter((d) => tableOfDoc(d) === table),
    );
    this.changedPlaces.add(incidentId);
    this.incidents.set(incidentId, {
      indexedAt: at,
      places: packPlaces(docs),
      facets: facets(before.facets),
    });
  }

  /** Forgets an incident (deleted). */
  remove(incidentId: string): void {
    if (!this.incidents.has(incidentId)) return;
    this.changed();
    for (const table of INDEXED_TABLES) {
      const id = tableTextId(incidentId, table);
      if (this.words.has(id)) this.words.discard(id);
    }
    this.incidents.delete(incidentId);
    this.changedPlaces.add(incidentId);
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
        incidentIds: allowed === null ? [...this.incidents.keys()] : [...allowed],
        hits: [],
        counts,
        indexed: this.incidents.size,
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
      if (all && this.incidents.has(id)) groups.push({ id, slot, score, tables });
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
      indexed: this.incidents.size,
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
      const facets = [...this.incidents.values()].map((e) => e.facets);
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
      const places = this.incidents.get(incidentId)?.places;
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
