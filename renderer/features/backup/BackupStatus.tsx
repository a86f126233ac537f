import { useState } from 'react';
import { platform } from '../../platform';
import { BackupsDialog } from './BackupsDialog';
import { useBackupScheduler } from './useBackupScheduler';
import { useExportReminder } from './useExportReminder';

interface BackupStatusProps {
  onRestore: (text: string, fileName: string) => void;
  onError: (message: string) => void;
}

/**
 * The status-bar end of data safety. Desktop: runs the 15-minute backups and opens the Backups
 * dialog. Web: one-click "Export all incidents" and a reminder when changes were never exported.
 */
export function BackupStatus({ onRestore, onError }: BackupStatusProps) {
  useBackupScheduler(onError);
  const reminder = useExportReminder();
  const [open, setOpen] = useState(false);
  const folder = platform.backups;

  if (folder) {
    return (
      <>
        <button type="button" className="btn btn-small" onClick={() => setOpen(true)}>
          Backups…
        </button>
        {open && <BackupsDialog folder={folder} onRestore={onRestore} onClose={() => setOpen(false)} />}
      </>
    );
  }
  return (
    <>
      {reminder.pending > 0 && (
        <span role="status" className="storage-warning" data-testid="export-reminder">
          {reminder.pending === 1 ? '1 incident has' : `${reminder.pending} incidents have`} changes that were
          never exported — this browser is their only copy.
        </span>
      )}
      {reminder.error !== null && <span role="alert">{reminder.error}</span>}
      <button
        type="button"
        className="btn btn-small"
        disabled={reminder.busy}
        onClick={() => void reminder.exportAll()}
      >
        Export all incidents
      </button>
    </>
  );
}
