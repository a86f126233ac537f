export { DocumentPanel } from './components/DocumentPanel';
export { sectionElement, showSection } from './focus';
export { syncDocumentType } from './syncType';
