import { randomUUID } from 'node:crypto';
import { session } from 'electron';
import { PDF_PARTITION, PDF_SCHEME } from './constants';
import { PDF_CONTENT_SECURITY_POLICY } from './security/csp';
import { createLockedWindow } from './window/create';
import { buildPdfWindowOptions } from './window/options';

const PDF_TIMEOUT_MS = 60_000;
const documents = new Map<string, string>();

/**
 * Prepares the throwaway session export windows use: it serves only the documents we put in
 * `documents`, refuses every other request and every permission. Call once, after `ready`.
 */
export function registerPdfSession(): void {
  const ses = session.fromPartition(PDF_PARTITION, { cache: false });
  ses.protocol.handle(PDF_SCHEME, (request) => {
    const id = /^\/([0-9a-f-]{36})\.html$/.exec(new URL(request.url).pathname)?.[1];
    const html = id === undefined ? undefined : documents.get(id);
    if (html === undefined) return new Response('Not found', { status: 404 });
    return new Response(html, {
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': PDF_CONTENT_SECURITY_POLICY,
      },
    });
  });
  ses.webRequest.onBeforeRequest((details, callback) => {
    const { protocol } = new URL(details.url);
    callback({ cancel: !(protocol === `${PDF_SCHEME}:` || protocol === 'data:' || protocol === 'blob:') });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} took longer than ${ms / 1000} s and was stopped.`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Renders export HTML in a hidden, script-less, sandboxed window and prints it to PDF bytes.
 * The window never shows, has no preload and lives in its own session, so the HTML cannot reach
 * the app or the network.
 */
export async function printHtmlToPdf(html: string, pageSize: 'A4' | 'Letter'): Promise<Uint8Array> {
  const id = randomUUID();
  documents.set(id, html);
  const window = createLockedWindow(buildPdfWindowOptions());
  try {
    await withTimeout(
      window.loadURL(`${PDF_SCHEME}://export/${id}.html`),
      PDF_TIMEOUT_MS,
      'Loading the export',
    );
    const pdf = await withTimeout(
      window.webContents.printToPDF({ pageSize, printBackground: true, preferCSSPageSize: false }),
      PDF_TIMEOUT_MS,
      'Printing the PDF',
    );
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    documents.delete(id);
    window.destroy();
  }
}
