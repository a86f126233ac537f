import type { ActionItem, CauseNode, Comment, DocumentSection, Incident, TimelineEvent } from '../../domain';
import { walkTree } from '../../domain';
import { parseStoredRoot, storedChildren, type StoredNode } from '../../document/state';

/** The kinds of place a search hit can open. */
export const SEARCH_TARGET_KINDS = ['incident', 'event', 'cause', 'action', 'section', 'comment'] as const;
export type SearchTargetKind = (typeof SEARCH_TARGET_KINDS)[number];

/**
 * Where a hit lives: the incident, the tab that shows it and the row inside it. `id` is the
 * event, cause, action, section or comment id (the incident id for title and overview hits).
 */
export interface SearchTarget {
  incidentId: string;
  kind: SearchTargetKind;
  id: string;
}

/** What part of the place matched, as a hit's label says it. */
export const SEARCH_FIELDS = [
  'title',
  'overview',
  'labels',
  'event',
  'event detail',
  'cause',
  'cause notes',
  'action',
  'action description',
  'document',
  'comment',
] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** One indexed piece of text. `id` is unique across the library and stable across edits. */
export interface SearchDoc {
  id: string;
  incidentId: string;
  kind: SearchTargetKind;
  targetId: string;
  field: SearchField;
  text: string;
}

/** The rows of one incident that hold searchable text. */
export interface IncidentText {
  incident: Incident;
  events: readonly TimelineEvent[];
  causes: readonly CauseNode[];
  actions: readonly ActionItem[];
  sections: readonly DocumentSection[];
  comments: readonly Comment[];
}

/** The table a change came from, as far as the index is concerned (null: any of them). */
export type IndexedTable = 'incidents' | 'events' | 'causes' | 'actions' | 'sections' | 'comments';

/** Tables whose rows change one by one and whose text is indexed row by row. */
export type RowTable = 'events' | 'sections' | 'comments';
/** A row of a `RowTable`. */
export type KeyedRow = TimelineEvent | DocumentSection | Comment;
export const isRowTable = (t: IndexedTable | null): t is RowTable =>
  t === 'events' || t === 'sections' || t === 'comments';

/** The tables whose rows are read for the index. */
export const INDEXED_TABLES: readonly IndexedTable[] = [
  'incidents',
  'events',
  'causes',
  'actions',
  'sections',
  'comments',
];

/** A document's id: unique across the library, stable across edits (`part` names the text of the place). */
export function docId(incidentId: string, kind: SearchTargetKind, targetId: string, part: string): string {
  return `${incidentId}\u001f${kind}\u001f${targetId}\u001f${part}`;
}

function push(
  out: SearchDoc[],
  incidentId: string,
  kind: SearchTargetKind,
  targetId: string,
  field: SearchField,
  part: string,
  text: unknown,
): void {
  if (typeof text !== 'string') return;
  const trimmed = text.trim();
  if (trimmed === '') return;
  out.push({ id: docId(incidentId, kind, targetId, part), incidentId, kind, targetId, field, text: trimmed });
}

/** Plain text of each top-level block of a stored Lexical state (paragraph, heading, list…). */
export function sectionBlocks(state: string | null): string[] {
  const root = parseStoredRoot(state);
  if (root === null) return [];
  return storedChildren(root).map((block) => {
    const parts: string[] = [];
    walkTree<StoredNode>(block, storedChildren, {
      enter: (n) => {
        if (typeof n.text === 'string') parts.push(n.text);
      },
      leave: (n) => {
        if (Array.isArray(n.children)) parts.push(' ');
      },
    });
    return parts.join('').replace(/\s+/g, ' ').trim();
  });
}

/**
 * The searchable text of one table of an incident, one document per place: the incident's title,
 * overview and labels (services, regions, tags); each event's title and detail; each cause's title and notes; each action's title
 * and description; each top-level block of each document section; each comment.
 */
export function tableDocs(table: IndexedTable, text: IncidentText): SearchDoc[] {
  const out: SearchDoc[] = [];
  const inc = text.incident.id;
  switch (table) {
    case 'incidents':
      push(out, inc, 'incident', inc, 'title', 'title', text.incident.title);
      push(out, inc, 'incident', inc, 'overview', 'summary', text.incident.summary);
      push(
        out,
        inc,
        'incident',
        inc,
        'labels',
        'labels',
        [...text.incident.services, ...text.incident.regions, ...text.incident.tags].join(', '),
      );
      break;
    case 'causes':
      for (const c of text.causes) {
        push(out, inc, 'cause', c.id, 'cause', 'title', c.title);
        push(out, inc, 'cause', c.id, 'cause notes', 'detail', c.detail);
      }
      break;
    case 'actions':
      for (const a of text.actions) {
        push(out, inc, 'action', a.id, 'action', 'title', a.title);
        push(out, inc, 'action', a.id, 'action description', 'description', a.description);
      }
      break;
    default:
      pushRows(out, inc, table, text[table]);
  }
  return out;
}

/** The searchable text of some rows of an incident's events, sections or comments (see tableDocs). */
export function rowDocs(incidentId: string, table: RowTable, rows: readonly KeyedRow[]): SearchDoc[] {
  const out: SearchDoc[] = [];
  pushRows(out, incidentId, table, rows);
  return out;
}

function pushRows(out: SearchDoc[], inc: string, table: RowTable, rows: readonly KeyedRow[]): void {
  switch (table) {
    case 'events':
      for (const e of rows as readonly TimelineEvent[]) {
        push(out, inc, 'event', e.id, 'event', 'title', e.title);
        push(out, inc, 'event', e.id, 'event detail', 'detail', e.detail);
      }
      break;
    case 'sections':
      for (const s of rows as readonly DocumentSection[]) {
        sectionBlocks(s.lexicalState).forEach((block, i) =>
          push(out, inc, 'section', s.id, 'document', String(i), block),
        );
      }
      break;
    case 'comments':
      for (const c of rows as readonly Comment[]) push(out, inc, 'comment', c.id, 'comment', 'body', c.body);
      break;
  }
}

/** Every searchable piece of text of an incident. */
export function incidentDocs(text: IncidentText): SearchDoc[] {
  return INDEXED_TABLES.flatMap((t) => tableDocs(t, text));
}

/** The table a document's text comes from (so a change to one table replaces only its documents). */
export function tableOfDoc(doc: Pick<SearchDoc, 'kind'>): IndexedTable {
  switch (doc.kind) {
    case 'incident':
      return 'incidents';
    case 'event':
      return 'events';
    case 'cause':
      return 'causes';
    case 'action':
      return 'actions';
    case 'section':
      return 'sections';
    case 'comment':
      return 'comments';
  }
}
