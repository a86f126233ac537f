import { useEffect } from 'react';
import { sweepOrphanBlocks } from '../../../db/repos';
import { IMPORT_LOCK } from '../runImport';

/**
 * Once per start: removes raw-record blocks of imports that never committed (the app was closed
 * or crashed mid-import). Skipped while any tab holds the import lock, whose staged blocks these
 * could be.
 */
export function useOrphanSweep(): void {
  useEffect(() => {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) return;
    void locks
      .request(IMPORT_LOCK, { mode: 'exclusive', ifAvailable: true }, async (lock) => {
        if (lock) await sweepOrphanBlocks();
      })
      .catch(() => undefined);
  }, []);
}
