import { Incident, KEY_TIME_FIELDS, type KeyTimeField } from '../../../shared/domain';
import type { JournalEntry } from './journal';
import { nullProto } from '../../../shared/domain/lookup';

type DraftValues = Partial<Omit<Incident, 'keyTimes'>>;

/**
 * Which journaled overview edits may be replayed onto `incident`: draft fields whose value still
 * makes a valid incident (the journal lives in localStorage and is checked like any input) and
 * key-time texts. Values equal to the stored ones are left out.
 */
export function replayableOverview(
  incident: Incident,
  entry: JournalEntry,
  draftFields: readonly string[],
): { fields: DraftValues; times: Partial<Record<KeyTimeField, string>> } {
  const fields: Record<string, unknown> = nullProto();
  const times: Partial<Record<KeyTimeField, string>> = {};
  const row = incident as unknown as Record<string, unknown>;
  for (const [name, { value }] of Object.entries(entry)) {
    if (name.startsWith('times.')) {
      const f = name.slice('times.'.length) as KeyTimeField;
      if (KEY_TIME_FIELDS.includes(f) && typeof value === 'string') times[f] = value;
      continue;
    }
    if (!draftFields.includes(name)) continue;
    if (JSON.stringify(row[name]) === JSON.stringify(value)) continue;
    if (!Incident.safeParse({ ...incident, [name]: value }).success) continue;
    fields[name] = value;
  }
  return { fields: fields as DraftValues, times };
}
