import { describe, expect, it, vi } from 'vitest';
import { createIpcDispatcher, type IpcHandlers } from '../../../electron/ipc/dispatch';

const APP_FRAME = { url: 'app://rootline/', isMainFrame: true };

function fakeHandlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  const fail = () => Promise.reject(new Error('not expected in this test'));
  return {
    'app:getInfo': async () => ({
      version: '1.2.3',
      platform: 'linux',
      electron: '42',
      chrome: '142',
      packaged: false,
    }),
    'file:openFiles': fail,
    'file:readChunk': fail,
    'file:openBundle': fail,
    'file:saveFile': fail,
    'shell:openExternal': async ({ url }) => ({ opened: url.startsWith('https:') }),
    'export:printToPdf': fail,
    'menu:subscribeActions': async () => ({ delivered: 0 }),
    'backup:writeBundle': fail,
    'backup:listFiles': fail,
    'backup:readFile': fail,
    'sync:allowServers': fail,
    ...overrides,
  };
}

describe('createIpcDispatcher', () => {
  it('runs the handler for a valid call from the app frame', async () => {
    const dispatch = createIpcDispatcher(fakeHandlers());
    await expect(
      dispatch('shell:openExternal', APP_FRAME, 1, { url: 'https://example.com' }),
    ).resolves.toEqual({
      ok: true,
      value: { opened: true },
    });
  });

  it('refuses unknown channels', async () => {
    const dispatch = createIpcDispatcher(fakeHandlers());
    const result = await dispatch('fs:readAnything', APP_FRAME, 1, {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown-channel', message: expect.stringContaining('fs:readAnything') },
    });
  });

  it.each([
    ['a web page', { url: 'https://evil.example/', isMainFrame: true }],
    ['a file:// page', { url: 'file:///tmp/x.html', isMainFrame: true }],
    ['another app host', { url: 'app://other/', isMainFrame: true }],
    ['an iframe of the app', { url: 'app://rootline/frame.html', isMainFrame: false }],
    ['a destroyed frame', null],
  ])('refuses calls from %s without running the handler', async (_label, frame) => {
    const handler = vi.fn(async () => ({ opened: true }));
    const dispatch = createIpcDispatcher(fakeHandlers({ 'shell:openExternal': handler }));
    const result = await dispatch('shell:openExternal', frame, 1, { url: 'https://example.com' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('forbidden-sender');
    expect(handler).not.toHaveBeenCalled();
  });

  it('rejects bad input with a message naming the field, before the handler runs', async () => {
    const handler = vi.fn(async () => ({ opened: true }));
    const dispatch = createIpcDispatcher(fakeHandlers({ 'shell:openExternal': handler }));
    const result = await dispatch('shell:openExternal', APP_FRAME, 1, { url: 42 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.message).toMatch(/^Invalid input for "shell:openExternal": url: /);
    }
    expect(handler).not.toHaveBeenCalled();
    const extra = await dispatch('app:getInfo', APP_FRAME, 1, { sneaky: true });
    expect(!extra.ok && extra.error.code).toBe('invalid-input');
  });

  it('turns handler exceptions and invalid replies into error results', async () => {
    const dispatch = createIpcDispatcher(
      fakeHandlers({
        'file:openBundle': async () => {
          throw new Error('incident.rootline.json: The file does not exist.');
        },
        'menu:subscribeActions': async () => ({ delivered: -1 }),
      }),
    );
    await expect(dispatch('file:openBundle', APP_FRAME, 1, {})).resolves.toEqual({
      ok: false,
      error: { code: 'handler-failed', message: 'incident.rootline.json: The file does not exist.' },
    });
    const bad = await dispatch('menu:subscribeActions', APP_FRAME, 1, {});
    expect(!bad.ok && bad.error.code).toBe('invalid-output');
  });

  it('passes the sender id to the handler', async () => {
    const listen = vi.fn(async () => ({ delivered: 2 }));
    const dispatch = createIpcDispatcher(fakeHandlers({ 'menu:subscribeActions': listen }));
    await dispatch('menu:subscribeActions', APP_FRAME, 7, {});
    expect(listen).toHaveBeenCalledWith({}, { senderId: 7 });
  });
});
