import { FORMATS } from '../../shared/import/formats/index';
import { createImport } from '../../shared/import/pipeline';
import type { ImportResult } from '../../shared/import/pipeline';
import { isKnownZone } from '../../shared/time/parse';
import { loadFormatFiles } from '../formatFiles';
import { addPath, checkReadable } from '../input';
import type { Command } from './registry';
import { parseCommandArgs, UsageError } from './registry';
import { checkFormat } from './timeline';

const USAGE = `Usage: rootline patterns <files…> [--format NAME] [--format-file F.json] [--tz ZONE] [--year YYYY] [--json] [--with-lines]

Mines the message patterns of log files: every record belongs to exactly one pattern (its
variable parts shown as <*>, <ip>, <path>…). One row per pattern, most frequent first.
Files may be plain, .gz, .zip or folders. Bad lines are reported, not fatal.

Options:
  --format NAME  read every file as this format (default: detect per file)
  --format-file F.json
                 add your own text format definitions (lnav format-file JSON; repeatable)
  --tz ZONE      IANA zone for timestamps without an offset (default: UTC)
  --year YYYY    year for timestamps without one (default: inferred)
  --json         print JSON ({"patterns":[…],"stats":{…}}) instead of text
  --with-lines   with --json: list each pattern's records as {"file","line"} (1-based)

Formats (for --format):
${FORMATS.map((f) => `  ${f.id.padEnd(26)}${f.label}`).join('\n')}
`;

interface PatternArgs {
  files: string[];
  format: string | null;
  formatFiles: string[];
  zone: string;
  year: number | null;
  json: boolean;
  withLines: boolean;
}

function parse(args: string[]): PatternArgs {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    'format-file': { type: 'string', multiple: true },
    tz: { type: 'string' },
    year: { type: 'string' },
    json: { type: 'boolean' },
    'with-lines': { type: 'boolean' },
  });
  if (positionals.length === 0) throw new UsageError('no input files (usage: rootline patterns <files…>)');
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
  const withLines = values['with-lines'] ?? false;
  const json = values.json ?? false;
  if (withLines && !json) throw new UsageError('--with-lines needs --json');
  return {
    files: positionals,
    format: values.format ?? null,
    formatFiles: values['format-file'] ?? [],
    zone,
    year,
    json,
    withLines,
  };
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
    const userFormats = await loadFormatFiles(opts.formatFiles);
    checkFormat(opts.format, userFormats);
    await checkReadable(opts.files);
    const imp = createImport(
      { zone: opts.zone, year: opts.year, format: opts.format, patternLines: opts.withLines },
      userFormats,
    );
    for (const file of opts.files) await addPath(imp, file, opts.format);
    const result = imp.finish();
    io.stdout(opts.json ? patternsJson(result, opts.withLines) : patternsText(result));
    return 0;
  },
};
