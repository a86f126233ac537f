import { getDb } from '../db';

/** Reads a preference, or the fallback when unset. */
export async function getPref<T>(key: string, fallback: T): Promise<T> {
  const row = await getDb().prefs.get(key);
  return row === undefined ? fallback : (row.value as T);
}

export async function setPref(key: string, value: unknown): Promise<void> {
  await getDb().prefs.put({ key, value });
}
