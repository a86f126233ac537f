import { exportHtml, exportMarkdown } from '../../../shared/export';
import type { ExportOptions } from '../../../shared/export';
import type { IncidentSnapshot } from '../../../shared/domain';
import { platform } from '../../platform';

export type DocumentFormat = 'md' | 'html' | 'pdf';

/**
 * What a PDF is in the browser, said wherever one is offered there: the print dialog makes it,
 * and why (a page has no PDF writer of its own; the desktop app has Chromium's printToPDF).
 */
export const WEB_PDF_NOTE =
  'In the browser, the PDF comes from the print dialog: choose “Save as PDF” as its destination. ' +
  'A web page cannot write a PDF file by itself, so the browser’s own print engine lays out the ' +
  'document (title page, page numbers, the paper you chose). The desktop app saves the PDF directly.';

/** A file name from the incident title: letters, digits and dashes only. */
export function documentFileName(title: string, audience: string, ext: string): string {
  const base =
    title
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'incident';
  return `${base}${audience === 'customer' ? '-customer' : ''}.${ext}`;
}

/**
 * The hidden frame the web build prints from. Sandboxed without `allow-scripts`: nothing in the
 * exported HTML can run even if an escape were missed; `allow-same-origin` lets the app call
 * print() on it and `allow-modals` lets the print dialog open.
 */
export function createPrintFrame(html: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0';
  frame.srcdoc = html;
  return frame;
}

/* Web mode: print the self-contained HTML from a hidden frame; the browser's dialog saves the PDF. */
function printInFrame(html: string): Promise<void> {
  return new Promise((resolve) => {
    const frame = createPrintFrame(html);
    frame.onload = () => {
      frame.contentWindow?.focus();
      frame.contentWindow?.print();
      setTimeout(() => {
        frame.remove();
        resolve();
      }, 1_000);
    };
    document.body.appendChild(frame);
  });
}

/** A document to save: its file name without extension and its text in each format. */
export interface SavableDocument {
  baseName: string;
  markdown(): string;
  html(): string;
  paper: 'a4' | 'letter';
}

/**
 * Saves a document: Markdown and HTML as files; PDF through Electron's printToPDF on the
 * desktop and through the browser's print dialog in web mode. The RCA document and the
 * learning review both go through here.
 */
export async function saveDocument(doc: SavableDocument, format: DocumentFormat): Promise<void> {
  if (format === 'md') {
    await platform.saveFile(`${doc.baseName}.md`, doc.markdown(), 'text/markdown');
    return;
  }
  const html = doc.html();
  if (format === 'html') {
    await platform.saveFile(`${doc.baseName}.html`, html, 'text/html');
    return;
  }
  if (platform.printToPdf) {
    const pdf = await platform.printToPdf(html, doc.paper === 'letter' ? 'Letter' : 'A4');
    await platform.saveFile(
      `${doc.baseName}.pdf`,
      new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }),
      'application/pdf',
    );
    return;
  }
  await printInFrame(html);
}

/** Exports the incident's RCA document (see saveDocument for the formats). */
export async function exportDocument(
  snapshot: IncidentSnapshot,
  format: DocumentFormat,
  options: ExportOptions,
): Promise<void> {
  const name = documentFileName(snapshot.incident.title, options.audience, format);
  await saveDocument(
    {
      baseName: name.slice(0, -(format.length + 1)),
      markdown: () => exportMarkdown(snapshot, options),
      html: () => exportHtml(snapshot, options),
      paper: options.paper ?? 'a4',
    },
    format,
  );
}
