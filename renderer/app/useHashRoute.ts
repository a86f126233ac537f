import { useCallback, useSyncExternalStore } from 'react';
import { parseRoute, routeHash, type Route } from '../routing/route';

function subscribe(fn: () => void): () => void {
  window.addEventListener('hashchange', fn);
  return () => window.removeEventListener('hashchange', fn);
}

const getHash = () => window.location.hash;

/** The current route from the URL hash, so reload keeps the place and Back works. */
export function useHashRoute(): [Route, (route: Route, replace?: boolean) => void] {
  const hash = useSyncExternalStore(subscribe, getHash);
  const navigate = useCallback((route: Route, replace = false) => {
    const next = routeHash(route);
    if (next === window.location.hash) return;
    if (replace) {
      window.history.replaceState(null, '', next);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } else {
      window.location.hash = next;
    }
  }, []);
  return [parseRoute(hash), navigate];
}
