import { promises as fsPromises } from 'node:fs';
import nodePath from 'node:path';
import { backupFileName, backupsToDelete, parseBackupFileName } from '../../shared/backup/retention';

/** One backup on disk, as listed to the renderer. */
export interface BackupEntry {
  fileName: string;
  incidentId: string;
  /** UTC epoch milliseconds the backup was taken (from its name). */
  at: number;
  size: number;
}

/** Backups of incident bundles in one folder (`<userData>/backups`). */
export interface BackupStore {
  /** Writes `text` atomically as a new backup of `incidentId`, then deletes what retention drops. */
  write(incidentId: string, text: string): Promise<string>;
  /** Every backup in the folder, newest first; an absent folder is an empty list. */
  list(): Promise<BackupEntry[]>;
  read(fileName: string): Promise<string>;
}

type Fs = Pick<typeof fsPromises, 'mkdir' | 'open' | 'rename' | 'readdir' | 'stat' | 'readFile' | 'unlink'>;

const TEMP_SUFFIX = '.partial';

/**
 * The backup folder. Each write goes to a temporary file that is flushed to disk and then renamed
 * over, so a crash leaves either the whole new backup or none (never a truncated one); leftover
 * temporary files are not backup names, so listing and retention ignore them.
 */
export function createBackupStore(
  dir: string,
  fs: Fs = fsPromises,
  now: () => number = Date.now,
): BackupStore {
  const pathOf = (fileName: string): string => {
    if (parseBackupFileName(fileName) === null) throw new Error(`${fileName} is not a Rootline backup.`);
    return nodePath.join(dir, fileName);
  };

  const names = async (): Promise<string[]> => {
    try {
      return await fs.readdir(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
  };

  return {
    async write(incidentId, text) {
      await fs.mkdir(dir, { recursive: true });
      let at = now();
      let fileName = backupFileName(incidentId, at);
      const existing = new Set(await names());
      // Two backups in the same second would share a name; the later one takes the next second.
      while (existing.has(fileName)) fileName = backupFileName(incidentId, (at += 1000));
      const target = pathOf(fileName);
      const temp = `${target}${TEMP_SUFFIX}`;
      const handle = await fs.open(temp, 'w');
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, target);
      for (const doomed of backupsToDelete([...existing, fileName], now())) {
        await fs.unlink(nodePath.join(dir, doomed)).catch(() => undefined);
      }
      return fileName;
    },

    async list() {
      const entries: BackupEntry[] = [];
      for (const name of await names()) {
        const parsed = parseBackupFileName(name);
        if (parsed === null) continue;
        const info = await fs.stat(nodePath.join(dir, name));
        entries.push({ fileName: name, incidentId: parsed.incidentId, at: parsed.at, size: info.size });
      }
      return entries.sort((a, b) => b.at - a.at || (a.fileName < b.fileName ? 1 : -1));
    },

    async read(fileName) {
      return fs.readFile(pathOf(fileName), 'utf8');
    },
  };
}
