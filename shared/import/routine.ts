import type { FileStats } from './file-reader';

const n = (x: number): string => x.toLocaleString('en-US');

/**
 * Why a file that yielded records gave the timeline no event, as a clause for the import summary
 * and the CLI ("1,920 records below warning level … name no failure…; 80 warnings came at their
 * pattern's usual rate…"). A real log is often all routine (a day of HDFS block traffic), and a
 * bare "0 events" reads as a parser that failed. Null when the file had no records, or when any
 * of its records became an event.
 */
export function routineReasons(f: Pick<FileStats, 'records' | 'routine' | 'format'>): string | null {
  const { format, warn, plain } = f.routine;
  if (f.records === 0 || format + warn + plain < f.records) return null;
  const parts: string[] = [];
  if (plain > 0) {
    parts.push(
      `${n(plain)} ${plain === 1 ? 'record' : 'records'} below warning level, or with no level, ${plain === 1 ? 'names' : 'name'} no failure, change, alert, mitigation or recovery`,
    );
  }
  if (warn > 0) {
    parts.push(
      `${n(warn)} ${warn === 1 ? 'warning' : 'warnings'} came at ${warn === 1 ? 'its' : 'their'} pattern's usual rate (a warning becomes impact only in a burst above it)`,
    );
  }
  if (format > 0) {
    const reader = f.format === null ? 'its format' : `the ${f.format} format`;
    parts.push(
      `${n(format)} ${format === 1 ? 'record is' : 'records are'} of a kind ${reader} reads as evidence, not as an event`,
    );
  }
  return parts.join('; ');
}
