import type { CreateImportOptions, ImportResult } from '../shared/import/pipeline';
import { createImport } from '../shared/import/pipeline';
import type { CompiledTextFormat } from '../shared/import/textformats/compile';
import { isKnownZone } from '../shared/time/parse';
import { UsageError } from './commands/registry';
import { knownFormatIds, loadFormatFiles } from './formatFiles';
import { addPath, checkReadable } from './input';
import { defaultJobs, importPool } from './parallel/pool';

/** The options every command that reads log files takes (for parseCommandArgs). */
export const READ_LOG_OPTIONS = {
  format: { type: 'string' },
  'format-file': { type: 'string', multiple: true },
  tz: { type: 'string' },
  year: { type: 'string' },
  jobs: { type: 'string' },
} as const;

/** The `--jobs` line of the usage of commands that read logs. */
export const JOBS_USAGE = `  --jobs N       parse large files with N parsers: the command's own thread and N-1 workers
                 (default: one per core; 1 = one parser, no workers). The output is the same
                 for every N.`;

/** How to read the log files of one command line. */
export interface ReadLogArgs {
  files: string[];
  format: string | null;
  formatFiles: string[];
  zone: string;
  year: number | null;
  /** `--jobs N`; null = one worker per core. */
  jobs: number | null;
}

/** Checks the shared log-reading options (`command` names the usage in the message). */
export function readLogArgs(
  values: { format?: string; 'format-file'?: string[]; tz?: string; year?: string; jobs?: string },
  positionals: string[],
  command: string,
): ReadLogArgs {
  if (positionals.length === 0) throw new UsageError(`no input files (usage: rootline ${command} <files…>)`);
  const zone = values.tz ?? 'UTC';
  if (!isKnownZone(zone))
    throw new UsageError(`unknown time zone "${zone}" (expected an IANA name like Europe/Paris)`);
  let year: number | null = null;
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year) || Number(values.year) < 1970) {
      throw new UsageError(`bad year "${values.year}" (expected four digits, 1970 or later)`);
    }
    year = Number(values.year);
  }
  let jobs: number | null = null;
  if (values.jobs !== undefined) {
    if (!/^\d{1,3}$/.test(values.jobs) || Number(values.jobs) < 1) {
      throw new UsageError(`bad --jobs "${values.jobs}" (expected a number of workers, 1 or more)`);
    }
    jobs = Number(values.jobs);
  }
  return {
    jobs,
    files: positionals,
    format: values.format ?? null,
    formatFiles: values['format-file'] ?? [],
    zone,
    year,
  };
}

/** Checks `--format` against the shipped formats and the user's own definitions. */
export function checkFormat(format: string | null, user: readonly CompiledTextFormat[]): void {
  if (format === null) return;
  const known = knownFormatIds(user);
  if (!known.includes(format))
    throw new UsageError(`unknown format "${format}" (known: ${known.join(', ')})`);
}

/** Reads the files as the arguments say (user formats first) and returns the import's result. */
export async function readLogs(
  args: ReadLogArgs,
  options: Omit<CreateImportOptions, 'zone' | 'year' | 'format'> = {},
): Promise<ImportResult> {
  const userFormats = await loadFormatFiles(args.formatFiles);
  checkFormat(args.format, userFormats);
  await checkReadable(args.files);
  const imp = createImport(
    { ...options, zone: args.zone, year: args.year, format: args.format },
    userFormats,
  );
  const jobs = args.jobs ?? defaultJobs();
  const pool = jobs > 1 ? importPool(jobs, { formatFiles: args.formatFiles }) : null;
  const parallel =
    pool === null
      ? null
      : {
          pool,
          explicit: args.jobs !== null,
          options: {
            zone: args.zone,
            year: args.year,
            mapping: null,
            keepAttrs: options.onRecord !== undefined,
          },
        };
  try {
    for (const file of args.files) await addPath(imp, file, args.format, parallel);
  } finally {
    await pool?.close();
  }
  return imp.finish();
}
