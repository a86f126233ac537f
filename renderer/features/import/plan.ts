import { hash64 } from '../../../shared/domain';
import { importIdFor } from '../../../shared/import/finalize';
import type { FieldMapping } from '../../../shared/import/types';
import type { PickedFile } from '../../platform';
import type { JobFile, PreviewResult } from '../../workers/importProtocol';
import type { PlannedFile } from './runImport';
import { isBundleFileName } from '../../../shared/bundle/fileName';

/** A file chosen for import, with what the dialog learned and the user chose about it. */
export interface FileEntry {
  key: string;
  picked: PickedFile;
  /** Unique within the batch (two `app.log` files become `app.log` and `app.log (2)`). */
  name: string;
  size: number;
  gzip: boolean;
  zip: boolean;
  /** The user's format choice; null = use the detected one. */
  format: string | null;
  mapping: FieldMapping | null;
  preview: PreviewResult | null;
  /** First bytes of the file, for previews and a stable import id. */
  head: Uint8Array;
}

export const SAMPLE_BYTES = 65_536;

/** Files from this size on are read by the import worker from a Blob, in segments when they split. */
export const POOL_MIN_BYTES = 8 * 1024 * 1024;
/** At most this many segment workers (each holds a parser's state and a block of records). */
export const MAX_IMPORT_WORKERS = 4;

/**
 * The import's segment workers: one per core the browser reports besides the one the import
 * worker itself needs (it merges, folds and stores what they parse), capped; 0 = the import
 * worker alone (one core).
 */
export function importWorkers(cores: number | undefined): number {
  return Math.max(0, Math.min(MAX_IMPORT_WORKERS, (cores ?? 1) - 1));
}

/**
 * How a file reaches the import worker: a zip whole, a large plain file as a Blob the worker
 * reads itself (in parallel segments) when the platform has one and there are segment workers,
 * everything else streamed in chunks.
 */
export function containerOf(entry: FileEntry, workers: number): JobFile['container'] {
  if (entry.zip) return 'zip';
  const large = entry.size >= POOL_MIN_BYTES && workers > 0;
  return large && !entry.gzip && entry.picked.blob !== undefined ? 'blob' : 'stream';
}

/** Formats whose fields can be mapped by hand when detection finds no time field. */
export const MAPPABLE_FORMATS = new Set(['csv', 'jsonl']);

export function isGzip(head: Uint8Array, name: string): boolean {
  return (head[0] === 0x1f && head[1] === 0x8b) || /\.gz$/i.test(name);
}

export function isZip(head: Uint8Array, name: string): boolean {
  return (head[0] === 0x50 && head[1] === 0x4b) || /\.zip$/i.test(name);
}

/** Names made unique within a batch: evidence is referenced by file name and line. */
export function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const count = (seen.get(n) ?? 0) + 1;
    seen.set(n, count);
    return count === 1 ? n : `${n} (${count})`;
  });
}

/** The format a file will be read with. */
export function effectiveFormat(entry: FileEntry): string | null {
  return entry.format ?? entry.preview?.format ?? null;
}

/**
 * Why a chosen file cannot be imported as it is — it is empty, or its bytes are not text — or
 * null. Such a file keeps the Import button off until it is removed.
 */
export function unreadableReason(entry: FileEntry): string | null {
  if (entry.size === 0) return `${entry.name} is empty (0 bytes): there is nothing to import.`;
  return entry.preview?.problem ?? null;
}

/** True when the sample yielded no record but errors, for a format whose fields can be mapped. */
export function needsMapping(entry: FileEntry): boolean {
  const format = effectiveFormat(entry);
  const p = entry.preview;
  return (
    format !== null &&
    MAPPABLE_FORMATS.has(format) &&
    p !== null &&
    p.records.length === 0 &&
    p.errors.length > 0
  );
}

export function planFiles(incidentId: string, entries: FileEntry[], workers: number): PlannedFile[] {
  return entries.map((e) => ({
    picked: e.picked,
    name: e.name,
    size: e.size,
    gzip: e.gzip,
    container: containerOf(e, workers),
    format: e.zip ? (e.format ?? 'slack') : effectiveFormat(e),
    mapping: e.mapping,
    capturedAt: e.picked.lastModified ?? null,
    importId: importIdFor(
      incidentId,
      e.name,
      e.size,
      hash64(String.fromCharCode(...e.head.subarray(0, 4096))),
    ),
  }));
}

/** Dropped files ending `.rootline.json` are bundles to open; everything else is a log. */
export function isBundleFile(name: string): boolean {
  return isBundleFileName(name);
}
