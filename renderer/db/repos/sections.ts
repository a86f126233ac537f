import {
  ActionItem,
  isValidActionItem,
  CauseNode,
  DocumentSection,
  SignOff,
  type IncidentSnapshot,
} from '../../../shared/domain';
import { tagWriteOrigin } from '../changeLog';
import { getDb } from '../db';
import { checkRows } from './damaged';
import { readIncidentEvents } from './eventPacks';

/** The document's valid sections in order (a damaged row: `readDamagedRows('sections', …)`). */
export async function listSections(incidentId: string): Promise<DocumentSection[]> {
  const rows: unknown[] = await getDb()
    .sections.where('[incidentId+order]')
    .between([incidentId, -Infinity], [incidentId, Infinity])
    .toArray();
  return checkRows(rows, DocumentSection).good;
}

export async function putSections(sections: DocumentSection[]): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.sections, () => db.sections.bulkPut(sections));
}

/** A section's text could not be saved because the section is gone (the template was switched). */
export class SectionGoneError extends Error {
  constructor() {
    super('This section no longer exists (the template may have been switched).');
    this.name = 'SectionGoneError';
  }
}

/** Writes one section's editor state; resolves once committed (what "Saved" in the UI waits for). */
export async function saveSectionState(
  id: string,
  lexicalState: string | null,
  now = Date.now(),
): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.sections, async () => {
    const row = await db.sections.get(id);
    if (!row) throw new SectionGoneError();
    await db.sections.put({ ...row, lexicalState, updatedAt: now });
  });
}

/** A section's stored text: null while empty, undefined when there is no such section. */
export async function getSectionText(id: string): Promise<string | null | undefined> {
  const row: unknown = await getDb().sections.get(id);
  if (row === undefined) return undefined;
  const text = (row as { lexicalState?: unknown }).lexicalState;
  return typeof text === 'string' ? text : null;
}

/**
 * Writes a section's text as its shared document has it (the document is the source while the
 * incident is shared), tagged with `origin` so the write is not mirrored back into the document.
 * Resolves false, writing nothing, when the text is already stored or the section is gone.
 */
export async function storeSharedSectionState(
  id: string,
  lexicalState: string,
  origin: string,
): Promise<boolean> {
  const db = getDb();
  return db.transaction('rw', db.sections, async () => {
    tagWriteOrigin(origin);
    const row = await db.sections.get(id);
    if (!row || row.lexicalState === lexicalState) return false;
    // `updatedAt` is the model document's while shared (its projection writes it).
    await db.sections.put({ ...row, lexicalState });
    return true;
  });
}

/** Replaces an incident's document (template applied or switched) and records the template, atomically. */
export async function replaceDocument(
  incidentId: string,
  sections: DocumentSection[],
  templateId: string,
  now = Date.now(),
): Promise<{ before: DocumentSection[]; beforeTemplateId: string | null }> {
  const db = getDb();
  return db.transaction('rw', db.sections, db.incidents, async () => {
    const incident = await db.incidents.get(incidentId);
    if (!incident) throw new Error(`Incident ${incidentId} no longer exists.`);
    const before = await db.sections.where('incidentId').equals(incidentId).toArray();
    await db.sections.bulkDelete(before.map((s) => s.id));
    await db.sections.bulkPut(sections);
    await db.incidents.put({ ...incident, templateId, updatedAt: now });
    return { before, beforeTemplateId: incident.templateId };
  });
}

/**
 * What an incident's document shows besides its events (causes, actions, sections), read in
 * one transaction; `events` is empty. The document takes the events from the timeline's store,
 * which holds them once for both views.
 */
export async function loadDocumentParts(incidentId: string): Promise<IncidentSnapshot | null> {
  const db = getDb();
  return db.transaction('r', [db.incidents, db.causes, db.actions, db.sections, db.signoffs], async () => {
    const incident = await db.incidents.get(incidentId);
    if (!incident) return null;
    const [causes, actions, sections, signoffs] = await Promise.all([
      db.causes.where('incidentId').equals(incidentId).toArray(),
      db.actions.where('incidentId').equals(incidentId).toArray(),
      listSections(incidentId),
      db.signoffs.where('incidentId').equals(incidentId).toArray(),
    ]);
    // Damaged rows are named apart on their tabs; the document shows the sound ones.
    return {
      incident,
      events: [],
      imports: [],
      logBlocks: [],
      causes: checkRows(causes as unknown[], CauseNode).good,
      comments: [],
      actions: checkRows(actions as unknown[], ActionItem, isValidActionItem).good,
      sections,
      // The document's sign-off lines ("Approved by … on …").
      signoffs: checkRows(signoffs as unknown[], SignOff).good,
    };
  });
}

/**
 * An incident with everything its document shows (events, causes, actions, sections) but no
 * raw log blocks, which the document never needs and which can be large.
 */
export async function loadDocumentSnapshot(incidentId: string): Promise<IncidentSnapshot | null> {
  // Events from their packs (or rows) outside the parts' transaction: parsing yields to the page
  // between packs, which would let a transaction commit under it.
  const [parts, events] = await Promise.all([loadDocumentParts(incidentId), readIncidentEvents(incidentId)]);
  return parts === null ? null : { ...parts, events: events.events };
}
