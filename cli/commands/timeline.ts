import { FORMATS } from '../../shared/import/formats/index';
import { nullProto } from '../../shared/domain/lookup';
import type { ServiceAliases } from '../../shared/timeline/aliases';
import { JOBS_USAGE, READ_LOG_OPTIONS, readLogArgs, readLogs } from '../readLogs';
import type { ReadLogArgs } from '../readLogs';
import { toJson, toText } from '../render';
import type { Command } from './registry';
import { parseCommandArgs, UsageError } from './registry';

const USAGE = `Usage: rootline timeline <files…> [--format NAME] [--format-file F.json] [--tz ZONE] [--year YYYY] [--jobs N] [--alias NAME=SERVICE]… [--json]

Builds the incident timeline from log files: folded events, phases and rollout findings.
Files may be plain, .gz, .zip or folders (a Slack export, or a folder of logs). Bad lines are reported, not fatal.

Options:
  --format NAME  read every file as this format (default: detect per file)
  --format-file F.json
                 add your own text format definitions (lnav format-file JSON; repeatable)
  --tz ZONE      IANA zone for timestamps without an offset (default: UTC)
  --year YYYY    year for timestamps without one (default: inferred)
${JOBS_USAGE}
  --alias NAME=SERVICE
                 NAME is another name of SERVICE (repeatable): records of NAME are shown,
                 folded and judged as SERVICE, so files from several sources line up
  --json         print JSON (events, phases, findings, stats) instead of text

Formats (for --format):
${FORMATS.map((f) => `  ${f.id.padEnd(26)}${f.label}`).join('\n')}
`;

interface TimelineArgs extends ReadLogArgs {
  aliases: ServiceAliases;
  json: boolean;
}

function parse(args: string[]): TimelineArgs {
  const { values, positionals } = parseCommandArgs(args, {
    ...READ_LOG_OPTIONS,
    alias: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  return {
    ...readLogArgs(values, positionals, 'timeline'),
    aliases: parseAliases(values.alias ?? []),
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

export const timelineCommand: Command = {
  name: 'timeline',
  usage: USAGE,
  async run(args, io) {
    const opts = parse(args);
    const result = await readLogs(opts, { aliases: opts.aliases });
    io.stdout(opts.json ? toJson(result) : toText(result));
    return 0;
  },
};
