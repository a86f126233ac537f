import { mkdtempSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { openQuestion } from '../../../electron/files/bundle';
import {
  findBundlePathInArgv,
  readBundleAction,
  readBundleAfterAsking,
} from '../../../electron/files/bundle';
import { PickedFileRegistry, readFileChunk } from '../../../electron/files/picked';
import { createIpcHandlers, saveFilters, type DesktopServices } from '../../../electron/ipc/handlers';

const dir = mkdtempSync(path.join(os.tmpdir(), 'rootline-files-'));
const bundlePath = path.join(dir, 'db-outage.rootline.json');
writeFileSync(bundlePath, '\uFEFF{"format":"rootline-bundle"}');
const logPath = path.join(dir, 'app.log');
writeFileSync(logPath, 'line one\nline two\n');
mkdirSync(path.join(dir, 'folder.rootline.json'));

describe('findBundlePathInArgv', () => {
  it('finds the last bundle argument and resolves it against cwd', () => {
    expect(findBundlePathInArgv(['/opt/Rootline/rootline', 'x.rootline.json'], '/home/me')).toBe(
      '/home/me/x.rootline.json',
    );
    expect(findBundlePathInArgv(['.', '/a/One.ROOTLINE.JSON', '/b/two.rootline.json'], '/')).toBe(
      '/b/two.rootline.json',
    );
  });
  it('ignores switches and other files', () => {
    expect(findBundlePathInArgv(['--inspect=x.rootline.json', '/work/main', 'notes.json'], '/')).toBeNull();
    expect(findBundlePathInArgv([], '/')).toBeNull();
  });
});

describe('a bundle handed over by the OS (issue 11, item 1)', () => {
  it('is read only after the user says Open', async () => {
    const read = vi.fn(() => Promise.resolve({ type: 'bundle-opened' as const, name: 'x', text: '{}' }));
    const asked: ReturnType<typeof openQuestion>[] = [];
    const declined = await readBundleAfterAsking(
      '/dl/x.rootline.json',
      (q) => {
        asked.push(q);
        return Promise.resolve(false);
      },
      read,
    );
    expect(declined).toBeNull();
    expect(read).not.toHaveBeenCalled();
    expect(asked[0]).toMatchObject({
      message: 'Open “x.rootline.json” in Rootline?',
      buttons: ['Open', 'Cancel'],
      cancelId: 1,
    });
    expect(asked[0]?.detail).toContain('/dl/x.rootline.json');
    const opened = await readBundleAfterAsking('/dl/x.rootline.json', () => Promise.resolve(true), read);
    expect(opened).toEqual({ type: 'bundle-opened', name: 'x', text: '{}' });
  });

  it('every OS route in main asks; only the open dialog does not', () => {
    const main = readFileSync(new URL('../../../electron/main.ts', import.meta.url), 'utf8');
    expect(main.match(/openBundlePath\(filePath, 'os'\)/g)).toHaveLength(3);
    expect(main.match(/openBundlePath\(filePath, 'menu'\)/g)).toHaveLength(1);
    expect(main.match(/openBundlePath\(/g)).toHaveLength(5);
  });
});

describe('readBundleAction', () => {
  it('reads the text (without BOM) under the file name', async () => {
    await expect(readBundleAction(bundlePath)).resolves.toEqual({
      type: 'bundle-opened',
      name: 'db-outage.rootline.json',
      text: '{"format":"rootline-bundle"}',
    });
  });
  it('explains missing files, folders and oversized files instead of throwing', async () => {
    const missing = await readBundleAction(path.join(dir, 'gone.rootline.json'));
    expect(missing).toEqual({
      type: 'bundle-open-failed',
      name: 'gone.rootline.json',
      reason: expect.stringMatching(/does not exist/),
    });
    const folder = await readBundleAction(path.join(dir, 'folder.rootline.json'));
    expect(folder.type).toBe('bundle-open-failed');
    const big = await readBundleAction(bundlePath, undefined, 10);
    expect(big).toMatchObject({ type: 'bundle-open-failed', reason: expect.stringMatching(/larger than/) });
  });
});

describe('picked files', () => {
  it('reads chunks, short at end of file', async () => {
    expect(new TextDecoder().decode(await readFileChunk(logPath, 5, 3))).toBe('one');
    expect(new TextDecoder().decode(await readFileChunk(logPath, 14, 100))).toBe('two\n');
    expect((await readFileChunk(logPath, 1000, 10)).byteLength).toBe(0);
  });

  it('forgets the oldest picks past its limit', () => {
    let n = 0;
    const registry = new PickedFileRegistry(() => `t${++n}`, 2);
    registry.register({ path: '/a', name: 'a', size: 1 });
    registry.register({ path: '/b', name: 'b', size: 1 });
    registry.register({ path: '/c', name: 'c', size: 1 });
    expect(registry.get('t1')).toBeUndefined();
    expect(registry.get('t3')?.path).toBe('/c');
  });
});

function fakeServices(overrides: Partial<DesktopServices> = {}): DesktopServices {
  return {
    appInfo: () => ({ version: '0.1.0', platform: 'linux', electron: '42', chrome: '142', packaged: false }),
    showOpenDialog: async () => [],
    showSaveDialog: async () => null,
    openInBrowser: async () => true,
    printToPdf: async () => new Uint8Array([37]),
    listenForMenu: () => 0,
    ...overrides,
  };
}

describe('IPC handlers', () => {
  const ctx = { senderId: 1 };

  it('registers picked files by token and reads them back; unknown tokens fail clearly', async () => {
    const handlers = createIpcHandlers(
      fakeServices({ showOpenDialog: async () => [logPath, dir] }),
      new PickedFileRegistry(),
    );
    const { files } = await handlers['file:openFiles']({ accept: ['.log'], multiple: true }, ctx);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ name: 'app.log', size: 18 });
    // Its modification time travels with it: the capture time of records that carry none.
    expect(files[0]?.lastModified).toBe(Math.floor(statSync(logPath).mtimeMs));
    expect(JSON.stringify(files)).not.toContain(dir);
    const token = files[0]?.token ?? '';
    const { bytes } = await handlers['file:readChunk']({ token, offset: 0, length: 4 }, ctx);
    expect(new TextDecoder().decode(bytes)).toBe('line');
    await expect(handlers['file:readChunk']({ token: 'forged', offset: 0, length: 4 }, ctx)).rejects.toThrow(
      /choose it again/,
    );
  });

  it('opens a bundle through the dialog, or reports why it could not', async () => {
    const ok = createIpcHandlers(
      fakeServices({ showOpenDialog: async () => [bundlePath] }),
      new PickedFileRegistry(),
    );
    await expect(ok['file:openBundle']({}, ctx)).resolves.toEqual({
      bundle: { name: 'db-outage.rootline.json', text: '{"format":"rootline-bundle"}' },
    });
    const cancelled = createIpcHandlers(fakeServices(), new PickedFileRegistry());
    await expect(cancelled['file:openBundle']({}, ctx)).resolves.toEqual({ bundle: null });
    const gone = createIpcHandlers(
      fakeServices({ showOpenDialog: async () => [path.join(dir, 'gone.rootline.json')] }),
      new PickedFileRegistry(),
    );
    await expect(gone['file:openBundle']({}, ctx)).rejects.toThrow(
      'gone.rootline.json: The file does not exist',
    );
  });

  it('writes saved files where the user chose, and does nothing on cancel', async () => {
    const target = path.join(dir, 'out.md');
    const handlers = createIpcHandlers(
      fakeServices({ showSaveDialog: async () => target }),
      new PickedFileRegistry(),
    );
    await expect(
      handlers['file:saveFile']({ suggestedName: 'out.md', data: '# Hi', mime: 'text/markdown' }, ctx),
    ).resolves.toEqual({
      saved: true,
    });
    await expect(readFile(target, 'utf8')).resolves.toBe('# Hi');
    const cancel = createIpcHandlers(fakeServices(), new PickedFileRegistry());
    await expect(
      cancel['file:saveFile']({ suggestedName: 'x.md', data: 'x', mime: 'text/markdown' }, ctx),
    ).resolves.toEqual({
      saved: false,
    });
  });

  it('opens only http(s) URLs externally', async () => {
    const openInBrowser = vi.fn(async () => true);
    const handlers = createIpcHandlers(fakeServices({ openInBrowser }), new PickedFileRegistry());
    await expect(handlers['shell:openExternal']({ url: 'javascript:alert(1)' }, ctx)).resolves.toEqual({
      opened: false,
    });
    await expect(handlers['shell:openExternal']({ url: 'file:///etc/passwd' }, ctx)).resolves.toEqual({
      opened: false,
    });
    await expect(handlers['shell:openExternal']({ url: 'https://example.com' }, ctx)).resolves.toEqual({
      opened: true,
    });
    expect(openInBrowser).toHaveBeenCalledTimes(1);
  });

  it('names save filters after the type, keeping .rootline.json whole', () => {
    expect(saveFilters('inc.rootline.json', 'application/json')[0]).toEqual({
      name: 'Rootline bundle',
      extensions: ['rootline.json'],
    });
    expect(saveFilters('report.pdf', 'application/pdf')[0]).toEqual({
      name: 'PDF document',
      extensions: ['pdf'],
    });
    expect(saveFilters('README', 'text/plain')).toEqual([{ name: 'All files', extensions: ['*'] }]);
  });
});
