// A Node sync client for integration tests and bench:sync: one WebSocket to a `rootline serve`
// (through Hocuspocus's provider, as the app uses it) and one provider per document.
// "Acknowledged" is the provider's own notion: the server answered every update sent.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { waitUntil } from '../services/ports';

export interface PeerOptions {
  /** `ws://127.0.0.1:<port>` */
  url: string;
  token: string;
  /** Reconnect delay in ms (the provider grows it by 1.5 up to 1 s). */
  reconnectDelayMs?: number;
}

export interface PeerDoc {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  /** Reasons the server gave for refusing this document (authentication failures). */
  readonly refusals: readonly string[];
}

export interface Peer {
  /** Opens (or returns the open) document `name`, with a fresh Y.Doc. */
  open(name: string): PeerDoc;
  /** Resolves once `name` finished its first sync with the server. */
  synced(name: string, timeoutMs?: number): Promise<void>;
  /**
   * Resolves once the provider counts no unanswered update of `name`. Exact on a connection that
   * never dropped; after a reconnect the provider's count can reach 0 before the server answered
   * the catch-up, so tests then check the server itself (`serverHolds`).
   */
  acknowledged(name: string, timeoutMs?: number): Promise<void>;
  readonly connected: boolean;
  destroy(): void;
}

/** Connects a peer; documents are added with `open`. */
export function connectPeer(options: PeerOptions): Peer {
  const delay = options.reconnectDelayMs ?? 100;
  const socket = new HocuspocusProviderWebsocket({
    url: options.url,
    WebSocketPolyfill: WebSocket,
    delay,
    minDelay: delay,
    factor: 1.5,
    maxDelay: 1_000,
    maxAttempts: 0,
    jitter: false,
  });
  // A Hocuspocus error event without a listener would be thrown; tests read state instead.
  socket.on('close', () => undefined);
  const docs = new Map<string, PeerDoc>();

  const get = (name: string): PeerDoc => {
    const found = docs.get(name);
    if (found === undefined) throw new Error(`Document ${name} is not open on this peer`);
    return found;
  };

  return {
    open(name) {
      const open = docs.get(name);
      if (open !== undefined) return open;
      const doc = new Y.Doc();
      const refusals: string[] = [];
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name,
        document: doc,
        token: options.token,
        onAuthenticationFailed: ({ reason }) => refusals.push(reason),
      });
      provider.attach();
      const entry = { name, doc, provider, refusals };
      docs.set(name, entry);
      return entry;
    },
    async synced(name, timeoutMs = 15_000) {
      const { provider } = get(name);
      await waitUntil(() => provider.isSynced, `${name} to sync`, { timeoutMs, everyMs: 10 });
    },
    async acknowledged(name, timeoutMs = 15_000) {
      const { provider } = get(name);
      await waitUntil(
        () => provider.isSynced && provider.unsyncedChanges === 0,
        `the server to acknowledge every update of ${name}`,
        { timeoutMs, everyMs: 10 },
      );
    },
    get connected() {
      return socket.status === 'connected';
    },
    destroy() {
      for (const { provider, doc } of docs.values()) {
        provider.destroy();
        doc.destroy();
      }
      docs.clear();
      socket.destroy();
    },
  };
}
