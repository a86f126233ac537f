export { exportDocument, documentFileName, saveDocument, WEB_PDF_NOTE } from './exportDocument';
export type { DocumentFormat, SavableDocument } from './exportDocument';
export { ExportDialog } from './components/ExportDialog';
export { useExportSettings, restoreExportSettings, type ExportSettings } from './hooks/useExportSettings';
