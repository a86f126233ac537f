import type { z } from 'zod';
import {
  CauseNode,
  Comment,
  DocumentSection,
  ImportedLog,
  isRenderableEvent,
  LogPattern,
  SignOff,
  TimelineEvent,
} from '../../../shared/domain';
import { getDb } from '../db';
import { checkRows, type DamagedRow } from './damaged';

/** Incident tables whose rows a tab lists one by one, each with the schema a row must pass. */
const CHECKED: Readonly<
  Record<'causes' | 'sections' | 'events' | 'comments' | 'imports' | 'patterns' | 'signoffs', z.ZodType>
> = {
  causes: CauseNode,
  sections: DocumentSection,
  events: TimelineEvent,
  comments: Comment,
  imports: ImportedLog,
  patterns: LogPattern,
  signoffs: SignOff,
};

/** The fast checks the reads of a table use (the same split: a row is named here iff left out there). */
const QUICK: Partial<Record<keyof typeof CHECKED, (row: unknown) => boolean>> = {
  events: isRenderableEvent,
};

/** A table whose damaged rows are named apart ({@link readDamagedRows}). */
export type CheckedTable = keyof typeof CHECKED;

/**
 * The rows of one incident in `table` that fail their schema, by name: shown, never rendered.
 * Read through the `incidentId` index, so a row whose time is not a number (left out of the
 * timeline's `[incidentId+at]` index altogether) is named here too.
 */
export async function readDamagedRows(table: CheckedTable, incidentId: string): Promise<DamagedRow[]> {
  const rows: unknown[] = await getDb().table(table).where('incidentId').equals(incidentId).toArray();
  return checkRows(rows, CHECKED[table], QUICK[table]).damaged;
}

/** One row exactly as stored, as JSON ("Export raw" of a damaged item). */
export async function exportRawRow(table: CheckedTable, id: string): Promise<string> {
  const row: unknown = await getDb().table(table).get(id);
  if (row === undefined) throw new Error('This item no longer exists.');
  return JSON.stringify({ rawRootlineRows: { [table]: [row] } }, null, 2);
}

/** Deletes one damaged row (asked first by the view). */
export async function deleteDamagedRow(table: CheckedTable, id: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.table(table), () => db.table(table).delete(id));
}
