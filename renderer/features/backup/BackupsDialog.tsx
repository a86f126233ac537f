import { format } from 'date-fns';
import { useEffect, useState } from 'react';
import { listIncidents } from '../../db/repos';
import { backupIdPart } from '../../../shared/backup';
import type { BackupFileEntry, BackupFolder } from '../../platform/types';
import { Dialog } from '../../ui/Dialog';

interface BackupsDialogProps {
  folder: BackupFolder;
  /** Opens the backup's bundle text (as a copy when the incident still exists). */
  onRestore: (text: string, fileName: string) => void;
  onClose: () => void;
}

type Loaded = { entries: BackupFileEntry[]; titles: Map<string, string> } | { error: string } | null;

/** The backup folder's files, newest first, each with Restore. */
export function BackupsDialog({ folder, onRestore, onClose }: BackupsDialogProps) {
  const [loaded, setLoaded] = useState<Loaded>(null);

  useEffect(() => {
    let live = true;
    Promise.all([folder.list(), listIncidents()]).then(
      ([entries, incidents]) => {
        if (live)
          setLoaded({ entries, titles: new Map(incidents.map((i) => [backupIdPart(i.id), i.title])) });
      },
      (e: unknown) => {
        if (live) setLoaded({ error: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [folder]);

  const restore = async (entry: BackupFileEntry) => {
    try {
      onRestore(await folder.read(entry.fileName), entry.fileName);
      onClose();
    } catch (e) {
      setLoaded({ error: `${entry.fileName}: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  return (
    <Dialog title="Backups" onClose={onClose} wide>
      <p className="muted">
        Every 15 minutes, each changed incident is saved as a bundle in the backup folder (3 kept for today,
        one per earlier day, at least 10). Restore opens a backup as a copy when the incident still exists.
      </p>
      {loaded === null ? (
        <p>Loading…</p>
      ) : 'error' in loaded ? (
        <p role="alert">Could not read the backups: {loaded.error}</p>
      ) : loaded.entries.length === 0 ? (
        <p>No backups yet. The first one is written a minute after start-up.</p>
      ) : (
        <table className="backups-table" aria-label="Backups">
          <thead>
            <tr>
              <th scope="col">Incident</th>
              <th scope="col">Taken</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {loaded.entries.map((e) => {
              const title = loaded.titles.get(e.incidentId) ?? `Deleted incident (${e.incidentId})`;
              return (
                <tr key={e.fileName}>
                  <td>{title}</td>
                  <td>{format(e.at, 'yyyy-MM-dd HH:mm')}</td>
                  <td>{Math.max(1, Math.round(e.size / 1024))} KB</td>
                  <td>
                    <button
                      type="button"
                      className="btn"
                      aria-label={`Restore ${title} from ${format(e.at, 'yyyy-MM-dd HH:mm')}`}
                      onClick={() => void restore(e)}
                    >
                      Restore
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
