import { startTransition, useEffect, useState } from 'react';

/** A store that counts its changes and says when it changed. */
export interface VersionedStore {
  subscribe(fn: () => void): () => void;
  readonly version: number;
}

/**
 * The store's version, re-rendering on each change as a transition: React renders the new state
 * in slices between which the page stays responsive, where `useSyncExternalStore` renders every
 * change in one synchronous task (a big incident's first screen and its full load were each one
 * task of 60–120 ms). The store's data must be replaced, not changed in place, on each version,
 * so a render that is interrupted and restarted reads one consistent state.
 */
export function useTransitionVersion(store: VersionedStore): number {
  const [seen, setSeen] = useState(() => ({ store, version: store.version }));
  useEffect(() => {
    const follow = () =>
      startTransition(() =>
        setSeen((prev) =>
          prev.store === store && prev.version === store.version ? prev : { store, version: store.version },
        ),
      );
    const stop = store.subscribe(follow);
    // A change between the render and this subscription.
    follow();
    return stop;
  }, [store]);
  return seen.store === store ? seen.version : store.version;
}

/**
 * True once `ready` is, one transition later: the view that `ready` lets through is then rendered
 * in slices instead of in the task that delivered its data (a database read's callback renders
 * synchronously). `key` names what is shown (an incident's id): a new key waits again.
 */
export function useShownInTransition(ready: boolean, key: string): boolean {
  const [shown, setShown] = useState<string | null>(null);
  useEffect(() => {
    if (ready && shown !== key) startTransition(() => setShown(key));
  }, [ready, key, shown]);
  return ready && shown === key;
}
