import { useEffect, useState } from 'react';

export interface StorageStatus {
  persistent: boolean | null;
  usage: number | null;
  quota: number | null;
}

/**
 * Asks the browser to keep our data under storage pressure and reports whether it agreed, with
 * usage and quota. Browsers without the Storage API report null.
 */
export function useStorageStatus(): StorageStatus | null {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  useEffect(() => {
    let live = true;
    const run = async () => {
      const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
      if (!storage) return { persistent: null, usage: null, quota: null };
      let persistent: boolean | null = null;
      try {
        persistent = (await storage.persisted?.()) || ((await storage.persist?.()) ?? null);
      } catch {
        persistent = null;
      }
      let usage: number | null = null;
      let quota: number | null = null;
      try {
        const estimate = await storage.estimate();
        usage = estimate.usage ?? null;
        quota = estimate.quota ?? null;
      } catch {
        // Some embedded browsers throw here; the status bar then shows persistence only.
      }
      return { persistent, usage, quota };
    };
    void run().then((s) => live && setStatus(s));
    return () => {
      live = false;
    };
  }, []);
  return status;
}

/** `12.3 MB` style sizes. */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

/** Share of the quota at which the status bar warns. */
export const STORAGE_WARN_RATIO = 0.8;

/** True once usage reaches 80% of the quota (unknown figures never warn). */
export function isNearlyFull(usage: number | null, quota: number | null): boolean {
  return usage !== null && quota !== null && quota > 0 && usage / quota >= STORAGE_WARN_RATIO;
}
