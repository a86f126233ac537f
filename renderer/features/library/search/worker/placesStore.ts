/// <reference lib="webworker" />
import {
  SEARCH_INDEX_VERSION,
  SEARCH_PLACES_FILE_KEY,
  decodePlacesRecord,
  encodePlacesRecord,
  type ChangedPlaces,
  type IndexSnapshot,
  type PackedPlaces,
  type PlacesFileRow,
} from '../../../../../shared/library/search';
import { PlacesFile } from './placesFile';
import { readPlaces as readPlaceRows, readPlacesFileRow, writeSnapshot } from './source';

/** Dead bytes (records replaced since) over which the file is compacted, when also more than the live ones. */
export const COMPACT_FROM = 16 * 1024 * 1024;

/** What the store needs of a generation of the places file (tests give it one in memory). */
export type PlacesFileHandle = Pick<
  PlacesFile,
  'gen' | 'read' | 'write' | 'clear' | 'close' | 'removeOthers'
>;

export interface PlacesStoreOptions {
  /** Opens a generation of the file; null: rows only (default: the origin private file system, where there is one). */
  openFile?: ((gen: number) => Promise<PlacesFileHandle | null>) | null;
  compactFrom?: number;
}

/**
 * Writes `records` one after the other from `at`, naming in `locs` where each is; returns where
 * the next record goes.
 */
function append(
  handle: PlacesFileHandle,
  at: number,
  records: readonly (readonly [id: string, bytes: Uint8Array])[],
  locs: PlacesFileRow['locs'],
): number {
  const starts = handle.write(
    at,
    records.map(([, bytes]) => bytes),
  );
  records.forEach(([id, bytes], i) => (locs[id] = [starts[i]!, bytes.length]));
  return records.reduce((end, [, bytes]) => end + bytes.length, at);
}

/**
 * Where the search worker keeps each incident's places: records in the places file
 * (placesFile.ts) when the origin private file system is there, else a row per incident in the
 * index store. Reads take each from where it is; a record that does not read back whole is left
 * out (the service indexes that incident again from its rows).
 */
export class PlacesStore {
  /** The row as this worker last read or wrote it, and its generation's file. */
  private row: PlacesFileRow | null = null;
  private file: PlacesFileHandle | null = null;
  private opened: Promise<void> | null = null;
  private readonly openFile: ((gen: number) => Promise<PlacesFileHandle | null>) | null;
  private readonly compactFrom: number;

  constructor(
    private readonly db: IDBDatabase,
    private readonly dbName: string,
    options: PlacesStoreOptions = {},
  ) {
    const opfs = typeof globalThis.navigator?.storage?.getDirectory === 'function';
    this.openFile =
      options.openFile === undefined
        ? opfs
          ? (gen) => PlacesFile.open(dbName, gen)
          : null
        : options.openFile;
    this.compactFrom = options.compactFrom ?? COMPACT_FROM;
  }

  /**
   * Reads the row and opens its file (once; the worker starts it with the index's load, so the
   * first search does not wait for it). A row that cannot be read counts as none.
   */
  open(): Promise<void> {
    this.opened ??= (async () => {
      this.row = await readPlacesFileRow(this.db).catch(() => null);
      if (this.row !== null && this.openFile !== null) this.file = await this.openFile(this.row.gen);
    })();
    return this.opened;
  }

  async read(ids: readonly string[]): Promise<Map<string, PackedPlaces>> {
    await this.open();
    const found = new Map<string, PackedPlaces>();
    const inRows: string[] = [];
    for (const id of ids) {
      const loc = this.row?.locs[id];
      if (loc === undefined) inRows.push(id);
      else if (this.file?.gen === this.row?.gen) {
        const p = decodePlacesRecord(this.file!.read(loc[0], loc[1]), id);
        if (p !== null) found.set(id, p);
      }
    }
    if (inRows.length > 0) for (const [id, p] of await readPlaceRows(this.db, inRows)) found.set(id, p);
    return found;
  }

  /** Stores the index and the changed places (see SearchSource.save). */
  async save(snap: IndexSnapshot, changed: ChangedPlaces, fresh: boolean): Promise<void> {
    await this.open();
    const locks = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
    const run = () => this.saveNow(snap, changed, fresh);
    // Windows of the same library take turns: each appends where the last one ended.
    await (locks === undefined ? run() : locks.request(`rootline-search-places:${this.dbName}`, run));
  }

  private async saveNow(snap: IndexSnapshot, changed: ChangedPlaces, fresh: boolean): Promise<void> {
    // Another window may have written since this one read the row; after a fresh build none
    // of what it names is kept.
    const stored = await readPlacesFileRow(this.db);
    const current = fresh ? null : stored;
    const touched = [...changed.places.keys(), ...changed.removed];
    const locs = { ...(current?.locs ?? {}) };
    for (const id of touched) delete locs[id];
    const file =
      this.openFile === null ? null : await this.fileFor(this.openFile, current, locs, stored?.gen ?? 0);
    if (file === null) {
      // Rows only: the file no longer holds these incidents (nor any, after a fresh build).
      const row = current === null ? null : { ...current, locs };
      await writeSnapshot(this.db, snap, changed, fresh, row);
      this.row = row;
      return;
    }
    const { handle, carried, end } = file;
    try {
      const records = [...changed.places].map(([id, p]) => [id, encodePlacesRecord(id, p)] as const);
      const row: PlacesFileRow = {
        key: SEARCH_PLACES_FILE_KEY,
        version: SEARCH_INDEX_VERSION,
        gen: handle.gen,
        end: append(handle, end, records, carried),
        locs: carried,
      };
      // Their rows (if any) are dropped: the file has them now.
      await writeSnapshot(this.db, snap, { places: new Map(), removed: touched }, fresh, row);
      this.row = row;
    } catch (e) {
      // The row still names the file as it was; a next generation begun here is dropped.
      if (handle !== this.file) handle.close();
      throw e;
    }
    if (this.file !== handle) {
      this.file?.close();
      this.file = handle;
      await handle.removeOthers();
    }
  }

  /**
   * The file to append to, where, and the records it holds: the current generation's, or —
   * after a fresh build, or with more dead bytes than live ones — the next generation's, with
   * the live records copied over. Null when the file cannot be opened (rows are used).
   */
  private async fileFor(
    openFile: (gen: number) => Promise<PlacesFileHandle | null>,
    current: PlacesFileRow | null,
    locs: PlacesFileRow['locs'],
    storedGen: number,
  ): Promise<{ handle: PlacesFileHandle; carried: PlacesFileRow['locs']; end: number } | null> {
    const live = Object.values(locs).reduce((n, [, length]) => n + length, 0);
    const dead = current === null ? 0 : current.end - live;
    // This worker's open file, when it is of that generation.
    const ofGen = (gen: number) => (this.file?.gen === gen ? Promise.resolve(this.file) : openFile(gen));
    if (current !== null && !(dead > this.compactFrom && dead > live)) {
      const handle = await ofGen(current.gen);
      return handle === null ? null : { handle, carried: locs, end: current.end };
    }
    const gen = Math.max(storedGen, this.row?.gen ?? 0, this.file?.gen ?? 0) + 1;
    const handle = await openFile(gen);
    if (handle === null) return null;
    handle.clear();
    const carried: PlacesFileRow['locs'] = {};
    if (current !== null) {
      const from = await ofGen(current.gen);
      if (from !== null) {
        const kept = Object.entries(locs).map(
          ([id, [start, length]]) => [id, from.read(start, length)] as const,
        );
        if (from !== this.file) from.close();
        return { handle, carried, end: append(handle, 0, kept, carried) };
      }
    }
    return { handle, carried, end: 0 };
  }
}
