import { newId } from '../../../shared/domain';
import { applyTemplate, documentNeedsTypeSync, findTemplate } from '../../../shared/templates';
import type { RcaTemplate } from '../../../shared/templates';
import { getIncident, listSections, replaceDocument } from '../../db/repos';

/**
 * Gives the incident's document the sections its type calls for (a game day gains the template's
 * hypothesis / expected / observed section; back to incident, an untouched one goes). Text is
 * never lost: applying the template keeps what was written. Resolves true when it changed.
 */
export async function syncDocumentType(
  incidentId: string,
  templates: readonly RcaTemplate[],
  now = Date.now(),
): Promise<boolean> {
  const [incident, sections] = await Promise.all([getIncident(incidentId), listSections(incidentId)]);
  if (incident === undefined || sections.length === 0) return false;
  const template = findTemplate(templates, incident.templateId);
  if (template === null || !documentNeedsTypeSync(template, sections, incident.incidentType)) return false;
  const result = applyTemplate(template, sections, {
    incidentId,
    now,
    newId: () => newId(now),
    incidentType: incident.incidentType,
  });
  await replaceDocument(incidentId, result.sections, template.id, now);
  return true;
}
