import type { LogBlock, LogRecord } from '../../../shared/domain';
import { restoreLogBlock, unpackLogRecords } from '../../../shared/domain';
import { importIdOfBlock } from '../../../shared/import/blockStore';
import { getDb } from '../db';

/**
 * A block row as read back: rows an older build stored one object per record are packed on
 * the way in ("upgrade what you load"); the database itself is not rewritten.
 */
export function readLogBlock(row: LogBlock): LogBlock {
  return restoreLogBlock(row) as LogBlock;
}

/** One page of raw-record blocks of an import, in order. */
export async function listLogBlocks(importId: string, offset: number, limit: number): Promise<LogBlock[]> {
  return getDb()
    .logBlocks.where('[importId+seq]')
    .between([importId, -Infinity], [importId, Infinity])
    .offset(offset)
    .limit(limit)
    .toArray()
    .then((rows) => rows.map(readLogBlock));
}

/** Removes staged blocks of an import that was cancelled or failed. */
export async function discardStagedBlocks(importIds: string[]): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.logBlocks, async () => {
    for (const id of importIds) {
      await db.logBlocks.where('[importId+seq]').between([id, -Infinity], [id, Infinity]).delete();
    }
  });
}

/** Deletes blocks whose import row never got written (an import interrupted by a crash). */
export async function sweepOrphanBlocks(): Promise<number> {
  const db = getDb();
  return db.transaction('rw', [db.imports, db.logBlocks], async () => {
    const known = new Set(await db.imports.toCollection().primaryKeys());
    // Keys only (block ids are `<importId>:<seq>`): reading the blocks themselves would load
    // every raw record and hold the database for seconds at start-up.
    const blockIds = await db.logBlocks.toCollection().primaryKeys();
    const orphanIds = blockIds.filter((id) => !known.has(importIdOfBlock(id)));
    await db.logBlocks.bulkDelete(orphanIds);
    return orphanIds.length;
  });
}

/** One page of an incident's raw-record blocks by first instant (density strip, evidence). */
export async function listIncidentLogBlocks(
  incidentId: string,
  offset: number,
  limit: number,
): Promise<LogBlock[]> {
  return getDb()
    .logBlocks.where('[incidentId+firstAt]')
    .between([incidentId, -Infinity], [incidentId, Infinity])
    .offset(offset)
    .limit(limit)
    .toArray()
    .then((rows) => rows.map(readLogBlock));
}

/** Number of raw-record blocks stored for an incident (index count, no rows read). */
export async function countIncidentLogBlocks(incidentId: string): Promise<number> {
  return getDb()
    .logBlocks.where('[incidentId+firstAt]')
    .between([incidentId, -Infinity], [incidentId, Infinity])
    .count();
}

/** Blocks by id, in the order asked (missing ones skipped). */
export async function getLogBlocks(ids: string[]): Promise<LogBlock[]> {
  const rows = await getDb().logBlocks.bulkGet(ids);
  return rows.filter((r): r is LogBlock => r !== undefined).map(readLogBlock);
}

/** Where each block of an incident starts and ends, so readers can fetch only overlapping ones. */
export interface BlockSpan {
  id: string;
  firstAt: number;
  lastAt: number;
}

/**
 * Raw records of an incident inside [fromAt, toAt] that pass `match`, in time order, at most
 * `cap` of them. With `spans` (from a density pass) only overlapping blocks are read; without,
 * blocks starting at or before `toAt` are read 20 at a time and skipped by their end.
 */
export async function findLogRecords(input: {
  incidentId: string;
  fromAt: number;
  toAt: number;
  match: (r: LogRecord) => boolean;
  spans?: readonly BlockSpan[] | null;
  cap?: number;
}): Promise<{ records: LogRecord[]; capped: boolean }> {
  const cap = input.cap ?? 50_000;
  const out: LogRecord[] = [];
  let capped = false;
  const scan = (blocks: LogBlock[]) => {
    for (const b of blocks) {
      if (b.lastAt < input.fromAt || b.firstAt > input.toAt) continue;
      for (const r of unpackLogRecords(b)) {
        if (!input.match(r)) continue;
        if (out.length >= cap) {
          capped = true;
          return;
        }
        out.push(r);
      }
    }
  };
  if (input.spans) {
    const ids = input.spans
      .filter((s) => s.lastAt >= input.fromAt && s.firstAt <= input.toAt)
      .map((s) => s.id);
    for (let i = 0; i < ids.length && !capped; i += 20) scan(await getLogBlocks(ids.slice(i, i + 20)));
  } else {
    const range = () =>
      getDb()
        .logBlocks.where('[incidentId+firstAt]')
        .between([input.incidentId, -Infinity], [input.incidentId, input.toAt], true, true);
    for (let offset = 0; !capped; offset += 20) {
      const page = (await range().offset(offset).limit(20).toArray()).map(readLogBlock);
      scan(page);
      if (page.length < 20) break;
    }
  }
  out.sort(
    (a, b) => a.at - b.at || a.source.file.localeCompare(b.source.file) || a.source.line - b.source.line,
  );
  return { records: out, capped };
}
