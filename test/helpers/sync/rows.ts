// Edits for sync tests and bench:sync, written in the model document's layout
// (docs/sync-design.md): a table is a top-level Y.Map of rows, each row a Y.Map of fields.
// Each edit is one transaction, so one update message to the server.
import * as Y from 'yjs';
import { connectClient } from './clients';
import type { TestClient } from './clients';
import { waitUntil } from '../services/ports';

/** The table the tests write to. */
export const TABLE = 'events';

/** Adds row `id` with `fields` to the test table (one update). */
export function addRow(doc: Y.Doc, id: string, fields: Record<string, string | number>): void {
  doc.transact(() => {
    const row = new Y.Map<string | number>();
    for (const [key, value] of Object.entries(fields)) row.set(key, value);
    doc.getMap<Y.Map<string | number>>(TABLE).set(id, row);
  });
}

/** The ids of the test table's rows, sorted. */
export function rowIds(doc: Y.Doc): string[] {
  return [...doc.getMap(TABLE).keys()].sort();
}

/** The test table as plain JSON (for comparing replicas). */
export function tableJson(doc: Y.Doc): unknown {
  return doc.getMap(TABLE).toJSON();
}

/** The row ids a fresh client reads from the server at `url` (what the server holds). */
export async function readRows(
  url: string,
  token: string,
  name: string,
  timeoutMs = 30_000,
): Promise<string[]> {
  const reader = connectClient(url, name, token);
  try {
    await waitUntil(() => reader.provider.isSynced, `a fresh read of ${name}`, { timeoutMs });
    return rowIds(reader.doc);
  } finally {
    reader.destroy();
  }
}

/**
 * Resolves with the server's rows once a fresh client reads every id of `ids` from it; fails
 * naming the missing ones after `timeoutMs`. After a reconnect, the provider's count of
 * unanswered updates can reach 0 before the server answered the catch-up (so `acknowledged` of
 * clients.ts says yes too early there): tests then ask the server itself.
 */
export async function serverHolds(
  url: string,
  token: string,
  name: string,
  ids: readonly string[],
  timeoutMs = 30_000,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await readRows(url, token, name, timeoutMs);
    const have = new Set(rows);
    const missing = ids.filter((id) => !have.has(id));
    if (missing.length === 0) return rows;
    if (Date.now() > deadline) {
      throw new Error(
        `the server lacks ${missing.length} of ${ids.length} rows of ${name}: ${missing.slice(0, 5).join(', ')}…`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface Writer {
  /** Ids written so far, in order. */
  readonly written: readonly string[];
  /** Ids the server acknowledged over the writer's first connection (see startWriter). */
  acknowledged(): string[];
  stop(): void;
}

/**
 * Writes a new row every `everyMs` until stopped, whether connected or not. Start it on a synced
 * document with nothing unacknowledged. The acknowledged prefix grows whenever the provider's
 * count of unanswered updates returns to 0: the server has then answered every update sent, so
 * every row written so far is acknowledged. It stops growing at the first disconnect, since a
 * reconnecting provider resets that count and it no longer says exactly that.
 */
export function startWriter(target: TestClient, prefix: string, everyMs: number): Writer {
  const written: string[] = [];
  let ackedCount = 0;
  let firstConnection = true;
  const onUnsynced = ({ number }: { number: number }): void => {
    if (firstConnection && number === 0) ackedCount = written.length;
  };
  const onDisconnect = (): void => {
    firstConnection = false;
  };
  target.provider.on('unsyncedChanges', onUnsynced);
  target.provider.on('disconnect', onDisconnect);
  const timer = setInterval(() => {
    const id = `${prefix}-${String(written.length).padStart(5, '0')}`;
    written.push(id);
    addRow(target.doc, id, { summary: `row ${id}`, at: Date.now() });
  }, everyMs);
  return {
    written,
    acknowledged: () => written.slice(0, ackedCount),
    stop() {
      clearInterval(timer);
      target.provider.off('unsyncedChanges', onUnsynced);
      target.provider.off('disconnect', onDisconnect);
    },
  };
}
