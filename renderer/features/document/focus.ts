import { sectionTitleId } from './components/SectionEditor';

/** The element of a section of the Document tab, when it is on screen. */
export function sectionElement(sectionId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`section[aria-labelledby="${sectionTitleId(sectionId)}"]`);
}

/** Scrolls to a section and puts the caret in its text; false when the section is not shown. */
export function showSection(sectionId: string): boolean {
  const section = sectionElement(sectionId);
  if (section === null) return false;
  section.scrollIntoView({ block: 'start', behavior: 'smooth' });
  section.querySelector<HTMLElement>('[contenteditable="true"]')?.focus({ preventScroll: true });
  return true;
}
