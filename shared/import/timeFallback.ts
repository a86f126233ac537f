import type { FileStats } from './file-reader';

/**
 * The sentence an import summary gives a file whose records carried no time of their own (the
 * Nomad event stream envelope has none): how many, and which time they were given — the file's
 * capture time (its modification time), or, when that is unknown, the previous record's time.
 * Null when every record had its own time.
 */
export function timeFallbackNote(
  f: Pick<FileStats, 'timeFallback' | 'records' | 'capturedAt'>,
  formatTime: (ms: number) => string,
): string | null {
  if (f.timeFallback === 0) return null;
  const of = `${f.timeFallback.toLocaleString('en-US')} of ${f.records.toLocaleString('en-US')} ${f.records === 1 ? 'record' : 'records'}`;
  return f.capturedAt === null
    ? `${of} had no time of their own and the file's capture time was unknown: they were given the previous record's time.`
    : `${of} had no time of their own: they were given the file's capture time, its last-modified time (${formatTime(f.capturedAt)}).`;
}
