import MiniSearch, { type SearchResult } from 'minisearch';
import type { Comment, DocumentSection, TimelineEvent } from '../../domain';
import {
  INDEXED_TABLES,
  tableDocs,
  tableOfDoc,
  type IncidentText,
  type IndexedTable,
  type SearchDoc,
  type SearchField,
  type SearchTargetKind,
} from './documents';
import { facetCounts, incidentFacets, matchesFilter, type FacetCounts, type IncidentFacets } from './facets';
import type { LibraryQuery } from './query';
import { searchWords, tokenize } from './query';
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
}

/** What is kept about each indexed incident besides its words. */
export interface IndexedIncident {
  /** The change time the index reflects (from the app's change log). */
  indexedAt: number;
  /** Ids of its documents in the index. */
  docs: string[];
  facets: IncidentFacets;
}

/** The persisted form of an index (see store.ts). */
export interface IndexSnapshot {
  version: number;
  index: string;
  incidents: Record<string, IndexedIncident>;
}

export const HITS_PER_INCIDENT = 3;
const SEP = '\u001f';

/** Rows read for an incident: always the incident, its causes and actions (facets), plus changed tables. */
export type IncidentRows = Pick<IncidentText, 'incident' | 'causes' | 'actions'> & Partial<IncidentText>;

type Stored = Pick<SearchDoc, 'field' | 'text'>;

const OPTIONS = {
  idField: 'id',
  fields: ['text'],
  storeFields: ['field', 'text'],
  tokenize,
  // Long-lived index with edits: clean up discarded documents in the background, in batches.
  autoVacuum: { minDirtCount: 200, minDirtFactor: 0.05, batchSize: 2000, batchWait: 5 },
};

/** The incident and place of a document id (documents.ts builds it). */
function parseDocId(id: string): { incidentId: string; kind: SearchTargetKind; targetId: string } {
  const [incidentId = '', kind = 'incident', targetId = ''] = id.split(SEP);
  return { incidentId, kind: kind as SearchTargetKind, targetId };
}

/**
 * The library's full-text index (MiniSearch) with each incident's facets. Pure: whoever owns it
 * feeds it rows; updates replace only the documents whose text changed.
 */
export class LibraryIndex {
  private search_: MiniSearch<SearchDoc>;
  private readonly incidents = new Map<string, IndexedIncident>();

  private constructor(ms: MiniSearch<SearchDoc>) {
    this.search_ = ms;
  }

  static empty(): LibraryIndex {
    return new LibraryIndex(new MiniSearch<SearchDoc>(OPTIONS));
  }

  /** An index from its snapshot, or null when the snapshot is of another version or unreadable. */
  static fromSnapshot(snap: IndexSnapshot): LibraryIndex | null {
    if (snap.version !== SEARCH_INDEX_VERSION) return null;
    try {
      const idx = new LibraryIndex(MiniSearch.loadJSON<SearchDoc>(snap.index, OPTIONS));
      for (const [id, entry] of Object.entries(snap.incidents)) idx.incidents.set(id, entry);
      return idx;
    } catch {
      return null;
    }
  }

  snapshot(): IndexSnapshot {
    return {
      version: SEARCH_INDEX_VERSION,
      index: JSON.stringify(this.search_),
      incidents: Object.fromEntries(this.incidents),
    };
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

  /**
   * Brings an incident up to date: `tables` says which of its tables changed (their rows are in
   * `rows`); the documents of those tables are replaced where their text differs, added or
   * removed. Facets are always recomputed (their rows are always given). An incident not in the
   * index yet takes every table whose rows are given (give them all).
   */
  update(rows: IncidentRows, tables: readonly IndexedTable[], at: number): void {
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
    const changed = new Set<IndexedTable>((before === undefined ? INDEXED_TABLES : tables).filter(given));
    const kept = (before?.docs ?? []).filter((d) => !changed.has(tableOfDoc(parseDocId(d))));
    const docs = [...kept];
    const fresh = new Set<string>();
    for (const table of changed) {
      for (const doc of tableDocs(table, text)) {
        fresh.add(doc.id);
        docs.push(doc.id);
        const old = this.search_.has(doc.id)
          ? (this.search_.getStoredFields(doc.id) as Stored | undefined)
          : undefined;
        if (old === undefined) this.search_.add(doc);
        else if (old.text !== doc.text || old.field !== doc.field) this.search_.replace(doc);
      }
    }
    for (const d of before?.docs ?? []) {
      if (!fresh.has(d) && changed.has(tableOfDoc(parseDocId(d))) && this.search_.has(d))
        this.search_.discard(d);
    }
    this.incidents.set(id, {
      indexedAt: at,
      docs,
      facets: incidentFacets(rows.incident, rows.causes, rows.actions),
    });
  }

  /**
   * Brings some rows of an incident's events, sections or comments up to date: `keys` are the
   * rows written, `changed` those of them that still exist (a key without a row was deleted).
   * Only those rows' documents are touched; facets are recomputed from `base`. The incident must
   * be in the index (else use `update` with every table).
   */
  updateRows(
    base: IncidentRows,
    table: 'events' | 'sections' | 'comments',
    keys: readonly string[],
    changed: readonly (TimelineEvent | DocumentSection | Comment)[],
    at: number,
  ): void {
    const before = this.incidents.get(base.incident.id);
    if (before === undefined) throw new Error(`Incident ${base.incident.id} is not indexed; index it whole.`);
    const targets = new Set(keys);
    const text: IncidentText = { ...base, events: [], sections: [], comments: [], [table]: changed as never };
    const fresh = new Map(tableDocs(table, text).map((d) => [d.id, d]));
    const docs: string[] = [];
    for (const d of before.docs) {
      const place = parseDocId(d);
      if (tableOfDoc(place) === table && targets.has(place.targetId) && !fresh.has(d)) {
        if (this.search_.has(d)) this.search_.discard(d);
      } else docs.push(d);
    }
    for (const doc of fresh.values()) {
      const old = this.search_.has(doc.id)
        ? (this.search_.getStoredFields(doc.id) as Stored | undefined)
        : undefined;
      if (old === undefined) {
        this.search_.add(doc);
        docs.push(doc.id);
      } else if (old.text !== doc.text || old.field !== doc.field) this.search_.replace(doc);
    }
    this.incidents.set(base.incident.id, {
      indexedAt: at,
      docs,
      facets: incidentFacets(base.incident, base.causes, base.actions),
    });
  }

  /** Forgets an incident (deleted). */
  remove(incidentId: string): void {
    const entry = this.incidents.get(incidentId);
    if (entry === undefined) return;
    for (const d of entry.docs) if (this.search_.has(d)) this.search_.discard(d);
    this.incidents.delete(incidentId);
  }

  /**
   * Incidents matching the filters and, when there is search text, every word of it (a word may
   * match in any place of the incident; the last word also as a prefix, longer words also with a
   * typo or two). `limit` caps how many incidents get hits and snippets.
   */
  query(q: LibraryQuery, limit = 50): LibraryResult {
    const facets = [...this.incidents.values()].map((e) => e.facets);
    const counts = facetCounts(facets, q.filter);
    const allowed = new Set(facets.filter((f) => matchesFilter(f, q.filter)).map((f) => f.incidentId));
    const words = searchWords(q.text);
    if (words.length === 0)
      return { incidentIds: [...allowed], hits: [], counts, indexed: this.incidents.size };

    const results = this.search_.search(words.join(' '), {
      combineWith: 'OR',
      prefix: (term) => term.length >= 2,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      maxFuzzy: 2,
      filter: (r) => allowed.has(parseDocId(r.id as string).incidentId),
    });
    const byIncident = new Map<string, { score: number; results: SearchResult[]; words: Set<string> }>();
    for (const r of results) {
      const incidentId = parseDocId(r.id as string).incidentId;
      let g = byIncident.get(incidentId);
      if (g === undefined) byIncident.set(incidentId, (g = { score: 0, results: [], words: new Set() }));
      g.score += r.score;
      g.results.push(r);
      for (const w of r.queryTerms) g.words.add(w);
    }
    // Every word must match somewhere in the incident.
    const groups = [...byIncident]
      .filter(([, g]) => words.every((w) => g.words.has(w)))
      .sort((a, b) => b[1].score - a[1].score);
    const hits: IncidentHits[] = groups.slice(0, limit).map(([incidentId, g]) => ({
      incidentId,
      score: g.score,
      hitCount: g.results.length,
      hits: g.results.slice(0, HITS_PER_INCIDENT).map((r) => {
        const { kind, targetId } = parseDocId(r.id as string);
        return {
          kind,
          targetId,
          field: r.field as SearchField,
          snippet: snippet(r.text as string, r.terms),
        };
      }),
    }));
    return { incidentIds: groups.map(([id]) => id), hits, counts, indexed: this.incidents.size };
  }
}
