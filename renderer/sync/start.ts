import { getDb } from '../db/db';
import { platform } from '../platform';
import { SyncConnections } from './connection';
import { SyncEngine } from './engine';
import type { SyncModel } from './session';
import { loadShares, subscribeShares, type Share } from './shares';

let engine: SyncEngine | null = null;

function serversOf(shares: readonly Share[]): string[] {
  return [...new Set(shares.map((s) => s.server))].sort();
}

/**
 * Tells the desktop shell which servers the shares use (its CSP allows no other host); when a
 * server is new to it, the page reloads once so its policy includes it.
 */
function followServers(reload: () => void): () => void {
  const allow = platform.allowSyncServers?.bind(platform);
  if (!allow) return () => undefined;
  let last = '';
  const tell = (shares: readonly Share[]) => {
    const servers = serversOf(shares);
    if (servers.join(' ') === last) return;
    last = servers.join(' ');
    void allow(servers).then((added) => {
      if (added.length > 0) reload();
    });
  };
  void loadShares().then(tell);
  return subscribeShares(tell);
}

/** Starts sharing for this window (once); returns the function that stops it. */
export function startSync(model: SyncModel, onProblem: (message: string) => void): () => void {
  if (engine !== null) return () => undefined;
  const started = new SyncEngine(new SyncConnections(), model, getDb, onProblem);
  engine = started;
  const stopServers = followServers(() => window.location.reload());
  void started
    .start()
    .catch((e: unknown) =>
      onProblem(`Sharing could not start: ${e instanceof Error ? e.message : String(e)}`),
    );
  return () => {
    stopServers();
    if (engine === started) engine = null;
    void started.stop();
  };
}
