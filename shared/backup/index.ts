export {
  BACKUP_INTERVAL_MS,
  backupFileName,
  backupsToDelete,
  KEEP_AT_LEAST,
  KEEP_TODAY,
  parseBackupFileName,
  utcDay,
  type BackupFile,
} from './retention';
