import { parseRoute } from '../../../renderer/routing/route';

/** The id of the incident a page URL shows; throws when the URL is not an incident route. */
export function incidentIdOf(url: string): string {
  const route = parseRoute(new URL(url).hash);
  if (route.name !== 'incident') throw new Error(`not an incident page: ${url}`);
  return route.id;
}
