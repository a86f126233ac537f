import type { DocumentSection, IncidentType } from '../domain';
import { markdownToLexicalState } from '../document/headless';
import { LIVE_BLOCK_LABELS } from '../document/blocks';
import { liveBlockSpecs } from '../document/outline';
import { hasWrittenText, lexicalPlainText } from '../document/text';
import type { RcaTemplate, TemplateSection } from './schema';

export interface ApplyTemplateInput {
  incidentId: string;
  now: number;
  /** Makes a fresh section id. */
  newId: () => string;
  /** The incident's type: sections meant for other types are left out. Absent = `incident`. */
  incidentType?: IncidentType | undefined;
}

export interface ApplyTemplateResult {
  sections: DocumentSection[];
  /** Text carried over: old section key → new section key. */
  carried: { from: string; to: string }[];
  /** Old sections with writing or live blocks that no new section matched; kept at the end, internal-only. */
  kept: string[];
  /**
   * Content that customers saw and that the switch puts in an internal-only section (a match
   * the new template marks internal, or a kept section): the old and new titles and the live
   * blocks going with it. The app asks before doing this.
   */
  movedToInternal: { from: string; to: string; blocks: string[] }[];
}

/** Live block labels of a stored state, in document order. */
function blockLabels(state: string | null): string[] {
  return liveBlockSpecs(state).map((b) => LIVE_BLOCK_LABELS[b.block]);
}

/** Whether a section holds anything a switch must not lose: written words or a live block. */
function hasContent(state: string | null): boolean {
  return hasWrittenText(state) || liveBlockSpecs(state).length > 0;
}

/** Whether a template section belongs in the document of an incident of this type. */
export function sectionForType(section: TemplateSection, type: IncidentType | undefined): boolean {
  return section.incidentTypes.length === 0 || section.incidentTypes.includes(type ?? 'incident');
}

/**
 * True when the document's sections do not match the incident's type: a section the template
 * has for this type is missing, or an empty section meant only for another type is there. (A
 * written one is never dropped: applying the template keeps it, marked internal.)
 */
export function documentNeedsTypeSync(
  template: RcaTemplate,
  sections: readonly Pick<DocumentSection, 'key' | 'lexicalState'>[],
  type: IncidentType | undefined,
): boolean {
  const present = new Map(sections.map((s) => [s.key, s]));
  return template.sections.some((t) => {
    if (t.incidentTypes.length === 0) return false;
    const here = present.get(t.key);
    if (sectionForType(t, type)) return here === undefined;
    return here !== undefined && untouched(here.lexicalState, t);
  });
}

/** A section that holds nothing but its template's starter (or nothing at all). */
function untouched(state: string | null, section: TemplateSection): boolean {
  if (!hasContent(state)) return true;
  if (liveBlockSpecs(state).length > 0) return false;
  return lexicalPlainText(state) === lexicalPlainText(starterState(section));
}

/** The starting content of a template section, or null when it has none. */
export function starterState(section: TemplateSection): string | null {
  return section.starter.trim() === '' ? null : markdownToLexicalState(section.starter);
}

/**
 * The document sections for `template`, keeping what was written before: a new section takes
 * the text of the old section with the same key, else of one whose key is among its aliases
 * (or that lists its key as an alias of its own title key). Old sections with writing or a
 * live block that match nothing are kept at the end, marked internal-only, so a switch never
 * loses text or a block; what that moves out of customers' sight is listed in `movedToInternal`.
 * Pure: nothing is stored.
 */
export function applyTemplate(
  template: RcaTemplate,
  existing: readonly DocumentSection[],
  input: ApplyTemplateInput,
): ApplyTemplateResult {
  const pool = [...existing].sort((a, b) => a.order - b.order);
  const used = new Set<string>();
  const carried: { from: string; to: string }[] = [];
  const movedToInternal: ApplyTemplateResult['movedToInternal'] = [];
  const noteMove = (old: DocumentSection, toTitle: string) => {
    if (!old.internalOnly && hasContent(old.lexicalState))
      movedToInternal.push({ from: old.title, to: toTitle, blocks: blockLabels(old.lexicalState) });
  };
  const take = (s: TemplateSection): DocumentSection | null => {
    const byKey = pool.find((o) => !used.has(o.id) && o.key === s.key);
    const found =
      byKey ?? pool.find((o) => !used.has(o.id) && s.aliases.includes(o.key) && o.lexicalState !== null);
    if (found === undefined) return null;
    used.add(found.id);
    return found;
  };
  const wanted = template.sections.filter((s) => sectionForType(s, input.incidentType));
  const sections: DocumentSection[] = wanted.map((s, i) => {
    const old = take(s);
    if (old !== null && old.lexicalState !== null) carried.push({ from: old.key, to: s.key });
    if (old !== null && s.internalOnly) noteMove(old, s.title);
    return {
      id: old?.id ?? input.newId(),
      incidentId: input.incidentId,
      key: s.key,
      title: s.title,
      order: i,
      internalOnly: s.internalOnly,
      lexicalState: old?.lexicalState ?? starterState(s),
      updatedAt: input.now,
    };
  });
  const kept: string[] = [];
  for (const o of pool) {
    if (used.has(o.id) || !hasContent(o.lexicalState)) continue;
    // A section of this template meant for another incident type goes when nothing was written in it.
    const own = template.sections.find((t) => t.key === o.key);
    if (own !== undefined && !sectionForType(own, input.incidentType) && untouched(o.lexicalState, own))
      continue;
    kept.push(o.key);
    noteMove(o, o.title);
    const key = sections.some((s) => s.key === o.key) ? `${o.key}-previous` : o.key;
    sections.push({ ...o, key, order: sections.length, internalOnly: true, updatedAt: input.now });
  }
  return { sections, carried, kept, movedToInternal };
}

/** The guidance text of a section key in a template, for the editor's placeholder and help. */
export function guidanceFor(template: RcaTemplate | null, key: string): string {
  return template?.sections.find((s) => s.key === key)?.guidance ?? '';
}
