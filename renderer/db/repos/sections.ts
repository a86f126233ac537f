import type { DocumentSection } from '../../../shared/domain';
import { getDb } from '../db';

/** The document's sections in order. */
export async function listSections(incidentId: string): Promise<DocumentSection[]> {
  return getDb()
    .sections.where('[incidentId+order]')
    .between([incidentId, -Infinity], [incidentId, Infinity])
    .toArray();
}

export async function putSections(sections: DocumentSection[]): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.sections, () => db.sections.bulkPut(sections));
}
