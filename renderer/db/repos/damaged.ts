import type { z } from 'zod';
import { formatIssues } from '../../../shared/bundle/issues';

/** A stored row that fails its schema: shown by name with "Export raw" and "Delete", never rendered. */
export interface DamagedRow {
  id: string;
  /** The row's title (an import's file name) as stored; may be empty. */
  name: string;
  /** The schema problems, `path: reason`. */
  reason: string;
}

/**
 * Splits rows read back from IndexedDB into those that pass `schema` and those that do not.
 * A row written by an older build, another tool or by hand in DevTools may hold a zone or a
 * time no formatter accepts; rendering it would take the whole view down.
 */
export function checkRows<T>(
  rows: readonly unknown[],
  schema: z.ZodType<T>,
): { good: T[]; damaged: DamagedRow[] } {
  const good: T[] = [];
  const damaged: DamagedRow[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    // The stored row itself is kept (not zod's copy): fields a later build added stay intact.
    if (parsed.success) good.push(row as T);
    else damaged.push(damagedRow(row, formatIssues(parsed.error.issues)));
  }
  return { good, damaged };
}

/** The name and id of any stored row, however broken. */
export function damagedRow(row: unknown, reason: string): DamagedRow {
  const rec = typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : {};
  return {
    id: typeof rec.id === 'string' ? rec.id : String(rec.id),
    name: typeof rec.title === 'string' ? rec.title : typeof rec.fileName === 'string' ? rec.fileName : '',
    reason,
  };
}
