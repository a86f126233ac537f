import { useEffect, useMemo, useRef } from 'react';
import { nullProto } from '../../shared/domain/lookup';

type Handler = (...args: never[]) => unknown;

/**
 * Handlers with a stable identity that always call the latest ones passed in: a parent that
 * passes new arrow functions at every render (the list's row actions) no longer defeats the
 * `memo` of the children that receive them. Call them from events, never during render.
 */
export function useStableHandlers<T extends Record<string, Handler>>(handlers: T): T {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const keys = Object.keys(handlers).sort().join('\n');
  return useMemo(() => {
    const stable = nullProto<Handler>();
    for (const key of keys.split('\n')) {
      if (key === '') continue;
      stable[key] = ((...args: never[]) => latest.current[key]!(...args)) as Handler;
    }
    return stable as T;
  }, [keys]);
}
