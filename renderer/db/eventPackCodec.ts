import { isRenderableEvent, nullProto, type TimelineEvent } from '../../shared/domain';

/**
 * The text of one pack of events (db/eventPacks.ts), by columns: each field's values in one
 * array, a field with one value for every event (the incident, the import, the times a whole
 * import was written at) stored once, and every event's own key order kept as a "shape". Half the
 * bytes of an array of objects (no key names per event, no repeated ids), so less to read from
 * disk, to copy out of IndexedDB and to parse, and strings such as the incident id shared by
 * every event instead of copied into each. Decoding gives the same objects, keys in the same
 * order, as `JSON.parse(JSON.stringify(events))`.
 *
 * A pack written before this format (a JSON array) still decodes.
 */
interface ColumnPack {
  v: 2;
  /** Number of events. */
  n: number;
  /** Distinct key orders. */
  shapes: string[][];
  /** Each event's shape; absent when there is one. */
  shape?: number[];
  /** Fields with one primitive value for every event that has them. */
  consts: Record<string, unknown>;
  /** The other fields: one value per event (0 where the event lacks the field). */
  cols: Record<string, unknown[]>;
}

/** An event being built from its columns. */
type Fields = Record<string, unknown>;

/** More distinct key orders than this in one pack: written as an array of objects instead. */
const MAX_SHAPES = 16;

const isPrimitive = (v: unknown) => v === null || (typeof v !== 'object' && typeof v !== 'function');

/** One pack's text. Events are expected to be JSON values (as stored rows are). */
export function encodePack(events: readonly TimelineEvent[]): string {
  if (events.length === 0) return '[]';
  const shapes: string[][] = [];
  const shapeOf = new Map<string, number>();
  const shape: number[] = [];
  for (const e of events) {
    // JSON leaves out keys whose value is undefined; so does the shape.
    const keys = Object.keys(e).filter((k) => (e as Record<string, unknown>)[k] !== undefined);
    const sig = keys.join('\u0000');
    let s = shapeOf.get(sig);
    if (s === undefined) {
      // A key named __proto__ would set the prototype when assigned: kept as plain JSON.
      if (keys.includes('__proto__') || shapes.length === MAX_SHAPES) return JSON.stringify(events);
      s = shapes.length;
      shapes.push(keys);
      shapeOf.set(sig, s);
    }
    shape.push(s);
  }
  const consts = nullProto<unknown>();
  const cols = nullProto<unknown[]>();
  for (const key of new Set(shapes.flat())) {
    const values = events.map((e) => (e as Record<string, unknown>)[key]);
    const present = values.filter((v) => v !== undefined);
    const first = present[0];
    // JSON turns a number that is not finite into null: compare what will be read back.
    const same = isPrimitive(first) && present.every((v) => Object.is(jsonValue(v), jsonValue(first)));
    if (same) consts[key] = first;
    else cols[key] = values.map((v) => (v === undefined ? 0 : v));
  }
  const pack: ColumnPack = { v: 2, n: events.length, shapes, consts, cols };
  if (shapes.length > 1) pack.shape = shape;
  return JSON.stringify(pack);
}

const jsonValue = (v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v === 0 ? 0 : v);

/**
 * Decodes one pack onto `into`, checking that every event can be shown. False when the text is
 * not a pack or holds an event that cannot be shown (a pack damaged on disk): the caller then
 * reads the rows, which name each damaged event.
 */
export function decodePack(json: string, into: TimelineEvent[]): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return false;
  }
  if (Array.isArray(parsed)) {
    for (const e of parsed) {
      if (!isRenderableEvent(e)) return false;
      into.push(e);
    }
    return true;
  }
  const pack = checkPack(parsed);
  if (pack === null) return false;
  // Per shape: a template holding every key in order (constants filled in), and the columns
  // still to fill. Spreading a template copies its layout: objects as compact as parsed ones.
  // Events are plain objects, as JSON.parse makes them: keys are only written here (never looked
  // up), and __proto__ was refused by checkPack.
  const builders = pack.shapes.map((keys) => {
    const template = {} as Fields;
    const varying: string[] = [];
    for (const k of keys) {
      if (Object.hasOwn(pack.consts, k)) template[k] = pack.consts[k];
      else {
        template[k] = null;
        varying.push(k);
      }
    }
    return { template, varying, columns: varying.map((k) => pack.cols[k]!) };
  });
  const one = pack.shape === undefined ? builders[0] : undefined;
  for (let i = 0; i < pack.n; i++) {
    const b = one ?? builders[pack.shape![i]!]!;
    const e: Fields = { ...b.template };
    for (let j = 0; j < b.varying.length; j++) e[b.varying[j]!] = b.columns[j]![i];
    if (!isRenderableEvent(e)) return false;
    into.push(e);
  }
  return true;
}

/** The pack when its parts fit together (lengths, shape numbers, every key somewhere), else null. */
function checkPack(p: unknown): ColumnPack | null {
  if (p === null || typeof p !== 'object') return null;
  const pack = p as Partial<ColumnPack>;
  const { n, shapes, shape, consts, cols } = pack;
  if (pack.v !== 2 || typeof n !== 'number' || !Number.isInteger(n) || n < 0) return null;
  if (!Array.isArray(shapes) || shapes.length === 0 || shapes.length > MAX_SHAPES) return null;
  if (consts === null || typeof consts !== 'object' || cols === null || typeof cols !== 'object') return null;
  for (const keys of shapes) {
    if (!Array.isArray(keys)) return null;
    for (const k of keys) {
      if (typeof k !== 'string' || k === '__proto__') return null;
      const col = Object.hasOwn(cols, k) ? cols[k] : undefined;
      if (!Object.hasOwn(consts, k) && !(Array.isArray(col) && col.length === n)) return null;
    }
  }
  if (shape === undefined) return shapes.length === 1 ? (pack as ColumnPack) : null;
  if (!Array.isArray(shape) || shape.length !== n) return null;
  for (const s of shape) if (!Number.isInteger(s) || s < 0 || s >= shapes.length) return null;
  return pack as ColumnPack;
}
