import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { SenderFrameInfo } from '../security/urls';
import type { IpcDispatch } from './dispatch';

function senderFrameInfo(event: IpcMainInvokeEvent): SenderFrameInfo | null {
  try {
    const frame = event.senderFrame;
    return frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
  } catch {
    // The frame navigated away or was destroyed while the call was in flight.
    return null;
  }
}

/** Routes every contract channel through the dispatcher (sender check + schema parse first). */
export function registerIpc(ipcMain: IpcMain, dispatch: IpcDispatch): void {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) =>
      dispatch(channel, senderFrameInfo(event), event.sender.id, input),
    );
  }
}
