import type { IpcChannel } from './channels';
import type { IpcInput, IpcOutput } from './contract';
import type { MenuAction } from './menu';

/**
 * The one object the preload exposes as `window.rootline`. It forwards only channels declared in
 * the contract and never exposes `ipcRenderer` itself.
 */
export interface RootlineBridge {
  /** Calls a contract channel in main; rejects with the main process's message on failure. */
  invoke<C extends IpcChannel>(channel: C, input: IpcInput<C>): Promise<IpcOutput<C>>;
  /** Subscribes to menu / OS actions; returns the unsubscribe function. */
  onMenu(listener: (action: MenuAction) => void): () => void;
}
