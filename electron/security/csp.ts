import directives from './csp.json';

/** A CSP as directive → source list. */
export type CspDirectives = Readonly<Record<string, readonly string[]>>;

/**
 * The policy lives in csp.json so that scripts/dev/serve.mjs (plain Node, no TypeScript) sends the
 * very same header in the browser build. `'unsafe-inline'` styles are needed by mermaid's SVG
 * output; scripts never get `'unsafe-inline'` or `'unsafe-eval'`.
 */
export const APP_CSP_DIRECTIVES: CspDirectives = directives;

/** Serialises directives into a header value: `name src src; name src`. */
export function buildCsp(policy: CspDirectives = APP_CSP_DIRECTIVES): string {
  return Object.entries(policy)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/**
 * The app's policy with `connect-src` opened to the configured sync servers (and nothing else):
 * a page can then reach its team's server but never any other host.
 */
export function buildAppCsp(syncServers: readonly string[] = []): string {
  return buildCsp({
    ...APP_CSP_DIRECTIVES,
    'connect-src': [...(APP_CSP_DIRECTIVES['connect-src'] ?? []), ...syncServers],
  });
}

/** The header value sent with every app:// response while no sync server is configured. */
export const CONTENT_SECURITY_POLICY = buildAppCsp();

/**
 * Policy for the printToPDF window: it runs no script at all and may only use inline styles and
 * embedded images, so an export can never fetch anything from the network.
 */
export const PDF_CONTENT_SECURITY_POLICY = buildCsp({
  'default-src': ["'none'"],
  'style-src': ["'unsafe-inline'"],
  'img-src': ['data:', 'blob:'],
  'font-src': ['data:'],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
});
