import type {
  AppInfo,
  BackupFileEntry,
  BackupFolder,
  Dropped,
  MenuAction,
  OpenFilesOptions,
  PdfPageSize,
  PickedFile,
  PickedFolder,
  Platform,
} from './types';

export type { Dropped, PickedFile, PickedFolder, Platform, MenuAction } from './types';

/**
 * The platform the unit tests run the renderer against (Actual's `index.testing.ts`): the test
 * configuration resolves `renderer/platform` to this module, so hooks and components run as they
 * do in the app while a test decides what the user picks and reads back what was saved, opened or
 * printed. Nothing here touches a real file system, window or network.
 */

/** A file the user "picked": the given text, as the web and desktop pickers hand it over. */
export function pickedFile(name: string, text: string): PickedFile {
  const bytes = new TextEncoder().encode(text);
  return {
    name,
    size: bytes.byteLength,
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes);
          controller.close();
        },
      }),
    text: async () => text,
    blob: new Blob([bytes]),
  };
}

/** One call of `saveFile`, with the data read back as text. */
export interface SavedFile {
  name: string;
  mime: string;
  text: string;
}

interface TestingState {
  files: PickedFile[][];
  folders: (PickedFolder | null)[];
  openFilesCalls: OpenFilesOptions[];
  saved: SavedFile[];
  opened: string[];
  printed: { html: string; page: PdfPageSize }[];
  backups: Map<string, { entry: BackupFileEntry; text: string }>;
  menuListeners: Set<(a: MenuAction) => void>;
  dropListeners: Set<(d: Dropped) => void>;
}

const fresh = (): TestingState => ({
  files: [],
  folders: [],
  openFilesCalls: [],
  saved: [],
  opened: [],
  printed: [],
  backups: new Map(),
  menuListeners: new Set(),
  dropListeners: new Set(),
});

let state = fresh();

const backups: BackupFolder = {
  async write(incidentId, text) {
    const at = Date.now();
    const fileName = `${incidentId}-${at}-${state.backups.size}.rootline.json`;
    state.backups.set(fileName, { entry: { fileName, incidentId, at, size: text.length }, text });
    return fileName;
  },
  async list() {
    return [...state.backups.values()].map((b) => b.entry).sort((a, b) => b.at - a.at);
  },
  async read(fileName) {
    const hit = state.backups.get(fileName);
    if (!hit) throw new Error(`No backup named ${fileName}`);
    return hit.text;
  },
};

const appInfo: AppInfo = { version: '0.0.0-test', platform: 'test' };

async function printToPdf(html: string, page: PdfPageSize): Promise<Uint8Array> {
  state.printed.push({ html, page });
  return new TextEncoder().encode(html);
}

/**
 * The platform object the app code receives. The desktop-only members (`printToPdf`, `backups`)
 * are present only while it runs as the desktop app, as the app tells the two apart.
 */
export const platform: Platform = {
  kind: 'web',
  async openFiles(opts) {
    state.openFilesCalls.push(opts);
    return state.files.shift() ?? [];
  },
  async openFolder() {
    return state.folders.shift() ?? null;
  },
  async saveFile(name, data, mime) {
    const text = typeof data === 'string' ? data : await data.text();
    state.saved.push({ name, mime, text });
  },
  async openExternal(url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
    state.opened.push(parsed.href);
    return true;
  },
  onMenuAction(fn) {
    state.menuListeners.add(fn);
    return () => state.menuListeners.delete(fn);
  },
  appInfo: async () => appInfo,
};

function setKind(kind: Platform['kind']): void {
  platform.kind = kind;
  if (kind === 'desktop') Object.assign(platform, { printToPdf, backups });
  else {
    delete platform.printToPdf;
    delete platform.backups;
  }
}

/** Files and folders "dropped" on the window by {@link testing}.drop. */
export function onFilesDropped(fn: (dropped: Dropped) => void): () => void {
  state.dropListeners.add(fn);
  return () => state.dropListeners.delete(fn);
}

/** What a test controls and observes. */
export const testing = {
  /** Forgets everything: queued picks, saved files, listeners, backups; back to `web`. */
  reset(): void {
    state = fresh();
    setKind('web');
  },
  /** Runs as the desktop app (printToPdf, backup folder) or as the web app. */
  setKind,
  /** The files the next file picker returns (one call per argument list). */
  pickFiles(...files: PickedFile[]): void {
    state.files.push(files);
  },
  /** The folder the next folder picker returns (null: the user cancels). */
  pickFolder(folder: PickedFolder | null): void {
    state.folders.push(folder);
  },
  /** Sends a desktop menu action to every subscriber. */
  menu(action: MenuAction): void {
    for (const fn of [...state.menuListeners]) fn(action);
  },
  /** Drops files and folders on the window. */
  drop(dropped: Dropped): void {
    for (const fn of [...state.dropListeners]) fn(dropped);
  },
  get saved(): readonly SavedFile[] {
    return state.saved;
  },
  get opened(): readonly string[] {
    return state.opened;
  },
  get printed(): readonly { html: string; page: PdfPageSize }[] {
    return state.printed;
  },
  get openFilesCalls(): readonly OpenFilesOptions[] {
    return state.openFilesCalls;
  },
  get menuListeners(): number {
    return state.menuListeners.size;
  },
};
