import { SEARCH_FIELDS, SEARCH_TARGET_KINDS, docId, type SearchDoc } from './documents';

/*
 * An incident's searchable places as they are stored and kept in memory: one string and three
 * typed arrays instead of an object with six strings per place. Reading back a first screen of
 * ten incidents (some five thousand places) was most of a slow keystroke's time in the search
 * worker — IndexedDB rebuilds every object and string of a stored value — and the places kept
 * as objects made every later garbage collection copy them; packed, a row reads back in a
 * fraction of that time, at about half the size, and only the places shown become objects.
 */

/** The places of one incident, packed (see {@link packPlaces}). */
export interface PackedPlaces {
  /** Each place's target id, id part and text, one after the other. */
  text: string;
  /** Per place, the end offset in `text` of its target id, its id part and its text. */
  ends: Uint32Array;
  /** Per place, its kind (index in SEARCH_TARGET_KINDS). */
  kinds: Uint8Array;
  /** Per place, its field (index in SEARCH_FIELDS). */
  fields: Uint8Array;
}

const prefixOf = (d: Pick<SearchDoc, 'incidentId' | 'kind' | 'targetId'>) =>
  docId(d.incidentId, d.kind, d.targetId, '');

/** Packs one incident's places (each made by documents.ts, so its id is `docId` of its parts). */
export function packPlaces(docs: readonly SearchDoc[]): PackedPlaces {
  const parts: string[] = [];
  const ends = new Uint32Array(docs.length * 3);
  const kinds = new Uint8Array(docs.length);
  const fields = new Uint8Array(docs.length);
  let at = 0;
  docs.forEach((d, i) => {
    const prefix = prefixOf(d);
    if (!d.id.startsWith(prefix)) throw new Error(`Place ${d.id} does not have the id its parts give.`);
    const strings = [d.targetId, d.id.slice(prefix.length), d.text];
    strings.forEach((s, k) => {
      parts.push(s);
      at += s.length;
      ends[i * 3 + k] = at;
    });
    kinds[i] = SEARCH_TARGET_KINDS.indexOf(d.kind);
    fields[i] = SEARCH_FIELDS.indexOf(d.field);
  });
  return { text: parts.join(''), ends, kinds, fields };
}

/** Per place, where its three strings start and end in `text`. */
const bounds = (p: PackedPlaces, i: number): [number, number, number, number] => [
  i === 0 ? 0 : p.ends[i * 3 - 1]!,
  p.ends[i * 3]!,
  p.ends[i * 3 + 1]!,
  p.ends[i * 3 + 2]!,
];

/** How many places a packed list holds. */
export const placeCount = (p: PackedPlaces): number => p.kinds.length;

/** The text of place `i`. */
export function placeText(p: PackedPlaces, i: number): string {
  const [, , b, c] = bounds(p, i);
  return p.text.slice(b, c);
}

/** The kind of place `i`. */
export const placeKind = (p: PackedPlaces, i: number): SearchDoc['kind'] => SEARCH_TARGET_KINDS[p.kinds[i]!]!;

/** Place `i` of incident `incidentId` as a document. */
export function placeAt(incidentId: string, p: PackedPlaces, i: number): SearchDoc {
  const [at, a, b, c] = bounds(p, i);
  const kind = placeKind(p, i);
  const targetId = p.text.slice(at, a);
  return {
    id: docId(incidentId, kind, targetId, p.text.slice(a, b)),
    incidentId,
    kind,
    targetId,
    field: SEARCH_FIELDS[p.fields[i]!]!,
    text: p.text.slice(b, c),
  };
}

/** Every place of a packed list, as documents. */
export function unpackPlaces(incidentId: string, p: PackedPlaces): SearchDoc[] {
  return Array.from({ length: placeCount(p) }, (_, i) => placeAt(incidentId, p, i));
}

/**
 * True when `p` is a packed list of places whose every offset and code is in range (a row
 * read from storage may be damaged or foreign: the caller indexes the incident again).
 */
export function isPackedPlaces(p: unknown): p is PackedPlaces {
  const r = p as Partial<Record<keyof PackedPlaces, unknown>> | null;
  if (
    typeof r !== 'object' ||
    r === null ||
    typeof r.text !== 'string' ||
    !(r.ends instanceof Uint32Array) ||
    !(r.kinds instanceof Uint8Array) ||
    !(r.fields instanceof Uint8Array)
  )
    return false;
  const n = r.kinds.length;
  if (r.fields.length !== n || r.ends.length !== n * 3) return false;
  let at = 0;
  for (const end of r.ends) {
    if (end < at) return false;
    at = end;
  }
  return (
    at <= r.text.length &&
    r.kinds.every((k) => k < SEARCH_TARGET_KINDS.length) &&
    r.fields.every((f) => f < SEARCH_FIELDS.length)
  );
}

/*
 * One incident's packed places as bytes, for a file (see the search worker's places file):
 * a header of five little-endian u32 — magic, record length, place count, id length, text
 * length (UTF-8 bytes) — then the incident id (UTF-8, padded to 4), `ends`, `kinds`, `fields`
 * and the text (UTF-8). Reading checks every length and the id, so a record cut short,
 * overwritten or of another incident is refused (the caller indexes the incident again).
 */
const RECORD_MAGIC = 0x31504c52; // "RLP1"
const HEADER = 20;
const pad4 = (n: number) => Math.ceil(n / 4) * 4;
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes of one incident's places (see above). */
export function encodePlacesRecord(incidentId: string, p: PackedPlaces): Uint8Array {
  const id = utf8.encode(incidentId);
  const text = utf8.encode(p.text);
  const n = placeCount(p);
  const endsAt = HEADER + pad4(id.length);
  const kindsAt = endsAt + n * 12;
  const textAt = kindsAt + 2 * n;
  const out = new Uint8Array(textAt + text.length);
  const view = new DataView(out.buffer);
  [RECORD_MAGIC, out.length, n, id.length, text.length].forEach((v, i) => view.setUint32(i * 4, v, true));
  out.set(id, HEADER);
  p.ends.forEach((v, i) => view.setUint32(endsAt + i * 4, v, true));
  out.set(p.kinds, kindsAt);
  out.set(p.fields, kindsAt + n);
  out.set(text, textAt);
  return out;
}

/** The places in `bytes` when they are a whole, sound record of `incidentId`'s places; else null. */
export function decodePlacesRecord(bytes: Uint8Array, incidentId: string): PackedPlaces | null {
  if (bytes.length < HEADER) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [magic, length, n, idLength, textLength] = [0, 1, 2, 3, 4].map((i) => view.getUint32(i * 4, true));
  const endsAt = HEADER + pad4(idLength!);
  const kindsAt = endsAt + n! * 12;
  const textAt = kindsAt + 2 * n!;
  if (magic !== RECORD_MAGIC || length !== bytes.length || textAt + textLength! !== length) return null;
  try {
    if (fromUtf8.decode(bytes.subarray(HEADER, HEADER + idLength!)) !== incidentId) return null;
    return readRecord(bytes, view, n!, endsAt, kindsAt, textAt, textLength!);
  } catch {
    return null; // text that is not UTF-8
  }
}

function readRecord(
  bytes: Uint8Array,
  view: DataView,
  n: number,
  endsAt: number,
  kindsAt: number,
  textAt: number,
  textLength: number,
): PackedPlaces | null {
  const ends = new Uint32Array(n * 3);
  for (let i = 0; i < ends.length; i++) ends[i] = view.getUint32(endsAt + i * 4, true);
  const packed: PackedPlaces = {
    text: fromUtf8.decode(bytes.subarray(textAt, textAt + textLength)),
    ends,
    kinds: bytes.slice(kindsAt, kindsAt + n),
    fields: bytes.slice(kindsAt + n, textAt),
  };
  return isPackedPlaces(packed) ? packed : null;
}
