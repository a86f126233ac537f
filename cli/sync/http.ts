import type { Extension, onRequestPayload } from '@hocuspocus/server';

/**
 * Plain HTTP on the sync server's port: `GET /health` answers 200 with a small JSON status
 * (for load balancers and monitoring), anything else a line saying what this is.
 */
export function httpExtension(): Extension {
  return {
    extensionName: 'rootline-http',
    onRequest({ request, response, instance }: onRequestPayload): Promise<void> {
      const path = (request.url ?? '/').split('?')[0];
      if (path === '/health') {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        response.end(
          JSON.stringify({
            ok: true,
            documents: instance.getDocumentsCount(),
            connections: instance.getConnectionsCount(),
          }),
        );
      } else {
        response.writeHead(path === '/' ? 200 : 404, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end('Rootline sync server: connect from the app with Share… (WebSocket).\n');
      }
      // Hocuspocus's own answer runs unless a hook rejects; an empty rejection is not an error.
      return Promise.reject(null);
    },
  };
}
