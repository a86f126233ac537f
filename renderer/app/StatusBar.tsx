import { BackupStatus } from '../features/backup/BackupStatus';
import { platform } from '../platform';
import { formatBytes, isNearlyFull, useStorageStatus } from './useStorageStatus';

interface StatusBarProps {
  /** Opens a restored backup's bundle text. */
  onRestoreBackup: (text: string, fileName: string) => void;
  onBackupError: (message: string) => void;
}

/** Footer: where data lives, whether the browser promised to keep it, and backups / export all. */
export function StatusBar({ onRestoreBackup, onBackupError }: StatusBarProps) {
  const s = useStorageStatus();
  let text = 'Storage: checking…';
  if (s) {
    if (s.persistent === true) text = 'Storage: persistent';
    else if (s.persistent === false) text = 'Storage: best-effort — the browser may clear it under pressure';
    else text = 'Storage: unknown (this browser does not report it)';
    if (s.usage !== null && s.quota !== null)
      text += ` · ${formatBytes(s.usage)} used of ${formatBytes(s.quota)}`;
  }
  const nearlyFull = s !== null && isNearlyFull(s.usage, s.quota);
  return (
    <footer className="status-bar">
      <span data-testid="storage-status">{text}</span>
      {nearlyFull && (
        <span role="status" className="storage-warning" data-testid="storage-warning">
          Storage is over 80% full — export your incidents (File → Export) and delete ones you no longer need.
        </span>
      )}
      <span className="spacer" />
      <BackupStatus onRestore={onRestoreBackup} onError={onBackupError} />
      {/* "Local-first", not "offline": a shared incident shows its own connection state. */}
      <span
        className="muted"
        title="Everything is kept on this machine; shared incidents also sync with their server."
      >
        Rootline {__APP_VERSION__} · {platform.kind === 'web' ? 'web' : 'desktop'} · local-first
      </span>
    </footer>
  );
}
