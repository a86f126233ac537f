import type { HocuspocusProvider } from '@hocuspocus/provider';
import type * as Y from 'yjs';
import { waitUntil } from '../services/ports';
import { connectPeer } from './peer';

/** One document on a peer of its own, with what the server said about it. */
export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Reasons of refused authentication (`authenticationFailed`). */
  refusals: readonly string[];
  /** Closes of this document's connection: by the server (with a reason) or of the socket. */
  closes: { code: number; reason: string }[];
  destroy(): void;
}

/** Connects a peer (test/helpers/sync/peer.ts) to one document and records its closes too. */
export function connectClient(url: string, name: string, token: string): TestClient {
  const peer = connectPeer({ url, token, reconnectDelayMs: 50 });
  const { doc, provider, refusals } = peer.open(name);
  const closes: { code: number; reason: string }[] = [];
  provider.on('close', ({ event }: { event: { code: number; reason: string } }) =>
    closes.push({ code: event.code, reason: event.reason }),
  );
  return { doc, provider, refusals, closes, destroy: () => peer.destroy() };
}

/** Resolves when the server has acknowledged every change the client made. */
export function acknowledged(client: TestClient, timeoutMs = 15_000): Promise<void> {
  return waitUntil(
    () => client.provider.isSynced && !client.provider.hasUnsyncedChanges,
    `the server to acknowledge ${client.provider.configuration.name}`,
    { timeoutMs, everyMs: 10 },
  );
}
