import {
  INDEXED_TABLES,
  SEARCH_INDEX_KEY,
  SEARCH_INDEX_STORE,
  SEARCH_INDEX_VERSION,
  SEARCH_PLACES_FILE_KEY,
  SEARCH_PLACES_PREFIX,
  isPackedPlaces,
  type ChangedPlaces,
  type IncidentRows,
  type IndexedTable,
  type IndexSnapshot,
  type KeyedRow,
  type PackedPlaces,
  type PlacesFileRow,
  type RowTable,
} from '../../../../../shared/library/search';
import type {
  ActionItem,
  CauseNode,
  Comment,
  DocumentSection,
  Incident,
  TimelineEvent,
} from '../../../../../shared/domain';

/*
 * The search worker's reads and its one write, with raw IndexedDB: incident rows by their
 * `incidentId` index (tables as renderer/db declares them) and the index row it alone writes.
 */

/** Opens the app's database at whatever version the app created; never creates or upgrades it. */
export function openExisting(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onupgradeneeded = () => {
      req.transaction?.abort();
      reject(new Error('The database is not ready yet; the search index waits for the app to open it.'));
    };
    req.onsuccess = () => {
      // Let a newer Rootline window upgrade the database: close instead of blocking it.
      req.result.onversionchange = () => req.result.close();
      resolve(req.result);
    };
    req.onerror = () => reject(req.error ?? new Error('Could not open the database.'));
  });
}

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('A read of the database failed.'));
  });
}

/** Ids of every incident row. */
export async function incidentIds(db: IDBDatabase): Promise<string[]> {
  const tx = db.transaction('incidents', 'readonly');
  const keys = await done(tx.objectStore('incidents').getAllKeys());
  return keys.filter((k): k is string => typeof k === 'string');
}

/**
 * The rows of an incident the index needs: always the incident, its causes and its actions (for
 * the facets) plus the rows of `tables`. Null when the incident is gone.
 */
export async function readIncidentRows(
  db: IDBDatabase,
  incidentId: string,
  tables: readonly IndexedTable[],
): Promise<IncidentRows | null> {
  const wanted = new Set<IndexedTable>(tables);
  const stores = INDEXED_TABLES.filter(
    (t) => t === 'incidents' || t === 'causes' || t === 'actions' || wanted.has(t),
  );
  const tx = db.transaction(stores, 'readonly');
  const rowsOf = <T>(table: IndexedTable): Promise<T[]> =>
    wanted.has(table) || table === 'causes' || table === 'actions'
      ? (done(tx.objectStore(table).index('incidentId').getAll(incidentId)) as Promise<T[]>)
      : Promise.resolve(undefined as unknown as T[]);
  const [incident, events, causes, actions, sections, comments] = await Promise.all([
    done(tx.objectStore('incidents').get(incidentId)) as Promise<Incident | undefined>,
    rowsOf<TimelineEvent>('events'),
    rowsOf<CauseNode>('causes'),
    rowsOf<ActionItem>('actions'),
    rowsOf<DocumentSection>('sections'),
    rowsOf<Comment>('comments'),
  ]);
  if (incident === undefined) return null;
  // Tables not asked for are left out: the index keeps their documents as they are.
  const rows: IncidentRows = { incident, causes, actions };
  if (wanted.has('events')) rows.events = events;
  if (wanted.has('sections')) rows.sections = sections;
  if (wanted.has('comments')) rows.comments = comments;
  return rows;
}

/**
 * Some rows of an incident's events, sections or comments by key: those that still exist and
 * still belong to it. Null when the incident is gone.
 */
export async function readIncidentRowsByKey(
  db: IDBDatabase,
  incidentId: string,
  table: RowTable,
  keys: readonly string[],
): Promise<KeyedRow[] | null> {
  const tx = db.transaction(['incidents', table], 'readonly');
  const store = tx.objectStore(table);
  const [incidentKey, ...rows] = await Promise.all([
    done(tx.objectStore('incidents').getKey(incidentId)),
    ...keys.map((k) => done(store.get(k)) as Promise<KeyedRow | undefined>),
  ]);
  if (incidentKey === undefined) return null;
  return rows.filter((r): r is KeyedRow => r !== undefined && r.incidentId === incidentId);
}

/** The stored index, or null when there is none (or the store does not exist yet). */
export async function readSnapshot(db: IDBDatabase): Promise<IndexSnapshot | null> {
  if (!db.objectStoreNames.contains(SEARCH_INDEX_STORE)) return null;
  const tx = db.transaction(SEARCH_INDEX_STORE, 'readonly');
  const row = (await done(tx.objectStore(SEARCH_INDEX_STORE).get(SEARCH_INDEX_KEY))) as
    (IndexSnapshot & { key: string }) | undefined;
  return row ?? null;
}

const placesKey = (incidentId: string) => `${SEARCH_PLACES_PREFIX}${incidentId}`;

/**
 * The stored places of these incidents (rows packed by shared/library/search/places.ts); an
 * incident whose row is missing, of another version or damaged is left out (the caller
 * indexes it again from its rows).
 */
export async function readPlaces(
  db: IDBDatabase,
  ids: readonly string[],
): Promise<Map<string, PackedPlaces>> {
  const found = new Map<string, PackedPlaces>();
  if (ids.length === 0 || !db.objectStoreNames.contains(SEARCH_INDEX_STORE)) return found;
  const store = db.transaction(SEARCH_INDEX_STORE, 'readonly').objectStore(SEARCH_INDEX_STORE);
  const rows = (await Promise.all(ids.map((id) => done(store.get(placesKey(id)))))) as unknown[];
  rows.forEach((row, k) => {
    const r = row as { version?: unknown; packed?: unknown } | undefined;
    if (r?.version === SEARCH_INDEX_VERSION && isPackedPlaces(r.packed)) found.set(ids[k]!, r.packed);
  });
  return found;
}

/** The places file's row (see placesStore.ts), or null when there is none of this version. */
export async function readPlacesFileRow(db: IDBDatabase): Promise<PlacesFileRow | null> {
  if (!db.objectStoreNames.contains(SEARCH_INDEX_STORE)) return null;
  const tx = db.transaction(SEARCH_INDEX_STORE, 'readonly');
  const row = (await done(tx.objectStore(SEARCH_INDEX_STORE).get(SEARCH_PLACES_FILE_KEY))) as
    PlacesFileRow | undefined;
  return row?.version === SEARCH_INDEX_VERSION && typeof row.locs === 'object' && row.locs !== null
    ? row
    : null;
}

/**
 * Stores the index row and the places rows that changed (derived data: no need to wait for a
 * disk flush); `fresh` (an index built from scratch) first drops every stored places row.
 * `fileRow`: the places file's row to store (null: drop it; undefined: leave it).
 */
export function writeSnapshot(
  db: IDBDatabase,
  snap: IndexSnapshot,
  places: ChangedPlaces,
  fresh: boolean,
  fileRow?: PlacesFileRow | null,
): Promise<void> {
  if (!db.objectStoreNames.contains(SEARCH_INDEX_STORE)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(SEARCH_INDEX_STORE, 'readwrite', { durability: 'relaxed' });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('Saving the search index failed.'));
    tx.onabort = () => reject(tx.error ?? new Error('Saving the search index was aborted.'));
    const store = tx.objectStore(SEARCH_INDEX_STORE);
    if (fresh) store.delete(IDBKeyRange.bound(SEARCH_PLACES_PREFIX, `${SEARCH_PLACES_PREFIX}\uffff`));
    for (const id of places.removed) store.delete(placesKey(id));
    for (const [id, packed] of places.places)
      store.put({ key: placesKey(id), version: SEARCH_INDEX_VERSION, packed });
    if (fileRow === null) store.delete(SEARCH_PLACES_FILE_KEY);
    else if (fileRow !== undefined) store.put(fileRow);
    store.put({ key: SEARCH_INDEX_KEY, ...snap });
  });
}
