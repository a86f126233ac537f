/** The privileged scheme the renderer is served from (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'rootline';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

/** Scheme of the throwaway session that renders exports for printToPDF. */
export const PDF_SCHEME = 'rootline-pdf';
export const PDF_ENTRY_URL = `${PDF_SCHEME}://export/document.html`;
export const PDF_PARTITION = 'rootline-pdf-export';
