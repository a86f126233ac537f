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
} from './documents';
import { incidentFacets, withIncidentRow, type IncidentFacets } from './facets';
import { tableTextId, type IndexState } from './indexState';
import { packPlaces, unpackPlaces, type PackedPlaces } from './places';

/** Places changed since they were last stored, and incidents whose places are to be dropped. */
export interface ChangedPlaces {
  places: Map<string, PackedPlaces>;
  removed: string[];
}

/** Rows read for an incident: always the incident, its causes and actions (facets), plus changed tables. */
export type IncidentRows = Pick<IncidentText, 'incident' | 'causes' | 'actions'> & Partial<IncidentText>;

/** An incident's text with no rows but its own (to take the documents of its row alone). */
const NO_ROWS: Omit<IncidentText, 'incident'> = {
  events: [],
  causes: [],
  actions: [],
  sections: [],
  comments: [],
};

const sameDocs = (a: readonly SearchDoc[], b: readonly SearchDoc[]) =>
  a.length === b.length &&
  a.every((d, i) => d.id === b[i]!.id && d.text === b[i]!.text && d.field === b[i]!.field);

/**
 * The write side of the library index (engine.ts's LibraryIndex): brings incidents' words,
 * places and facets up to date in the state the queries read, and keeps which incidents'
 * places are still to be stored.
 */
export class IndexWriter {
  /** Incidents whose places changed (or went) since `takeChangedPlaces`. */
  private readonly changedPlaces = new Set<string>();

  /** `onChange` is called before the state changes (the queries drop the answers they keep). */
  constructor(
    private readonly state: IndexState,
    private readonly onChange: () => void,
  ) {}

  /** The places to store since the last call (see IndexSnapshot in store.ts); `putBack` after a failed write. */
  takeChangedPlaces(): ChangedPlaces {
    const places = new Map<string, PackedPlaces>();
    const removed: string[] = [];
    for (const id of this.changedPlaces) {
      const p = this.state.incidents.get(id)?.places;
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
    return [...ids].filter((id) => this.state.incidents.get(id)?.places === null);
  }

  /** Gives an incident read back from storage its stored places. */
  setPlaces(incidentId: string, places: PackedPlaces): void {
    const e = this.state.incidents.get(incidentId);
    if (e !== undefined && e.places === null) e.places = places;
  }

  /** Re-indexes the words of one table of an incident from its places. */
  private indexTable(incidentId: string, table: IndexedTable, docs: readonly SearchDoc[]): void {
    const id = tableTextId(incidentId, table);
    if (this.state.words.has(id)) this.state.words.discard(id);
    const text = docs.map((d) => d.text).join('\n');
    if (text !== '') this.state.words.add({ id, text });
  }

  /**
   * Brings an incident up to date: `tables` says which of its tables changed (their rows are in
   * `rows`); the words of those tables are indexed again when their text differs. Facets are
   * always recomputed (their rows are always given). An incident not in the index yet takes
   * every table whose rows are given (give them all).
   */
  update(rows: IncidentRows, tables: readonly IndexedTable[], at: number): void {
    this.onChange();
    const id = rows.incident.id;
    const before = this.state.incidents.get(id);
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
    this.state.incidents.set(id, {
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
    const before = this.state.incidents.get(incidentId);
    if (before === undefined) throw new Error(`Incident ${incidentId} is not indexed; index it whole.`);
    if (before.places === null) throw new Error(`The places of incident ${incidentId} are not loaded.`);
    this.onChange();
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
    this.state.incidents.set(incidentId, {
      indexedAt: at,
      places: packPlaces(docs),
      facets: facets(before.facets),
    });
  }

  /** Forgets an incident (deleted). */
  remove(incidentId: string): void {
    if (!this.state.incidents.has(incidentId)) return;
    this.onChange();
    for (const table of INDEXED_TABLES) {
      const id = tableTextId(incidentId, table);
      if (this.state.words.has(id)) this.state.words.discard(id);
    }
    this.state.incidents.delete(incidentId);
    this.changedPlaces.add(incidentId);
  }
}
