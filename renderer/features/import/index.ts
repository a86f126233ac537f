export { ImportDialog, LOG_FILE_ACCEPT } from './components/ImportDialog';
export { ImportLauncher, type ImportTarget } from './components/ImportLauncher';
export { isBundleFile } from './plan';
export { useOrphanSweep } from './hooks/useOrphanSweep';
export { folderToFiles } from './folder';
