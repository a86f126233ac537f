import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { NodeWebSocket } from './nodeWebSocket';
import * as Y from 'yjs';
import { waitUntil } from '../services/ports';

/** A Node sync client: one socket, one provider on one document, and what the server said. */
export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Reasons of refused authentication (`authenticationFailed`). */
  refusals: string[];
  /** Closes of this document's connection: by the server (with a reason) or of the socket. */
  closes: { code: number; reason: string }[];
  destroy(): void;
}

/** Connects a client to a document of a server (Node has no WebSocket of its own: `ws`). */
export function connectClient(
  url: string,
  name: string,
  token: string,
  doc: Y.Doc = new Y.Doc(),
): TestClient {
  const socket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: NodeWebSocket,
    delay: 50,
    minDelay: 50,
    maxDelay: 200,
    jitter: false,
  });
  const refusals: string[] = [];
  const closes: { code: number; reason: string }[] = [];
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token,
    onAuthenticationFailed: ({ reason }) => void refusals.push(reason),
    onClose: ({ event }) => void closes.push({ code: event.code, reason: event.reason }),
  });
  // A provider given its socket does not attach itself (Hocuspocus 3).
  provider.attach();
  return {
    doc,
    provider,
    socket,
    refusals,
    closes,
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Resolves when the server has acknowledged every change the client made. */
export function acknowledged(client: TestClient, timeoutMs?: number): Promise<void> {
  return waitUntil(
    () => client.provider.isSynced && !client.provider.hasUnsyncedChanges,
    `the server to acknowledge ${client.provider.configuration.name}`,
    { timeoutMs },
  );
}
