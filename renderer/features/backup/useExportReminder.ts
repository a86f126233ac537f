import { useCallback, useEffect, useState } from 'react';
import { platform } from '../../platform';
import { exportAllIncidents, incidentsNeedingExport } from './changes';

const CHECK_EVERY_MS = 60_000;

export interface ExportReminder {
  /** Incidents changed since the last "Export all" once the reminder is due; 0 = no reminder. */
  pending: number;
  busy: boolean;
  error: string | null;
  exportAll(): Promise<void>;
}

/** Web only: the status-bar reminder to export, checked at start, every minute and on focus. */
export function useExportReminder(): ExportReminder {
  const [pending, setPending] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const enabled = platform.kind === 'web';

  const check = useCallback(() => {
    incidentsNeedingExport().then(setPending, () => setPending(0));
  }, []);

  useEffect(() => {
    if (!enabled) return undefined;
    check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [enabled, check]);

  const exportAll = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      await exportAllIncidents();
    } catch (e) {
      setError(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
      check();
    }
  }, [check]);

  return { pending, busy, error, exportAll };
}
