import { createDesktopPlatform, getDesktopBridge } from './desktop';
import type { Platform } from './types';
import { webPlatform } from './web';

export type { Dropped, PickedFile, PickedFolder, Platform, MenuAction } from './types';
export { onFilesDropped } from './web';

function pick(): Platform {
  const bridge = getDesktopBridge();
  return bridge ? createDesktopPlatform(bridge) : webPlatform;
}

/** The platform the renderer runs on: the Electron bridge when present, else the browser. */
export const platform: Platform = pick();
