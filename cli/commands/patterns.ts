import { allFormats } from '../../shared/import/formats/index';
import type { ImportResult } from '../../shared/import/pipeline';
import { JOBS_USAGE, READ_LOG_OPTIONS, readLogArgs, readLogs } from '../readLogs';
import type { ReadLogArgs } from '../readLogs';
import type { Command } from './registry';
import { parseCommandArgs, UsageError } from './registry';

const USAGE = `Usage: rootline patterns <files…> [--format NAME] [--format-file F.json] [--tz ZONE] [--year YYYY] [--jobs N] [--json] [--with-lines]

Mines the message patterns of log files: every record belongs to exactly one pattern (its
variable parts shown as <*>, <ip>, <path>…). One row per pattern, most frequent first.
Files may be plain, .gz, .zip or folders. Bad lines are reported, not fatal.

Options:
  --format NAME  read every file as this format (default: detect per file)
  --format-file F.json
                 add your own text format definitions (lnav format-file JSON; repeatable)
  --tz ZONE      IANA zone for timestamps without an offset (default: UTC)
  --year YYYY    year for timestamps without one (default: inferred)
${JOBS_USAGE}
  --json         print JSON ({"patterns":[…],"stats":{…}}) instead of text
  --with-lines   with --json: list each pattern's records as {"file","line"} (1-based)

Formats (for --format):
${allFormats()
  .map((f) => `  ${f.id.padEnd(26)}${f.label}`)
  .join('\n')}
`;

interface PatternArgs extends ReadLogArgs {
  json: boolean;
  withLines: boolean;
}

function parse(args: string[]): PatternArgs {
  const { values, positionals } = parseCommandArgs(args, {
    ...READ_LOG_OPTIONS,
    json: { type: 'boolean' },
    'with-lines': { type: 'boolean' },
  });
  const read = readLogArgs(values, positionals, 'patterns');
  const withLines = values['with-lines'] ?? false;
  const json = values.json ?? false;
  if (withLines && !json) throw new UsageError('--with-lines needs --json');
  return { ...read, json, withLines };
}

function iso(at: number): string {
  return new Date(at).toISOString();
}

/** The `--json` document: patterns in the documented key order, then accounting. */
export function patternsJson(result: ImportResult, withLines: boolean): string {
  const { patterns, stats, patternStats } = result;
  const doc = {
    patterns: patterns.map((p) => ({
      id: p.id,
      template: p.template,
      count: p.count,
      level: p.level,
      firstAt: iso(p.firstAt),
      lastAt: iso(p.lastAt),
      files: p.files,
      ...(withLines ? { lines: (p.lines ?? []).map((l) => ({ file: l.file, line: l.line })) } : {}),
    })),
    stats: {
      files: stats.files,
      lines: stats.lines,
      records: stats.records,
      skipped: stats.skipped,
      patterns: patternStats.patterns,
      errors: stats.errors.map((e) => ({ file: e.file, line: e.line, reason: e.reason })),
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function utc(at: number): string {
  return `${iso(at).slice(0, 19).replace('T', ' ')}Z`;
}

/** One row per pattern: count, level, first and last seen, template. */
export function patternsText(result: ImportResult): string {
  const { patterns, stats } = result;
  const out: string[] = [
    `Patterns (${patterns.length} from ${stats.records} records, times in UTC)`,
    '',
    `${'COUNT'.padStart(8)}  ${'LEVEL'.padEnd(6)} ${'FIRST SEEN'.padEnd(20)} ${'LAST SEEN'.padEnd(20)} TEMPLATE`,
  ];
  for (const p of patterns) {
    out.push(
      `${p.count.toLocaleString('en-US').padStart(8)}  ${(p.level ?? '-').padEnd(6)} ${utc(p.firstAt)} ${utc(p.lastAt)} ${p.template || '(empty message)'}`,
    );
  }
  out.push(
    '',
    `Read ${stats.files} file(s): ${stats.lines} lines, ${stats.records} records, ${stats.skipped} skipped, ${stats.errorCount} errors`,
  );
  for (const e of stats.errors.slice(0, 20)) out.push(`  ${e.file}:${e.line}: ${e.reason}`);
  if (stats.errorCount > 20)
    out.push(`  … and ${stats.errorCount - 20} more errors (use --json for all kept)`);
  return `${out.join('\n')}\n`;
}

export const patternsCommand: Command = {
  name: 'patterns',
  usage: USAGE,
  async run(args, io) {
    const opts = parse(args);
    const result = await readLogs(opts, { patternLines: opts.withLines });
    io.stdout(opts.json ? patternsJson(result, opts.withLines) : patternsText(result));
    return 0;
  },
};
