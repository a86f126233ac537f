import { startTransition, useCallback, useEffect, useState } from 'react';
import { parseRoute, routeHash, type Route } from '../routing/route';

const getHash = () => window.location.hash;

/**
 * The current route from the URL hash, so reload keeps the place and Back works. A new route is
 * rendered as a transition: React renders the next view in slices between which the page stays
 * responsive (a big incident's first render was one task of 60–100 ms), and keeps the current
 * view up until the next one is ready.
 */
export function useHashRoute(): [Route, (route: Route, replace?: boolean) => void] {
  const [hash, setHash] = useState(getHash);
  useEffect(() => {
    const follow = () => startTransition(() => setHash(getHash()));
    window.addEventListener('hashchange', follow);
    // The hash may have changed between the first render and this listener.
    follow();
    return () => window.removeEventListener('hashchange', follow);
  }, []);
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
