import { useEffect } from 'react';
import { BACKUP_INTERVAL_MS } from '../../../shared/backup/retention';
import { platform } from '../../platform';
import { backupChangedIncidents } from './changes';

/** First backup a minute after start-up, so opening the app is not slowed by it. */
const FIRST_BACKUP_MS = 60_000;

/**
 * Desktop only: every 15 minutes, a bundle of each incident changed since its last backup goes to
 * the backup folder. Failures are reported to `onError` and retried at the next tick.
 */
export function useBackupScheduler(onError: (message: string) => void): void {
  useEffect(() => {
    if (!platform.backups) return undefined;
    let running = false;
    const run = () => {
      if (running) return;
      running = true;
      backupChangedIncidents()
        .catch((e: unknown) => onError(`Backup failed: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => {
          running = false;
        });
    };
    const first = setTimeout(run, FIRST_BACKUP_MS);
    const every = setInterval(run, BACKUP_INTERVAL_MS);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, [onError]);
}
