import { promises as fsPromises } from 'node:fs';
import nodePath from 'node:path';
import type { IpcOutput } from '../../shared/ipc/contract';
import type { BackupStore } from '../backup/store';
import { readBundleAction } from '../files/bundle';
import { readFileChunk, type PickedFileRegistry } from '../files/picked';
import { isAllowedExternalUrl } from '../security/urls';
import type { SyncServerAllowList } from '../sync/servers';
import type { IpcHandlers } from './dispatch';
import { BUNDLE_EXTENSION, isBundleFileName } from '../../shared/bundle/fileName';

export interface DialogFilter {
  name: string;
  extensions: string[];
}

/** The Electron-backed pieces the handlers need; injected so handlers run under plain Node in tests. */
export interface DesktopServices {
  appInfo(): IpcOutput<'app:getInfo'>;
  /** Paths chosen in the native open dialog attached to the caller's window; [] when cancelled. */
  showOpenDialog(
    senderId: number,
    options: { title: string; filters: DialogFilter[]; multiple: boolean },
  ): Promise<string[]>;
  /** Path chosen in the native save dialog; null when cancelled. */
  showSaveDialog(
    senderId: number,
    options: { defaultName: string; filters: DialogFilter[] },
  ): Promise<string | null>;
  /** Opens the URL in the system browser (already checked to be http(s)); false when refused. */
  openInBrowser(url: string): Promise<boolean>;
  printToPdf(html: string, pageSize: 'A4' | 'Letter'): Promise<Uint8Array>;
  /** The caller now listens for menu actions; returns how many queued ones were delivered. */
  listenForMenu(senderId: number): number;
  /** The backup folder in userData (absent where backups are not kept, e.g. in handler tests). */
  backups?: BackupStore;
  /** The sync servers the window may connect to (absent in handler tests that do not sync). */
  syncServers?: SyncServerAllowList;
}

function backupsOf(services: DesktopServices): BackupStore {
  if (!services.backups) throw new Error('Backups are not available in this build.');
  return services.backups;
}

const BUNDLE_FILTER: DialogFilter = { name: 'Rootline bundle', extensions: [BUNDLE_EXTENSION] };
const ALL_FILES: DialogFilter = { name: 'All files', extensions: ['*'] };

const MIME_LABELS: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF document',
  'text/markdown': 'Markdown',
  'text/html': 'HTML page',
  'application/json': 'JSON',
  'text/csv': 'CSV',
  'text/plain': 'Text',
  'image/svg+xml': 'SVG image',
  'image/png': 'PNG image',
};

/** Save-dialog filters for a suggested name, keeping double extensions such as `.rootline.json`. */
export function saveFilters(suggestedName: string, mime: string): DialogFilter[] {
  const extension = isBundleFileName(suggestedName)
    ? BUNDLE_EXTENSION
    : nodePath.extname(suggestedName).slice(1);
  if (extension === '') return [ALL_FILES];
  const label =
    extension === BUNDLE_EXTENSION
      ? BUNDLE_FILTER.name
      : (MIME_LABELS[mime.split(';')[0]!.trim()] ?? `${extension.toUpperCase()} file`);
  return [{ name: label, extensions: [extension] }, ALL_FILES];
}

/** Open-dialog filters from `accept` extensions (".log" → "log"). */
export function openFilters(accept: readonly string[]): DialogFilter[] {
  if (accept.length === 0) return [ALL_FILES];
  return [{ name: 'Supported files', extensions: accept.map((ext) => ext.slice(1)) }, ALL_FILES];
}

/** The implementation of every contract channel. */
export function createIpcHandlers(
  services: DesktopServices,
  registry: PickedFileRegistry,
  fs: Pick<typeof fsPromises, 'stat' | 'readFile' | 'writeFile' | 'open'> = fsPromises,
): IpcHandlers {
  return {
    'app:getInfo': async () => services.appInfo(),

    'file:openFiles': async (input, { senderId }) => {
      const paths = await services.showOpenDialog(senderId, {
        title: input.title ?? (input.multiple ? 'Choose files' : 'Choose a file'),
        filters: openFilters(input.accept),
        multiple: input.multiple,
      });
      const files = [];
      for (const filePath of paths) {
        const info = await fs.stat(filePath);
        if (!info.isFile()) continue;
        files.push(
          registry.register({
            path: filePath,
            name: nodePath.basename(filePath),
            size: info.size,
            lastModified: info.mtimeMs,
          }),
        );
      }
      return { files };
    },

    'file:readChunk': async (input) => {
      const entry = registry.get(input.token);
      if (!entry) throw new Error('This file is no longer available to Rootline; choose it again.');
      return { bytes: await readFileChunk(entry.path, input.offset, input.length, fs) };
    },

    'file:openBundle': async (_input, { senderId }) => {
      const [filePath] = await services.showOpenDialog(senderId, {
        title: 'Open Rootline bundle',
        filters: [BUNDLE_FILTER, ALL_FILES],
        multiple: false,
      });
      if (filePath === undefined) return { bundle: null };
      const action = await readBundleAction(filePath, fs);
      if (action.type === 'bundle-open-failed') throw new Error(`${action.name}: ${action.reason}`);
      if (action.type !== 'bundle-opened') throw new Error(`Unexpected result reading ${filePath}`);
      return { bundle: { name: action.name, text: action.text } };
    },

    'file:saveFile': async (input, { senderId }) => {
      const target = await services.showSaveDialog(senderId, {
        defaultName: input.suggestedName,
        filters: saveFilters(input.suggestedName, input.mime),
      });
      if (target === null) return { saved: false };
      await fs.writeFile(target, input.data);
      return { saved: true };
    },

    'shell:openExternal': async (input) => {
      if (!isAllowedExternalUrl(input.url)) return { opened: false };
      return { opened: await services.openInBrowser(input.url) };
    },

    'export:printToPdf': async (input) => ({ pdf: await services.printToPdf(input.html, input.pageSize) }),

    'menu:subscribeActions': async (_input, { senderId }) => ({
      delivered: services.listenForMenu(senderId),
    }),

    'backup:writeBundle': async (input) => ({
      fileName: await backupsOf(services).write(input.incidentId, input.text),
    }),

    'backup:listFiles': async () => ({ entries: await backupsOf(services).list() }),

    'backup:readFile': async (input) => ({ text: await backupsOf(services).read(input.fileName) }),

    'sync:allowServers': async (input) => {
      if (!services.syncServers) throw new Error('Sync is not available in this build.');
      return { added: await services.syncServers.set(input.servers) };
    },
  };
}
