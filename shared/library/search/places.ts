import { SEARCH_FIELDS, SEARCH_TARGET_KINDS, docId, type SearchDoc } from './documents';

/*
 * An incident's searchable places as they are stored: one string and three typed arrays instead
 * of an object with six strings per place. Reading back a first screen of ten incidents (some
 * five thousand places) was most of a slow keystroke's time in the search worker — IndexedDB
 * rebuilds every object and string of a stored value — and a packed row reads back in a
 * fraction of that, at about half the size.
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

const isPacked = (p: unknown): p is PackedPlaces => {
  const r = p as Partial<Record<keyof PackedPlaces, unknown>> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.text === 'string' &&
    r.ends instanceof Uint32Array &&
    r.kinds instanceof Uint8Array &&
    r.fields instanceof Uint8Array
  );
};

/**
 * The places of incident `incidentId` from their packed form, or null when `packed` is not
 * one (a damaged or foreign row: the caller indexes the incident again from its rows).
 */
export function unpackPlaces(incidentId: string, packed: unknown): SearchDoc[] | null {
  if (!isPacked(packed)) return null;
  const { text, ends, kinds, fields } = packed;
  const n = kinds.length;
  if (fields.length !== n || ends.length !== n * 3) return null;
  const out: SearchDoc[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    const kind = SEARCH_TARGET_KINDS[kinds[i]!];
    const field = SEARCH_FIELDS[fields[i]!];
    const [a, b, c] = [ends[i * 3]!, ends[i * 3 + 1]!, ends[i * 3 + 2]!];
    if (kind === undefined || field === undefined || !(at <= a && a <= b && b <= c && c <= text.length))
      return null;
    const targetId = text.slice(at, a);
    out.push({
      id: docId(incidentId, kind, targetId, text.slice(a, b)),
      incidentId,
      kind,
      targetId,
      field,
      text: text.slice(b, c),
    });
    at = c;
  }
  return out;
}
