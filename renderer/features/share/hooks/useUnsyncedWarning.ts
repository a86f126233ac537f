import { useEffect } from 'react';
import { totalUnsynced } from '../../../sync/status';

/**
 * Asks before the page is closed or reloaded while local changes to a shared incident have not
 * reached its server. They are kept on this machine either way and sent the next time the server
 * is reachable; the question tells the person that others do not have them yet.
 */
export function useUnsyncedWarning(): void {
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent): void => {
      if (totalUnsynced() === 0) return;
      e.preventDefault();
      // Older engines show the prompt only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
