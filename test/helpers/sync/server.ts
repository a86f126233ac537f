import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverReviewCheck } from '../../../cli/sync/reviewCheck';
import { loadOrCreateSecret, mintToken } from '../../../cli/sync/secret';
import { startSyncServer, type SyncServer, type SyncServerOptions } from '../../../cli/sync/server';
import { openSqliteStore } from '../../../cli/sync/sqliteStore';
import type { SyncStore } from '../../../cli/sync/store';
import type { SyncClaims, SyncRole } from '../../../shared/sync/tokens';

/** A temporary data folder, removed by the returned function. */
export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'rootline-sync-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A server on a random loopback port over SQLite in `dir` (seen through `wrapStore` when
 * given, e.g. to make it fail), with the server's review check.
 */
export async function startTestServer(
  dir: string,
  options: Partial<Omit<SyncServerOptions, 'store' | 'secret'>> & {
    wrapStore?: (store: SyncStore) => SyncStore;
  } = {},
): Promise<SyncServer & { log: string[] }> {
  const log: string[] = [];
  const { wrapStore = (store: SyncStore) => store, ...rest } = options;
  const server = await startSyncServer({
    store: wrapStore(openSqliteStore(dir)),
    secret: loadOrCreateSecret(dir),
    reviewCheck: serverReviewCheck,
    log: (line) => void log.push(line),
    compactAfterMs: 100,
    ...rest,
  });
  return Object.assign(server, { log });
}

/** A token for `dir`'s server, valid for an hour unless `exp` says otherwise. */
export function tokenFor(
  dir: string,
  name: string,
  role: SyncRole,
  incidents: SyncClaims['incidents'],
  exp: number = Math.floor(Date.now() / 1000) + 3600,
): Promise<string> {
  return mintToken(loadOrCreateSecret(dir), { name, role, incidents, exp });
}
