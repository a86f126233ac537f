import { useEffect, useRef } from 'react';
import { startSync } from '../../../sync/start';
import { sharedSyncModel } from '../../../sync/syncModel';
import { useToast } from '../../../ui/Toast';

/** Runs sharing while the app is open: every shared incident syncs with its server. */
export function useSyncEngine(): void {
  const toast = useToast();
  const show = useRef(toast);
  useEffect(() => {
    show.current = toast;
  }, [toast]);
  useEffect(() => startSync(sharedSyncModel, (message) => show.current({ message })), []);
}
