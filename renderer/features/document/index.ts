export { DocumentPanel } from './components/DocumentPanel';
export { syncDocumentType } from './syncType';
