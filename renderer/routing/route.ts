export const INCIDENT_TABS = ['overview', 'timeline', 'causes', 'actions', 'document', 'review'] as const;
export type IncidentTab = (typeof INCIDENT_TABS)[number];

/** The name of each incident tab, as its tab and the command palette show it. */
export const INCIDENT_TAB_LABELS: Readonly<Record<IncidentTab, string>> = {
  overview: 'Overview',
  timeline: 'Timeline',
  causes: 'Root causes',
  actions: 'Action items',
  document: 'Document',
  review: 'Review',
};

export type Route =
  | { name: 'list'; query?: string }
  | { name: 'actions' }
  | { name: 'trends' }
  | { name: 'incident'; id: string; tab: IncidentTab }
  /** An invite to a shared incident: `#/join?server=…&token=…` (rootline://join in the desktop app). */
  | { name: 'join'; server: string; token: string };

/**
 * Reads `#/`, `#/actions` (action items of every incident), `#/trends` (learning across
 * incidents), `#/join?server=…&token=…` (an invite) or `#/incident/<id>/<tab>`; anything else is the list. The list keeps its search
 * and filters after a `?` (`#/?q=disk&severity=SEV1`).
 */
export function parseRoute(hash: string): Route {
  const bare = hash.replace(/^#\/?/, '');
  const q = bare.indexOf('?');
  const path = q === -1 ? bare : bare.slice(0, q);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'incident' && parts[1]) {
    const tab = INCIDENT_TABS.find((t) => t === parts[2]) ?? 'overview';
    return { name: 'incident', id: parts[1], tab };
  }
  if (parts[0] === 'actions' && parts.length === 1) return { name: 'actions' };
  if (parts[0] === 'trends' && parts.length === 1) return { name: 'trends' };
  const query = q === -1 ? '' : bare.slice(q + 1);
  if (parts[0] === 'join' && parts.length === 1) {
    const params = new URLSearchParams(query);
    return { name: 'join', server: params.get('server') ?? '', token: params.get('token') ?? '' };
  }
  return query === '' ? { name: 'list' } : { name: 'list', query };
}

export function routeHash(route: Route): string {
  if (route.name === 'list') return route.query ? `#/?${route.query}` : '#/';
  if (route.name === 'actions') return '#/actions';
  if (route.name === 'trends') return '#/trends';
  if (route.name === 'join') {
    return `#/join?${new URLSearchParams({ server: route.server, token: route.token }).toString()}`;
  }
  return `#/incident/${encodeURIComponent(route.id)}/${route.tab}`;
}

/** Shows a route: sets the location hash when it differs (the hash route hook renders it). */
export function goTo(route: Route): void {
  const hash = routeHash(route);
  if (window.location.hash !== hash) window.location.hash = hash;
}
