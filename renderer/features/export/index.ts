export { exportDocument, documentFileName, WEB_PDF_NOTE } from './exportDocument';
export type { DocumentFormat } from './exportDocument';
export { ExportDialog } from './components/ExportDialog';
export { useExportSettings, restoreExportSettings, type ExportSettings } from './hooks/useExportSettings';
