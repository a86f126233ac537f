/// <reference lib="webworker" />

/*
 * The incidents' places in one file of the origin private file system, read synchronously by
 * the search worker. Read back from IndexedDB, a first screen's ten incidents took 15–40 ms
 * (1.5–2.5 ms a row, most of a slow keystroke); read from this file, 3–6 ms. Records are
 * appended, never rewritten: each generation of the file only grows, and compaction writes the
 * live records to the next generation's file (see placesStore.ts, which keeps where each
 * record is).
 */

/** The worker's open handle on one generation of the file. */
export class PlacesFile {
  private constructor(
    private readonly dir: FileSystemDirectoryHandle,
    private readonly prefix: string,
    readonly gen: number,
    private readonly handle: FileSystemSyncAccessHandle,
  ) {}

  /**
   * Opens (creating it when missing) generation `gen` of the places file of database `dbName`;
   * null where the origin private file system or its synchronous handles are not available.
   * Several windows may hold it at once (their writes are serialised by placesStore.ts).
   */
  static async open(dbName: string, gen: number): Promise<PlacesFile | null> {
    try {
      const dir = await navigator.storage.getDirectory();
      const prefix = `${dbName}.search-places.`;
      const file = await dir.getFileHandle(`${prefix}${gen}`, { create: true });
      const open = file.createSyncAccessHandle.bind(file) as (o?: {
        mode: string;
      }) => Promise<FileSystemSyncAccessHandle>;
      const handle = await open({ mode: 'readwrite-unsafe' }).catch(() => open());
      return new PlacesFile(dir, prefix, gen, handle);
    } catch {
      return null;
    }
  }

  /** `length` bytes from `at` (fewer when the file ends first). */
  read(at: number, length: number): Uint8Array {
    const out = new Uint8Array(length);
    const n = this.handle.read(out, { at });
    return n === length ? out : out.subarray(0, n);
  }

  /** Writes `records` one after the other from `at` and flushes; returns where each starts. */
  write(at: number, records: readonly Uint8Array[]): number[] {
    const starts: number[] = [];
    for (const r of records) {
      starts.push(at);
      if (this.handle.write(r, { at }) !== r.length)
        throw new Error('Writing the search places file stopped short (is the disk full?).');
      at += r.length;
    }
    this.handle.flush();
    return starts;
  }

  /** Empties the file (a generation started afresh). */
  clear(): void {
    this.handle.truncate(0);
    this.handle.flush();
  }

  close(): void {
    this.handle.close();
  }

  /** Removes the files of other generations (those another window still holds stay). */
  async removeOthers(): Promise<void> {
    const names: string[] = [];
    // `keys()` is not in TypeScript's DOM typings for every target; it is in every browser with OPFS.
    for await (const name of (this.dir as unknown as { keys(): AsyncIterable<string> }).keys())
      if (name.startsWith(this.prefix) && name !== `${this.prefix}${this.gen}`) names.push(name);
    await Promise.all(names.map((n) => this.dir.removeEntry(n).catch(() => undefined)));
  }
}
