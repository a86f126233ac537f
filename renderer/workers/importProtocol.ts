import type { FieldMapping } from '../../shared/import/types';
import type { FormatFileText } from '../../shared/import/textformats/load';
import type { ImportResult } from '../../shared/import/importer';
import type { ImportError, ImportedLog, LogPattern, LogRecord, TimelineEvent } from '../../shared/domain';
import type { ServiceAliases } from '../../shared/timeline/aliases';
import type { ImportDensity } from '../../shared/chart/blockDensity';

/** One file of an import job, as the worker needs to know it. */
export interface JobFile {
  name: string;
  size: number;
  importId: string;
  /** Chosen format id, or null to detect. */
  format: string | null;
  /**
   * How the bytes arrive: streamed text, a whole zip (Slack export), or a Blob the worker reads
   * itself (a large file: in byte ranges by a pool of workers when its format splits).
   */
  container: 'stream' | 'zip' | 'blob';
  /** Field mapping chosen for this file (unknown JSON/CSV), or null for automatic. */
  mapping: FieldMapping | null;
  /** The file's capture time (its `lastModified`), for records that carry no time; null = unknown. */
  capturedAt: number | null;
}

export interface JobOptions {
  incidentId: string;
  /** IndexedDB database the worker stages raw-record blocks in (the app's). */
  dbName: string;
  zone: string;
  year: number | null;
  /** The user's own format definitions (Settings → Log formats), tried before the shipped ones. */
  formatFiles: FormatFileText[];
  /** Service aliases (alias → canonical) applied to every record. */
  aliases: ServiceAliases;
  /** A change that finished this many minutes or less before impact start is change-before-impact. */
  changeWindowMinutes: number;
  /** How many segment workers parse a large file ('blob' container); 0 = this worker alone. */
  workers: number;
}

export type ToWorker =
  | { type: 'begin'; jobId: number; files: JobFile[]; options: JobOptions }
  | { type: 'chunk'; jobId: number; fileIndex: number; bytes: Uint8Array }
  | { type: 'fileEnd'; jobId: number; fileIndex: number }
  /** A 'blob' file: the worker reads it whole and answers 'fileRead'. */
  | { type: 'blob'; jobId: number; fileIndex: number; blob: Blob }
  | { type: 'fileFailed'; jobId: number; fileIndex: number; reason: string }
  | { type: 'finish'; jobId: number }
  | { type: 'cancel'; jobId: number }
  | {
      type: 'preview';
      requestId: number;
      name: string;
      bytes: Uint8Array;
      format: string | null;
      mapping: FieldMapping | null;
      zone: string;
      year: number | null;
      formatFiles: FormatFileText[];
    };

export interface PreviewResult {
  format: string;
  confidence: number;
  candidates: { id: string; confidence: number }[];
  /** Column / field names found in the sample (for the field-mapping step). */
  fields: string[];
  records: LogRecord[];
  errors: ImportError[];
  lines: number;
  /** The sample itself could not be read (binary, wrong encoding…). */
  problem: string | null;
}

export interface JobResult {
  result: ImportResult;
  events: TimelineEvent[];
  imports: ImportedLog[];
  /** Mined patterns as rows of the incident (stored with the import). */
  patterns: LogPattern[];
  /** Each import's raw-record density, counted while its blocks were written. */
  densities: ImportDensity[];
  /** The change-before-impact window (minutes) the findings were computed with. */
  changeWindowMinutes: number;
}

export type FromWorker =
  | { type: 'ack'; jobId: number; fileIndex: number }
  | { type: 'progress'; jobId: number; bytes: number; records: number }
  /** Bytes of a 'blob' file read so far (all its segments together). */
  | { type: 'fileProgress'; jobId: number; fileIndex: number; bytes: number }
  | { type: 'fileRead'; jobId: number; fileIndex: number }
  | { type: 'done'; jobId: number; job: JobResult }
  | { type: 'cancelled'; jobId: number }
  /** `quota`: the browser ran out of storage while staging blocks. */
  | { type: 'failed'; jobId: number; error: string; quota: boolean }
  | { type: 'previewed'; requestId: number; preview: PreviewResult };
