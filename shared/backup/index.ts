export {
  BACKUP_INTERVAL_MS,
  backupFileName,
  backupIdPart,
  backupsToDelete,
  KEEP_AT_LEAST,
  KEEP_TODAY,
  parseBackupFileName,
  utcDay,
  type BackupFile,
} from './retention';
