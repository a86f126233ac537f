import type { RootlineBridge } from '../shared/ipc/bridge';
import { isIpcChannel, MENU_EVENT_CHANNEL } from '../shared/ipc/channels';
import type { IpcResult } from '../shared/ipc/contract';
import type { MenuAction } from '../shared/ipc/menu';

/** The slice of ipcRenderer the bridge uses; injected so the bridge is testable without Electron. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

function isResult(value: unknown): value is IpcResult<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
}

function isMenuAction(value: unknown): value is MenuAction {
  return typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string';
}

/**
 * Builds `window.rootline`: `invoke` refuses channels outside the contract before anything is
 * sent, and unwraps main's `{ ok, value | error }` envelope into a value or an Error. `onMenu`
 * hands listeners only the action, never the IPC event (which would leak ipcRenderer).
 */
export function createRootlineBridge(ipc: IpcRendererLike): RootlineBridge {
  const invoke = async (channel: string, input: unknown): Promise<unknown> => {
    if (!isIpcChannel(channel)) throw new Error(`Unknown IPC channel "${channel}"`);
    const result = await ipc.invoke(channel, input);
    if (!isResult(result)) throw new Error(`Malformed reply on "${channel}"`);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  return {
    invoke: invoke as RootlineBridge['invoke'],
    onMenu(listener) {
      const wrapped = (_event: unknown, action: unknown) => {
        if (isMenuAction(action)) listener(action);
      };
      ipc.on(MENU_EVENT_CHANNEL, wrapped);
      // Tell main we listen, so it flushes actions queued while the page was loading.
      invoke('menu:subscribeActions', {}).catch(() => undefined);
      return () => {
        ipc.removeListener(MENU_EVENT_CHANNEL, wrapped);
      };
    },
  };
}
