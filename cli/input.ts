import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { binaryFileMessage, piecesOf, sniffEncoding } from '../shared/import/encoding';
import { isSlackExport } from '../shared/import/folder';
import type { FileInput, Import } from '../shared/import/pipeline';
import {
  archiveTextMessage,
  createZipStream,
  MAX_ARCHIVE_TEXT,
  ZipError,
  zipEntryNames,
} from '../shared/import/zip';
import { UsageError } from './commands/registry';
import { listFolder } from './folders';
import { addInParallel } from './parallel/read';
import type { ParallelRead } from './parallel/read';
import { utf8Decoder } from './utf8';
import type { ChunkDecoder } from './utf8';

const CHUNK = 1 << 20;

function describe(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === undefined || e.message.startsWith(code) ? e.message : `${code}: ${e.message}`;
  }
  return String(e);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function addEntries(
  imp: Import,
  name: string,
  entries: { path: string; text: string }[],
  format: string | null,
): void {
  if (format === 'slack' || (format === null && isSlackExport(entries.map((e) => e.path)))) {
    imp.addEntries(name, entries, { format: 'slack' });
    return;
  }
  // Not a Slack export: every entry is a log file of its own.
  for (const e of entries) {
    const input = imp.addFile(`${name}/${e.path}`, { format });
    input.push(e.text);
    input.end();
  }
}

/**
 * A folder: a Slack export is read as one archive; otherwise every file is its own log, read
 * exactly as it would be on its own (.gz unzipped, .zip streamed, binary refused by name).
 */
async function addFolder(
  imp: Import,
  root: string,
  name: string,
  format: string | null,
  parallel: ParallelRead | null,
): Promise<void> {
  const paths = await listFolder(root);
  if (format === 'slack' || (format === null && isSlackExport(paths))) {
    const entries = await Promise.all(
      paths.map(async (path) => ({ path, text: stripBom(await readFile(join(root, path), 'utf8')) })),
    );
    addEntries(imp, name, entries, format);
    return;
  }
  for (const path of paths) {
    const full = join(root, path);
    const label = `${name}/${path}`;
    if (path.toLowerCase().endsWith('.zip')) await addZip(imp, full, label, format);
    else await streamFile(imp, full, label, format, parallel);
  }
}

/**
 * Decodes byte chunks into the import: UTF-8 or UTF-16 (sniffed from the first chunk), never
 * binary. UTF-8 goes through utf8Decoder (far cheaper than TextDecoder per chunk); its
 * byte-order mark is dropped as TextDecoder drops it.
 */
async function pushDecoded(input: FileInput, chunks: AsyncIterable<Buffer>, path: string): Promise<void> {
  let decoder: ChunkDecoder | null = null;
  let atTop = true;
  for await (const chunk of chunks) {
    if (decoder === null) {
      const encoding = sniffEncoding(chunk);
      if (encoding === 'binary') throw new UsageError(`cannot read ${binaryFileMessage(path)}`);
      decoder = encoding === 'utf-8' ? utf8Decoder() : utf16Decoder(encoding);
    }
    for (const piece of piecesOf(chunk)) {
      let text = decoder.write(piece);
      if (atTop && text.length > 0) {
        atTop = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      input.push(text);
    }
  }
  if (decoder !== null) input.push(decoder.end());
}

/** A UTF-16 decoder (TextDecoder drops the byte-order mark itself). */
function utf16Decoder(encoding: 'utf-16le' | 'utf-16be'): ChunkDecoder {
  const text = new TextDecoder(encoding);
  return { write: (chunk) => text.decode(chunk, { stream: true }), end: () => text.decode() };
}

/** Streams a file (or gunzips it) into the import chunk by chunk, or in parallel segments. */
async function streamFile(
  imp: Import,
  path: string,
  name: string,
  format: string | null,
  parallel: ParallelRead | null,
): Promise<void> {
  const lower = path.toLowerCase();
  if (
    parallel !== null &&
    !lower.endsWith('.gz') &&
    (await addInParallel(imp, path, name, format, parallel))
  ) {
    return;
  }
  // The file's modification time stands for when it was captured (records without a time get it).
  const capturedAt = (await stat(path)).mtimeMs;
  const input = imp.addFile(name, { format, capturedAt });
  if (lower.endsWith('.gz')) {
    const gunzip = createReadStream(path, { highWaterMark: CHUNK }).pipe(createGunzip());
    try {
      await pushDecoded(input, gunzip as AsyncIterable<Buffer>, path);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new Error(`cannot read ${path}: not a complete gzip file (${describe(e)})`);
    }
  } else {
    await pushDecoded(input, createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>, path);
  }
  input.end();
}

/** Feeds a file's bytes, chunk by chunk, to a zip stream. */
async function pushZipFile(
  path: string,
  stream: { push(chunk: Uint8Array, final: boolean): void },
): Promise<void> {
  let previous: Buffer | null = null;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    if (previous !== null) stream.push(previous, false);
    previous = chunk;
  }
  stream.push(previous ?? new Uint8Array(0), true);
}

/**
 * A .zip, streamed twice: once for its entry names (nothing unpacked) to tell a Slack export
 * from a bundle of logs, then for the content — a Slack export's entries as text (at most
 * MAX_ARCHIVE_TEXT), every other entry streamed into the import as a file of its own. The zip
 * limits (shared/import/zip.ts) refuse a zip bomb before it fills memory.
 */
async function addZip(imp: Import, path: string, name: string, format: string | null): Promise<void> {
  const listing = zipEntryNames(name);
  await pushZipFile(path, listing);
  if (format === 'slack' || (format === null && isSlackExport(listing.names))) {
    const entries: { path: string; text: string }[] = [];
    let total = 0;
    await pushZipFile(
      path,
      createZipStream(name, (entry) => {
        const parts: Uint8Array[] = [];
        return {
          data: (chunk) => {
            total += chunk.length;
            if (total > MAX_ARCHIVE_TEXT) throw new ZipError(archiveTextMessage(path));
            parts.push(chunk.slice());
          },
          end: () => {
            entries.push({ path: entry, text: stripBom(Buffer.concat(parts).toString('utf8')) });
          },
        };
      }),
    );
    imp.addEntries(
      name,
      entries.sort((a, b) => (a.path < b.path ? -1 : 1)),
      { format: 'slack' },
    );
    return;
  }
  await pushZipFile(
    path,
    createZipStream(name, (entry) => {
      const input = imp.addFile(`${name}/${entry}`, { format });
      let text: InstanceType<typeof TextDecoder> | null = null;
      return {
        data: (chunk) => {
          if (text === null) {
            // Entries are read like files; a binary entry is read as UTF-8 (its lines become errors).
            const encoding = sniffEncoding(chunk);
            text = new TextDecoder(encoding === 'binary' ? 'utf-8' : encoding, { ignoreBOM: false });
          }
          input.push(text.decode(chunk, { stream: true }));
        },
        end: () => {
          if (text !== null) input.push(text.decode());
          input.end();
        },
      };
    }),
  );
}

/** Checks that every path can be read before anything is imported (exit 2 otherwise). */
export async function checkReadable(paths: readonly string[]): Promise<void> {
  for (const p of paths) {
    try {
      const s = await stat(p);
      if (!s.isFile() && !s.isDirectory()) throw new Error('not a file or folder');
    } catch (e) {
      throw new UsageError(`cannot read ${p}: ${describe(e)}`);
    }
  }
}

/**
 * Adds one command-line path to the import: a folder or .zip (Slack export, or a bundle of
 * logs), a .gz (streamed through gunzip), or a plain file (streamed as UTF-8, or read by the
 * worker pool in segments when `parallel` is given and the file is large enough).
 */
export async function addPath(
  imp: Import,
  path: string,
  format: string | null,
  parallel: ParallelRead | null = null,
): Promise<void> {
  const name = basename(path);
  try {
    if ((await stat(path)).isDirectory()) {
      await addFolder(imp, path, name, format, parallel);
    } else if (path.toLowerCase().endsWith('.zip')) {
      await addZip(imp, path, name, format);
    } else {
      await streamFile(imp, path, name, format, parallel);
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const message = describe(e);
    throw new UsageError(message.startsWith('cannot read') ? message : `cannot read ${path}: ${message}`);
  }
}
