export { exportDocument, documentFileName } from './exportDocument';
export type { DocumentFormat } from './exportDocument';
