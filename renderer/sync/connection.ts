import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { localStoreName } from '../../shared/sync/names';

/** Where one synced document stands. */
export interface DocState {
  connection: 'connecting' | 'connected' | 'offline';
  /** Local updates the server has not acknowledged yet. */
  unsynced: number;
  /** The first exchange with the server finished since the last connect. */
  synced: boolean;
  /** Why the server refused this document (token expired, forged, wrong incident…), or null. */
  refused: string | null;
}

/** A document open on this machine: kept in IndexedDB and synced with its server. */
export interface OpenDoc {
  name: string;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves once the locally stored copy is loaded into `doc`. */
  loaded: Promise<void>;
  state(): DocState;
  /** Called on every state change. */
  onState(fn: (state: DocState) => void): () => void;
  /** Stops syncing; with `forget`, the stored copy is removed as well. */
  close(forget?: boolean): Promise<void>;
}

interface Socket {
  ws: HocuspocusProviderWebsocket;
  users: number;
}

/**
 * One WebSocket per server, shared by every document on it (Hocuspocus multiplexes them), and a
 * provider plus an IndexedDB copy per document: edits made offline are stored and sent when the
 * connection returns.
 */
export class SyncConnections {
  private readonly sockets = new Map<string, Socket>();

  constructor(private readonly socketOptions: { WebSocketPolyfill?: unknown } = {}) {}

  private socket(server: string): HocuspocusProviderWebsocket {
    let s = this.sockets.get(server);
    if (!s) {
      s = {
        ws: new HocuspocusProviderWebsocket({
          url: server,
          // Offline is normal: keep trying, at most every 10 s.
          maxAttempts: 0,
          maxDelay: 10_000,
          ...this.socketOptions,
        }),
        users: 0,
      };
      this.sockets.set(server, s);
    }
    s.users += 1;
    return s.ws;
  }

  private release(server: string): void {
    const s = this.sockets.get(server);
    if (!s) return;
    s.users -= 1;
    if (s.users > 0) return;
    this.sockets.delete(server);
    s.ws.destroy();
  }

  /** Opens a document on a server with a token; its stored copy loads at once, online or not. */
  open(server: string, name: string, token: string, doc = new Y.Doc()): OpenDoc {
    const persistence = new IndexeddbPersistence(localStoreName(name), doc);
    const ws = this.socket(server);
    let state: DocState = {
      connection: ws.status === WebSocketStatus.Connected ? 'connected' : 'connecting',
      unsynced: 0,
      synced: false,
      refused: null,
    };
    const listeners = new Set<(s: DocState) => void>();
    const set = (patch: Partial<DocState>) => {
      state = { ...state, ...patch };
      for (const fn of [...listeners]) fn(state);
    };
    const provider = new HocuspocusProvider({
      name,
      document: doc,
      token,
      websocketProvider: ws,
      onStatus: ({ status }) =>
        set({
          connection:
            status === WebSocketStatus.Connected
              ? 'connected'
              : status === WebSocketStatus.Connecting
                ? 'connecting'
                : 'offline',
          ...(status === WebSocketStatus.Connected ? {} : { synced: false }),
        }),
      onSynced: ({ state: synced }) => set({ synced }),
      // A refused change stays named until everything sent was taken; a refused token until accepted.
      onUnsyncedChanges: ({ number }) =>
        set(number === 0 ? { unsynced: 0, refused: null } : { unsynced: number }),
      onAuthenticationFailed: ({ reason }) => set({ refused: reason || 'The server refused the token.' }),
      onAuthenticated: () => {
        if (state.refused !== null && state.unsynced === 0) set({ refused: null });
      },
      // The server closes a document's connection with a 4xxx code and the reason (a refused
      // change, a document over its size limit, an expired token).
      onClose: ({ event }) => {
        if (event.code >= 4000 && event.reason) set({ refused: event.reason });
      },
    });
    // A provider given a shared socket does not attach itself.
    provider.attach();
    let closed = false;
    return {
      name,
      doc,
      provider,
      loaded: persistence.whenSynced.then(() => undefined),
      state: () => state,
      onState(fn) {
        listeners.add(fn);
        return () => listeners.delete(fn);
      },
      close: async (forget = false) => {
        if (closed) return;
        closed = true;
        listeners.clear();
        provider.destroy();
        this.release(server);
        await (forget ? persistence.clearData() : persistence.destroy());
      },
    };
  }
}
