/**
 * The keystroke journal: every edit that reached the screen is written here synchronously
 * (localStorage), before any debounced IndexedDB write starts, and cleared once that write
 * committed. A reload, a closed tab or a crashed renderer therefore loses nothing: the next time
 * the form or section opens it replays what is newer than the stored row.
 *
 * An entry is keyed by what it edits (`incident:<id>`, `section:<id>`) and holds one value per
 * field with the wall-clock time it was typed; a stored row whose `updatedAt` is later than that
 * time wins (another tab, an undo, an import wrote after the keystroke).
 */
const PREFIX = 'rootline:journal:';

export interface JournalValue<T = unknown> {
  value: T;
  /** When the value was typed (epoch ms). */
  at: number;
}

export type JournalEntry = Record<string, JournalValue>;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Keys with edits of this page that are not yet known to be committed. */
const dirty = new Set<string>();
const listeners = new Set<() => void>();
const notify = (): void => listeners.forEach((l) => l());

function read(key: string): JournalEntry {
  const raw = storage()?.getItem(PREFIX + key);
  if (raw === null || raw === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const out: JournalEntry = {};
    for (const [field, v] of Object.entries(parsed as Record<string, unknown>)) {
      if (v !== null && typeof v === 'object' && 'at' in v && typeof v.at === 'number' && 'value' in v) {
        out[field] = { value: v.value, at: v.at };
      }
    }
    return out;
  } catch {
    return {};
  }
}

function write(key: string, entry: JournalEntry): void {
  const s = storage();
  if (!s) return;
  try {
    if (Object.keys(entry).length === 0) s.removeItem(PREFIX + key);
    else s.setItem(PREFIX + key, JSON.stringify(entry));
  } catch {
    // Storage full or disabled: the regular autosave is still attempted.
  }
}

/** Records a field's new value synchronously; call on every change, before scheduling a save. */
export function journalPut(key: string, field: string, value: unknown, at = Date.now()): void {
  const entry = read(key);
  entry[field] = { value, at };
  write(key, entry);
  if (!dirty.has(key)) {
    dirty.add(key);
    notify();
  }
}

/** The fields journaled for `key` that were typed after `storedAt` (the stored row's `updatedAt`). */
export function journalNewer(key: string, storedAt: number): JournalEntry {
  const entry = read(key);
  const out: JournalEntry = {};
  for (const [field, v] of Object.entries(entry)) if (v.at > storedAt) out[field] = v;
  if (Object.keys(out).length !== Object.keys(entry).length) {
    // Values the stored row already supersedes are dropped.
    write(key, out);
  }
  return out;
}

/**
 * A write committed: drops each field whose journaled value is the one written (a newer
 * keystroke stays journaled until its own write commits).
 */
export function journalCommitted(key: string, written: Record<string, unknown>): void {
  const entry = read(key);
  for (const [field, value] of Object.entries(written)) {
    const j = entry[field];
    if (j && JSON.stringify(j.value) === JSON.stringify(value)) delete entry[field];
  }
  write(key, entry);
  if (Object.keys(entry).length === 0 && dirty.delete(key)) notify();
}

/** True when edits for `key` are journaled (typed, perhaps not yet written). */
export function journalHas(key: string): boolean {
  return Object.keys(read(key)).length > 0;
}

/** Forgets an entry (its row was deleted). */
export function journalDrop(key: string): void {
  write(key, {});
  if (dirty.delete(key)) notify();
}

/** True while an edit of this page has not been committed to the database. */
export function hasUnsavedEdits(): boolean {
  return dirty.size > 0;
}

/** Calls `listener` whenever {@link hasUnsavedEdits} may have changed; returns the unsubscribe. */
export function onUnsavedChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const incidentJournalKey = (incidentId: string): string => `incident:${incidentId}`;
export const sectionJournalKey = (sectionId: string): string => `section:${sectionId}`;
