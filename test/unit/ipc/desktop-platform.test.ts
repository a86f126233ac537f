import { describe, expect, it, vi } from 'vitest';
import type { RootlineBridge } from '../../../shared/ipc/bridge';
import type { IpcChannel } from '../../../shared/ipc/channels';
import { createBridgedFile, createDesktopPlatform } from '../../../renderer/platform/desktop';

/** A bridge whose invoke is answered by a per-channel function. */
function fakeBridge(answer: (channel: IpcChannel, input: unknown) => unknown): RootlineBridge & {
  calls: Array<[IpcChannel, unknown]>;
} {
  const calls: Array<[IpcChannel, unknown]> = [];
  return {
    calls,
    invoke: (async (channel: IpcChannel, input: unknown) => {
      calls.push([channel, input]);
      return answer(channel, input);
    }) as RootlineBridge['invoke'],
    onMenu: vi.fn(() => () => undefined),
  };
}

/** Serves `content` for file:readChunk in chunks of at most `chunk` bytes. */
function chunkedFile(content: Uint8Array, chunk: number) {
  return (channel: IpcChannel, input: unknown) => {
    if (channel !== 'file:readChunk') throw new Error(`unexpected ${channel}`);
    const { offset, length } = input as { offset: number; length: number };
    return { bytes: content.slice(offset, offset + Math.min(length, chunk)) };
  };
}

describe('createBridgedFile', () => {
  it('streams a file in chunks and decodes text split mid-character', async () => {
    const text = 'naïve — ünïcode ✓ '.repeat(50);
    const bytes = new TextEncoder().encode(text);
    const bridge = fakeBridge(chunkedFile(bytes, 7));
    const file = createBridgedFile(bridge, { token: 'tok', name: 'app.log', size: bytes.byteLength });
    await expect(file.text()).resolves.toBe(text);
    expect(bridge.calls.every(([, input]) => (input as { token: string }).token === 'tok')).toBe(true);
  });

  it('ends the stream on a short read when the file shrank', async () => {
    const bridge = fakeBridge(chunkedFile(new TextEncoder().encode('abc'), 100));
    const file = createBridgedFile(bridge, { token: 't', name: 'x.log', size: 10 });
    await expect(file.text()).resolves.toBe('abc');
  });

  it('reads an empty file as empty', async () => {
    const bridge = fakeBridge(chunkedFile(new Uint8Array(0), 100));
    await expect(createBridgedFile(bridge, { token: 't', name: 'e.log', size: 0 }).text()).resolves.toBe('');
  });
});

describe('createDesktopPlatform', () => {
  it('asks main for files by extension only and wraps the picks', async () => {
    const bridge = fakeBridge((channel) =>
      channel === 'file:openFiles' ? { files: [{ token: 'a', name: 'one.log', size: 3 }] } : undefined,
    );
    const files = await createDesktopPlatform(bridge).openFiles({
      accept: ['.log', 'text/csv'],
      multiple: true,
    });
    expect(bridge.calls[0]).toEqual(['file:openFiles', { accept: ['.log'], multiple: true }]);
    expect(files.map((f) => [f.name, f.size])).toEqual([['one.log', 3]]);
  });

  it('sends Blobs as bytes and strings as text', async () => {
    const bridge = fakeBridge(() => ({ saved: true }));
    const platform = createDesktopPlatform(bridge);
    await platform.saveFile('r.pdf', new Blob([new Uint8Array([1, 2, 3])]), 'application/pdf');
    await platform.saveFile('r.md', '# hi', 'text/markdown');
    const [first, second] = bridge.calls.map(([, input]) => input as { data: unknown });
    expect(first?.data).toEqual(new Uint8Array([1, 2, 3]));
    expect(second?.data).toBe('# hi');
  });

  it('reports openExternal failures as false instead of throwing', async () => {
    const bridge = fakeBridge(() => {
      throw new Error('main refused');
    });
    await expect(createDesktopPlatform(bridge).openExternal('https://example.com')).resolves.toBe(false);
  });

  it('maps printToPdf and appInfo onto their channels', async () => {
    const pdf = new Uint8Array([37, 80, 68, 70]);
    const bridge = fakeBridge((channel) =>
      channel === 'export:printToPdf'
        ? { pdf }
        : { version: '0.1.0', platform: 'darwin', electron: '42', chrome: '1', packaged: true },
    );
    const platform = createDesktopPlatform(bridge);
    expect(platform.kind).toBe('desktop');
    await expect(platform.printToPdf?.('<p>x</p>', 'Letter')).resolves.toBe(pdf);
    expect(bridge.calls[0]).toEqual(['export:printToPdf', { html: '<p>x</p>', pageSize: 'Letter' }]);
    await expect(platform.appInfo()).resolves.toEqual({ version: '0.1.0', platform: 'darwin' });
  });
});
