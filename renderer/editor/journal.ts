/**
 * The section journal of earlier versions, written only when the page was hidden. It is still
 * read (and then cleared) so text journaled before an upgrade is not lost; new edits go to the
 * keystroke journal in features/journal.
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
