import { allFormats } from '../../shared/import/formats/index';
import { nullProto } from '../../shared/domain/lookup';
import type { ServiceAliases } from '../../shared/timeline/aliases';
import { DEFAULT_FINDING_OPTIONS } from '../../shared/timeline/types';
import { JOBS_USAGE, READ_LOG_OPTIONS, readLogArgs, readLogs } from '../readLogs';
import type { ReadLogArgs } from '../readLogs';
import { toJson, toText } from '../render';
import type { Command } from './registry';
import { parseCommandArgs, UsageError } from './registry';

const USAGE = `Usage: rootline timeline <files…> [--format NAME] [--format-file F.json] [--tz ZONE] [--year YYYY] [--jobs N] [--alias NAME=SERVICE]… [--change-window MIN] [--json]

Builds the incident timeline from log files: folded events, phases and change findings.
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
  --change-window MIN
                 a change on an impacted service that completed up to MIN minutes before
                 impact started is a change-before-impact finding (default: 60)
  --json         print JSON (events, phases, findings, stats) instead of text

Formats (for --format):
${allFormats()
  .map((f) => `  ${f.id.padEnd(26)}${f.label}`)
  .join('\n')}
`;

interface TimelineArgs extends ReadLogArgs {
  aliases: ServiceAliases;
  changeWindowMs: number;
  json: boolean;
}

function parse(args: string[]): TimelineArgs {
  const { values, positionals } = parseCommandArgs(args, {
    ...READ_LOG_OPTIONS,
    alias: { type: 'string', multiple: true },
    'change-window': { type: 'string' },
    json: { type: 'boolean' },
  });
  return {
    ...readLogArgs(values, positionals, 'timeline'),
    aliases: parseAliases(values.alias ?? []),
    changeWindowMs: parseMinutes(values['change-window']),
    json: values.json ?? false,
  };
}

/** `--change-window MIN` in ms (default 60 minutes). */
function parseMinutes(text: string | undefined): number {
  if (text === undefined) return DEFAULT_FINDING_OPTIONS.changeWindowMs;
  const n = Number(text);
  if (!/^\d+(?:\.\d+)?$/.test(text.trim()) || !Number.isFinite(n) || n > 7 * 24 * 60)
    throw new UsageError(`bad change window "${text}" (expected minutes, e.g. 60; at most a week)`);
  return n * 60_000;
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
    const result = await readLogs(opts, {
      aliases: opts.aliases,
      findingOptions: { changeWindowMs: opts.changeWindowMs },
    });
    io.stdout(opts.json ? toJson(result) : toText(result));
    return 0;
  },
};
