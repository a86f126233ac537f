import { isKnownZone } from '../../shared/time/parse';
import { FORMATS } from '../../shared/import/formats/index';
import { createImport } from '../../shared/import/pipeline';
import type { CompiledTextFormat } from '../../shared/import/textformats/compile';
import { knownFormatIds, loadFormatFiles } from '../formatFiles';
import { nullProto } from '../../shared/domain/lookup';
import type { ServiceAliases } from '../../shared/timeline/aliases';
import { addPath, checkReadable } from '../input';
import { toJson, toText } from '../render';
import type { Command } from './registry';
import { parseCommandArgs, UsageError } from './registry';

const USAGE = `Usage: rootline timeline <files…> [--format NAME] [--format-file F.json] [--tz ZONE] [--year YYYY] [--alias NAME=SERVICE]… [--json]

Builds the incident timeline from log files: folded events, phases and rollout findings.
Files may be plain, .gz, .zip or folders (a Slack export, or a folder of logs). Bad lines are reported, not fatal.

Options:
  --format NAME  read every file as this format (default: detect per file)
  --format-file F.json
                 add your own text format definitions (lnav format-file JSON; repeatable)
  --tz ZONE      IANA zone for timestamps without an offset (default: UTC)
  --year YYYY    year for timestamps without one (default: inferred)
  --alias NAME=SERVICE
                 NAME is another name of SERVICE (repeatable): records of NAME are shown,
                 folded and judged as SERVICE, so files from several sources line up
  --json         print JSON (events, phases, findings, stats) instead of text

Formats (for --format):
${FORMATS.map((f) => `  ${f.id.padEnd(26)}${f.label}`).join('\n')}
`;

interface TimelineArgs {
  files: string[];
  format: string | null;
  formatFiles: string[];
  zone: string;
  year: number | null;
  aliases: ServiceAliases;
  json: boolean;
}

function parse(args: string[]): TimelineArgs {
  const parsed = parseCommandArgs(args, {
    format: { type: 'string' },
    'format-file': { type: 'string', multiple: true },
    tz: { type: 'string' },
    year: { type: 'string' },
    alias: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('no input files (usage: rootline timeline <files…>)');
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
  const aliases = parseAliases(values.alias ?? []);
  return {
    files: positionals,
    format: values.format ?? null,
    formatFiles: values['format-file'] ?? [],
    zone,
    year,
    aliases,
    json: values.json ?? false,
  };
}

/** `--alias NAME=SERVICE` pairs as an alias map (alias → canonical service). */
function parseAliases(pairs: readonly string[]): ServiceAliases {
  const aliases: ServiceAliases = nullProto();
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const service = pair.slice(eq + 1).trim();
    if (eq < 0 || name === '' || service === '')
      throw new UsageError(`bad alias "${pair}" (expected NAME=SERVICE, e.g. blob-frontend=blob-fe)`);
    aliases[name] = service;
  }
  return aliases;
}

/** Checks `--format` against the shipped formats and the user's own definitions. */
export function checkFormat(format: string | null, user: readonly CompiledTextFormat[]): void {
  if (format === null) return;
  const known = knownFormatIds(user);
  if (!known.includes(format))
    throw new UsageError(`unknown format "${format}" (known: ${known.join(', ')})`);
}

export const timelineCommand: Command = {
  name: 'timeline',
  usage: USAGE,
  async run(args, io) {
    const opts = parse(args);
    const userFormats = await loadFormatFiles(opts.formatFiles);
    checkFormat(opts.format, userFormats);
    await checkReadable(opts.files);
    const imp = createImport(
      { zone: opts.zone, year: opts.year, format: opts.format, aliases: opts.aliases },
      userFormats,
    );
    for (const file of opts.files) await addPath(imp, file, opts.format);
    const result = imp.finish();
    io.stdout(opts.json ? toJson(result) : toText(result));
    return 0;
  },
};
