export { ImportDialog, LOG_FILE_ACCEPT } from './components/ImportDialog';
