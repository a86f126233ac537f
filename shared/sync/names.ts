/**
 * Hocuspocus document names of a shared incident (docs/sync-design.md, "Documents"):
 * `incident/<id>/model`, `incident/<id>/review` and `incident/<id>/section/<sectionId>`.
 * The server refuses every other name; the app builds names only through these functions.
 *
 * Ids are percent-encoded inside a name (`encodeURIComponent`), so an id holding `/` cannot
 * forge another document's name; the ULIDs Rootline makes are unchanged by it.
 */
import { assertNever } from '../domain/common';

/** The longest id a name may carry (the domain's `Id` allows 128 characters). */
const MAX_ID_LENGTH = 128;

/** Which of an incident's documents a name points at. */
export type SyncDocKind = 'model' | 'review' | 'section';

/** A parsed document name. */
export type SyncDocRef =
  | { kind: 'model'; incidentId: string }
  | { kind: 'review'; incidentId: string }
  | { kind: 'section'; incidentId: string; sectionId: string };

/** The outcome of reading a document name: the reference, or why the name is refused. */
export type ParsedDocName = { ok: true; ref: SyncDocRef } | { ok: false; reason: string };

function segment(id: string, what: string): string {
  if (id.length === 0 || id.length > MAX_ID_LENGTH) {
    throw new RangeError(`${what} must be 1 to ${MAX_ID_LENGTH} characters long`);
  }
  return encodeURIComponent(id);
}

/** The name of an incident's model document (fields, events, causes, actions, sections). */
export function modelDocName(incidentId: string): string {
  return `incident/${segment(incidentId, 'incident id')}/model`;
}

/** The name of an incident's review document (comments, review states, sign-offs). */
export function reviewDocName(incidentId: string): string {
  return `incident/${segment(incidentId, 'incident id')}/review`;
}

/** The name of the document holding one section's text (Lexical through @lexical/yjs). */
export function sectionDocName(incidentId: string, sectionId: string): string {
  return `incident/${segment(incidentId, 'incident id')}/section/${segment(sectionId, 'section id')}`;
}

/** The name of the document a reference points at (inverse of {@link parseDocName}). */
export function docName(ref: SyncDocRef): string {
  switch (ref.kind) {
    case 'model':
      return modelDocName(ref.incidentId);
    case 'review':
      return reviewDocName(ref.incidentId);
    case 'section':
      return sectionDocName(ref.incidentId, ref.sectionId);
    default:
      return assertNever(ref, 'document reference');
  }
}

/** Decodes one percent-encoded id segment; undefined when it is empty, too long or not canonical. */
function readSegment(text: string): string | undefined {
  if (text.length === 0) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(text);
  } catch {
    return undefined;
  }
  // One spelling per id: `incident/A/model` and `incident/%41/model` must not be two documents.
  if (id.length > MAX_ID_LENGTH || encodeURIComponent(id) !== text) return undefined;
  return id;
}

/**
 * Reads a document name. Anything but the three shapes above — with non-empty ids in their
 * canonical encoding — is refused with a reason fit to show to the person connecting.
 */
export function parseDocName(name: string): ParsedDocName {
  const refused = (why: string): ParsedDocName => ({
    ok: false,
    reason: `document name "${name.slice(0, 200)}" refused: ${why}`,
  });
  const parts = name.split('/');
  if (parts[0] !== 'incident' || parts.length < 3) {
    return refused(
      'names are incident/<id>/model, incident/<id>/review or incident/<id>/section/<sectionId>',
    );
  }
  const incidentId = readSegment(parts[1] ?? '');
  if (incidentId === undefined) return refused('the incident id is empty, too long or badly encoded');
  if (parts.length === 3 && (parts[2] === 'model' || parts[2] === 'review')) {
    return { ok: true, ref: { kind: parts[2], incidentId } };
  }
  if (parts.length === 4 && parts[2] === 'section') {
    const sectionId = readSegment(parts[3] ?? '');
    if (sectionId === undefined) return refused('the section id is empty, too long or badly encoded');
    return { ok: true, ref: { kind: 'section', incidentId, sectionId } };
  }
  return refused('after incident/<id>/ comes model, review or section/<sectionId>');
}

/** The IndexedDB database that keeps a document's updates on this machine (y-indexeddb). */
export function localStoreName(name: string): string {
  return `rootline-sync:${name}`;
}
