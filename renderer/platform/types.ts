import type { MenuAction } from '../../shared/ipc/menu';

export type { MenuAction, MenuActionType } from '../../shared/ipc/menu';

/**
 * A file the user picked. A browser `File` satisfies it; the desktop version streams the file
 * from main in chunks, so large logs never have to be in memory at once.
 */
export interface PickedFile {
  name: string;
  size: number;
  /** When the file was last written (epoch ms; `File.lastModified`): its capture time. */
  lastModified?: number | undefined;
  stream(): ReadableStream<Uint8Array>;
  text(): Promise<string>;
  /**
   * The bytes as a Blob when the platform has one (a browser File): a large log is then read in
   * byte ranges by a pool of workers. Files read through the desktop bridge have none.
   */
  blob?: Blob;
}

/** A folder the user picked or dropped: its name and every (non-hidden) file under it. */
export interface PickedFolder {
  name: string;
  /** `path` is relative to the folder, `/`-separated (`general/2024-05-01.json`). */
  files: { path: string; file: PickedFile }[];
}

/** What one drop on the window brought: files, folders, and folders that could not be read. */
export interface Dropped {
  files: PickedFile[];
  folders: PickedFolder[];
  problems: string[];
}

export interface OpenFilesOptions {
  /** File extensions such as `.log`, `.csv`, `.rootline.json` (the desktop dialog ignores MIME types). */
  accept: string[];
  multiple: boolean;
}

export type PdfPageSize = 'A4' | 'Letter';

export interface AppInfo {
  version: string;
  platform: string;
}

/** One backup file in the desktop backup folder. */
export interface BackupFileEntry {
  fileName: string;
  incidentId: string;
  /** UTC epoch milliseconds the backup was taken. */
  at: number;
  size: number;
}

/** The desktop backup folder (`<userData>/backups`), outside IndexedDB. */
export interface BackupFolder {
  /** Writes one incident's bundle text; resolves to the new file's name. */
  write(incidentId: string, text: string): Promise<string>;
  /** Every backup, newest first. */
  list(): Promise<BackupFileEntry[]>;
  read(fileName: string): Promise<string>;
}

/**
 * Everything the renderer may ask of the machine it runs on. This module (with the platform
 * implementations beside it) is the only code that knows whether `window.rootline` exists.
 */
export interface Platform {
  kind: 'desktop' | 'web';
  /** Shows a file picker; resolves to [] when the user cancels. */
  openFiles(opts: OpenFilesOptions): Promise<PickedFile[]>;
  /** Shows a folder picker; resolves to null when the user cancels. */
  openFolder(): Promise<PickedFolder | null>;
  /** Offers `data` for saving under `name`; resolves once saved or when the user cancelled. */
  saveFile(name: string, data: Blob | string, mime: string): Promise<void>;
  /** Opens an http(s) URL in the system browser; false when refused (any other scheme) or failed. */
  openExternal(url: string): Promise<boolean>;
  /** Subscribes to desktop menu / OS actions (web never emits any); returns the unsubscribe function. */
  onMenuAction(fn: (a: MenuAction) => void): () => void;
  /** Desktop only: renders self-contained export HTML to PDF bytes. Web uses the browser's print dialog. */
  printToPdf?(html: string, page: PdfPageSize): Promise<Uint8Array>;
  appInfo(): Promise<AppInfo>;
  /** Desktop only: the backup folder. Web has none (it reminds the user to export instead). */
  backups?: BackupFolder;
  /**
   * Desktop only: the sync servers the window may connect to (its CSP allows no other host);
   * resolves to those not allowed before, which need a reload. The web build's CSP allows any.
   */
  allowSyncServers?(servers: string[]): Promise<string[]>;
}
