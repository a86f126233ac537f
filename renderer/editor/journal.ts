/**
 * A last-moment journal for section text. When the page is hidden or closed with an autosave
 * still waiting, the text is written to localStorage synchronously (an IndexedDB write started
 * then does not get to finish); the next time the section opens, the journal is applied and
 * saved — but only if the stored section did not change since, so it never overwrites newer text.
 */
const PREFIX = 'rootline:section-journal:';

interface Entry {
  /** The section's `updatedAt` the text was based on. */
  base: number;
  json: string;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function writeJournal(sectionId: string, base: number, json: string): void {
  try {
    storage()?.setItem(PREFIX + sectionId, JSON.stringify({ base, json } satisfies Entry));
  } catch {
    // Storage full or disabled: the regular autosave is still attempted.
  }
}

/** The journaled text for a section whose stored version is still `base`, else null. */
export function readJournal(sectionId: string, base: number): string | null {
  const raw = storage()?.getItem(PREFIX + sectionId);
  if (raw === null || raw === undefined) return null;
  try {
    const entry = JSON.parse(raw) as Partial<Entry>;
    if (entry.base === base && typeof entry.json === 'string') return entry.json;
  } catch {
    // A damaged entry is dropped below.
  }
  clearJournal(sectionId);
  return null;
}

export function clearJournal(sectionId: string): void {
  storage()?.removeItem(PREFIX + sectionId);
}
