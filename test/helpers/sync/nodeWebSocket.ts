import WebSocket from 'ws';

/**
 * `ws` as the sync clients' WebSocket in Node tests. A socket closed while still connecting (a
 * test tearing down a client that had not connected yet) emits its error after the provider has
 * dropped its handlers; `ws` then throws it as an uncaught exception, which fails the whole run
 * ("WebSocket was closed before the connection was established"). This one always has a listener
 * of its own; the provider's handlers still see every error while they are attached.
 */
export class NodeWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => undefined);
  }
}
