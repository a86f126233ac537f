import type { RootlineBridge } from '../../shared/ipc/bridge';
import { MAX_READ_CHUNK_BYTES, type PickedFileInfo } from '../../shared/ipc/contract';
import { openFolder } from './folder';
import type { PickedFile, Platform } from './types';

declare global {
  interface Window {
    /** Present only inside the Electron shell (exposed by electron/preload.ts). */
    rootline?: RootlineBridge;
  }
}

/** The preload bridge when running inside Rootline's Electron shell, otherwise undefined. */
export function getDesktopBridge(): RootlineBridge | undefined {
  return typeof window === 'undefined' ? undefined : window.rootline;
}

/** A picked file read from main in chunks through `file:readChunk`. */
export function createBridgedFile(bridge: RootlineBridge, info: PickedFileInfo): PickedFile {
  const stream = (): ReadableStream<Uint8Array> => {
    let offset = 0;
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const length = Math.min(MAX_READ_CHUNK_BYTES, Math.max(1, info.size - offset));
        const { bytes } = await bridge.invoke('file:readChunk', { token: info.token, offset, length });
        // An empty read is the end of the file (it may have shrunk since it was picked).
        if (bytes.byteLength === 0) {
          controller.close();
          return;
        }
        offset += bytes.byteLength;
        controller.enqueue(bytes);
        if (offset >= info.size) controller.close();
      },
    });
  };

  return {
    name: info.name,
    size: info.size,
    lastModified: info.lastModified,
    stream,
    async text() {
      const decoder = new TextDecoder('utf-8');
      const parts: string[] = [];
      const reader = stream().getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(decoder.decode(value, { stream: true }));
      }
      parts.push(decoder.decode());
      return parts.join('');
    },
  };
}

async function toBytesOrText(data: Blob | string): Promise<Uint8Array | string> {
  return typeof data === 'string' ? data : new Uint8Array(await data.arrayBuffer());
}

/** The Platform over the Electron preload bridge. */
export function createDesktopPlatform(bridge: RootlineBridge): Platform {
  return {
    kind: 'desktop',
    async openFiles({ accept, multiple }) {
      // Native dialogs filter by extension only; MIME entries such as "text/csv" are dropped.
      const extensions = accept.filter((entry) => entry.startsWith('.'));
      const { files } = await bridge.invoke('file:openFiles', { accept: extensions, multiple });
      return files.map((info) => createBridgedFile(bridge, info));
    },
    // Chromium's own folder chooser works inside Electron too and hands over readable Files,
    // so no extra IPC channel (or main-process file access) is needed for folders.
    openFolder,
    async saveFile(name, data, mime) {
      await bridge.invoke('file:saveFile', { suggestedName: name, data: await toBytesOrText(data), mime });
    },
    async allowSyncServers(servers) {
      return (await bridge.invoke('sync:allowServers', { servers })).added;
    },
    async openExternal(url) {
      try {
        return (await bridge.invoke('shell:openExternal', { url })).opened;
      } catch {
        return false;
      }
    },
    onMenuAction(fn) {
      return bridge.onMenu(fn);
    },
    async printToPdf(html, page) {
      return (await bridge.invoke('export:printToPdf', { html, pageSize: page })).pdf;
    },
    async appInfo() {
      const info = await bridge.invoke('app:getInfo', {});
      return { version: info.version, platform: info.platform };
    },
    backups: {
      async write(incidentId, text) {
        return (await bridge.invoke('backup:writeBundle', { incidentId, text })).fileName;
      },
      async list() {
        return (await bridge.invoke('backup:listFiles', {})).entries;
      },
      async read(fileName) {
        return (await bridge.invoke('backup:readFile', { fileName })).text;
      },
    },
  };
}
