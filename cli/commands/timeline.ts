import { isKnownZone } from '../../shared/time/parse';
import { FORMATS, getFormat } from '../../shared/import/formats/index';
import { createImport } from '../../shared/import/pipeline';
import type { ServiceAliases } from '../../shared/timeline/aliases';
import { addPath, checkReadable } from '../input';
import { toJson, toText } from '../render';
import type { Command } from './registry';
import { parseCommandArgs, UsageError } from './registry';

const USAGE = `Usage: rootline timeline <files…> [--format NAME] [--tz ZONE] [--year YYYY] [--alias NAME=SERVICE]… [--json]

Builds the incident timeline from log files: folded events, phases and rollout findings.
Files may be plain, .gz, .zip or folders (a Slack export, or a folder of logs). Bad lines are reported, not fatal.

Options:
  --format NAME  read every file as this format (default: detect per file)
  --tz ZONE      IANA zone for timestamps without an offset (default: UTC)
  --year YYYY    year for timestamps without one (default: inferred)
  --alias NAME=SERVICE
                 NAME is another name of SERVICE (repeatable): records of NAME are shown,
                 folded and judged as SERVICE, so files from several sources line up
  --json         print JSON (events, phases, findings, stats) instead of text

Formats (for --format):
${FORMATS.map((f) => `  ${f.id.padEnd(16)}${f.label}`).join('\n')}
`;

function parse(args: string[]): {
  files: string[];
  format: string | null;
  zone: string;
  year: number | null;
  aliases: ServiceAliases;
  json: boolean;
} {
  const parsed = parseCommandArgs(args, {
    format: { type: 'string' },
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
  const format = values.format ?? null;
  if (format !== null && getFormat(format) === undefined) {
    throw new UsageError(`unknown format "${format}" (known: ${FORMATS.map((f) => f.id).join(', ')})`);
  }
  const aliases: ServiceAliases = {};
  for (const pair of values.alias ?? []) {
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const service = pair.slice(eq + 1).trim();
    if (eq < 0 || name === '' || service === '')
      throw new UsageError(`bad alias "${pair}" (expected NAME=SERVICE, e.g. blob-frontend=blob-fe)`);
    aliases[name] = service;
  }
  return { files: positionals, format, zone, year, aliases, json: values.json ?? false };
}

export const timelineCommand: Command = {
  name: 'timeline',
  usage: USAGE,
  async run(args, io) {
    const opts = parse(args);
    await checkReadable(opts.files);
    const imp = createImport({
      zone: opts.zone,
      year: opts.year,
      format: opts.format,
      aliases: opts.aliases,
    });
    for (const file of opts.files) await addPath(imp, file, opts.format);
    const result = imp.finish();
    io.stdout(opts.json ? toJson(result) : toText(result));
    return 0;
  },
};
