import { describe, expect, it, vi } from 'vitest';
import { MENU_EVENT_CHANNEL } from '../../../shared/ipc/channels';
import type { MenuAction } from '../../../shared/ipc/menu';
import { createRootlineBridge, type IpcRendererLike } from '../../../electron/preload-bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc(reply: (channel: string, input: unknown) => unknown) {
  const listeners = new Map<string, Set<Listener>>();
  const ipc = {
    invoke: vi.fn(async (channel: string, input: unknown) => reply(channel, input)),
    on: (channel: string, listener: Listener) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    },
    removeListener: (channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
    },
  } satisfies IpcRendererLike;
  const emit = (channel: string, event: unknown, payload: unknown) => {
    for (const l of listeners.get(channel) ?? []) l(event, payload);
  };
  return { ipc, emit, count: (channel: string) => listeners.get(channel)?.size ?? 0 };
}

describe('createRootlineBridge', () => {
  it('refuses channels outside the contract without sending anything', async () => {
    const { ipc } = fakeIpc(() => ({ ok: true, value: {} }));
    const bridge = createRootlineBridge(ipc);
    // @ts-expect-error -- the type already forbids it; the runtime check must too.
    await expect(bridge.invoke('fs:rm', { path: '/' })).rejects.toThrow('Unknown IPC channel "fs:rm"');
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('unwraps values and turns error envelopes into Errors with main’s message', async () => {
    const { ipc } = fakeIpc((channel) =>
      channel === 'app:getInfo'
        ? {
            ok: true,
            value: { version: '1', platform: 'linux', electron: '42', chrome: '1', packaged: false },
          }
        : {
            ok: false,
            error: { code: 'invalid-input', message: 'Invalid input for "shell:openExternal": url: bad' },
          },
    );
    const bridge = createRootlineBridge(ipc);
    await expect(bridge.invoke('app:getInfo', {})).resolves.toMatchObject({ version: '1' });
    await expect(bridge.invoke('shell:openExternal', { url: 'x' })).rejects.toThrow('url: bad');
  });

  it('rejects malformed replies', async () => {
    const { ipc } = fakeIpc(() => 'surprise');
    await expect(createRootlineBridge(ipc).invoke('app:getInfo', {})).rejects.toThrow('Malformed reply');
  });

  it('delivers menu actions without the IPC event, announces listening, and unsubscribes', async () => {
    const { ipc, emit, count } = fakeIpc(() => ({ ok: true, value: { delivered: 0 } }));
    const bridge = createRootlineBridge(ipc);
    const seen: unknown[][] = [];
    const off = bridge.onMenu((...args: unknown[]) => seen.push(args));
    expect(ipc.invoke).toHaveBeenCalledWith('menu:subscribeActions', {});

    const action: MenuAction = { type: 'new-incident' };
    emit(MENU_EVENT_CHANNEL, { sender: 'ipcRenderer would leak here' }, action);
    emit(MENU_EVENT_CHANNEL, {}, 'not an action');
    expect(seen).toEqual([[action]]);

    off();
    expect(count(MENU_EVENT_CHANNEL)).toBe(0);
  });
});
