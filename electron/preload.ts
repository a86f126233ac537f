import { contextBridge, ipcRenderer } from 'electron';
import { createRootlineBridge } from './preload-bridge';

// The only thing the page gets from the preload: one narrow, typed object.
contextBridge.exposeInMainWorld('rootline', createRootlineBridge(ipcRenderer));
