import { hash64 } from '../../../shared/domain/ids';

/** A database dump of one released schema version (test/fixtures/db/vN-dump.json). */
export interface DbDump {
  about: string;
  /** The Dexie version number (IndexedDB stores it times 10). */
  dexieVersion: number;
  /** Dexie store specs as that version declared them, e.g. `id, [incidentId+at], incidentId`. */
  stores: Record<string, string>;
  tables: Record<string, unknown[]>;
  expected: Record<string, { count: number; hash: string }>;
}

/** JSON with object keys sorted at every level, so equal content hashes equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Count and content hash of a table's rows (order-independent: rows are sorted by their JSON). */
export function tableDigest(rows: readonly unknown[]): { count: number; hash: string } {
  const lines = rows.map(canonicalJson).sort();
  return { count: rows.length, hash: hash64(lines.join('\n')) };
}

export interface StoreIndex {
  name: string;
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}

/** Parses one Dexie store spec into the IndexedDB primary key and indexes it stands for. */
export function parseStoreSpec(spec: string): {
  primKey: StoreIndex & { autoIncrement: boolean };
  indexes: StoreIndex[];
} {
  const parts = spec
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const parse = (src: string): StoreIndex & { autoIncrement: boolean } => {
    const autoIncrement = src.startsWith('++');
    const unique = src.startsWith('&');
    const multiEntry = src.startsWith('*');
    const name = src.replace(/^(\+\+|&|\*)/, '');
    const keyPath = name.startsWith('[') ? name.slice(1, -1).split('+') : name;
    return { name, keyPath, unique, multiEntry, autoIncrement };
  };
  const [first, ...rest] = parts;
  if (first === undefined) throw new Error(`Empty store spec "${spec}"`);
  return { primKey: parse(first), indexes: rest.map(parse) };
}
