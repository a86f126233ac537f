import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { calendarDateAt } from '../../shared/actions/dates';
import { parseBundle } from '../../shared/bundle';
import { BUNDLE_FILE_SUFFIX, isBundleFileName } from '../../shared/bundle/fileName';
import { writeCsv } from '../../shared/export/csv';
import {
  computeTrends,
  dayStart,
  learningReviewMarkdown,
  periodText,
  reviewFigures,
  summarizeIncident,
  type LibraryIncident,
  type Period,
} from '../../shared/library';
import { listFolder } from '../folders';
import type { Command, CommandIo } from './registry';
import { parseCommandArgs, UsageError } from './registry';

const FORMATS = ['md', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: rootline report <bundles or folders…> [--from DATE] [--to DATE] [--format md|csv|json]

Learning across incidents: time to detect, mitigate and recover (median and spread, per month,
service and severity), incidents per service over time, top contributing-factor categories,
recurring signals (the same service or change finding in several incidents), action-item
health and the open follow-ups — the figures of the app's Trends view, over bundle files.

Folders are searched recursively for *${BUNDLE_FILE_SUFFIX} files. A bundle that cannot be read
is reported on stderr with the reason; the others still count, and the exit code is 1.
An incident found in several bundles (a backup beside its export) counts once: the newest.

Options:
  --from DATE    only incidents that started on or after this day (yyyy-MM-dd, UTC)
  --to DATE      only incidents that started on or before this day (yyyy-MM-dd, UTC)
  --format F     md (default: a learning review in Markdown), csv (one row per figure cell:
                 figure,row,column,value; durations in minutes) or json
`;

interface ReportArgs {
  paths: string[];
  period: Period;
  format: Format;
}

function dateOption(name: string, value: string | undefined, end: boolean): number | null {
  if (value === undefined) return null;
  const at = dayStart(value, end);
  if (at === null)
    throw new UsageError(`--${name} "${value}" is not a date (expected yyyy-MM-dd, e.g. 2026-03-31)`);
  return at;
}

function parse(args: string[]): ReportArgs {
  const { values, positionals } = parseCommandArgs(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
  });
  if (positionals.length === 0)
    throw new UsageError(`no bundles or folders (usage: rootline report <bundles or folders…>)`);
  const format = values.format ?? 'md';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`unknown format "${format}" (expected md, csv or json)`);
  const period = { from: dateOption('from', values.from, false), to: dateOption('to', values.to, true) };
  if (period.from !== null && period.to !== null && period.from >= period.to)
    throw new UsageError(`--from ${values.from} is after --to ${values.to}`);
  return { paths: positionals, period, format: format as Format };
}

function reason(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file or folder' : e.message;
  }
  return String(e);
}

/** The bundle files named on the command line: files as given, folders searched recursively. */
async function bundleFiles(paths: readonly string[], problems: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    try {
      if ((await stat(p)).isDirectory()) {
        const found = (await listFolder(p)).filter(isBundleFileName).map((f) => join(p, f));
        if (found.length === 0) problems.push(`${p}: no *${BUNDLE_FILE_SUFFIX} files in this folder`);
        out.push(...found);
      } else out.push(p);
    } catch (e) {
      problems.push(`${p}: cannot read (${reason(e)})`);
    }
  }
  return out;
}

interface Loaded {
  summary: LibraryIncident;
  updatedAt: number;
  file: string;
}

/** Reads every bundle; each one that fails adds a problem naming the file and why. */
async function loadIncidents(files: readonly string[], problems: string[], io: CommandIo): Promise<Loaded[]> {
  const byId = new Map<string, Loaded>();
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      problems.push(`${file}: cannot read (${reason(e)})`);
      continue;
    }
    const result = parseBundle(text, basename(file));
    if (!result.ok) {
      problems.push(`${file}: ${result.error}`);
      continue;
    }
    for (const notice of result.meta.notices) io.stderr(`rootline report: ${file}: ${notice}.\n`);
    const s = result.snapshot;
    // Bundles carry no mined log patterns (they are derived in the app from imported logs).
    const summary = summarizeIncident({ ...s, patterns: [] });
    const prev = byId.get(summary.id);
    if (prev)
      io.stderr(
        `rootline report: ${file}: the same incident as ${prev.file}; it counts once (the newer copy).\n`,
      );
    if (!prev || s.incident.updatedAt > prev.updatedAt)
      byId.set(summary.id, { summary, updatedAt: s.incident.updatedAt, file });
  }
  return [...byId.values()];
}

/** Every figure cell as one tidy CSV: figure, row (its first column), column, value. */
function tidyCsv(figures: ReturnType<typeof reviewFigures>): string {
  const rows: (string | number)[][] = [];
  for (const f of figures) {
    const t = f.table;
    for (const row of t.rows) {
      for (let c = 1; c < t.columns.length; c++) {
        const col = t.columns[c]!;
        const v = row[c]!;
        const value = col.kind === 'duration' && typeof v === 'number' ? Math.round(v / 6_000) / 10 : v;
        rows.push([
          t.id,
          String(row[0]),
          col.kind === 'duration' ? `${col.label} (minutes)` : col.label,
          value,
        ]);
      }
    }
  }
  return writeCsv(['figure', 'row', 'column', 'value'], rows, '\n') + '\n';
}

export const reportCommand: Command = {
  name: 'report',
  usage: USAGE,
  async run(args, io) {
    const { paths, period, format } = parse(args);
    const problems: string[] = [];
    const files = await bundleFiles(paths, problems);
    const loaded = await loadIncidents(files, problems, io);
    for (const p of problems) io.stderr(`rootline report: ${p}\n`);
    const titles = new Map(loaded.map((l) => [l.summary.id, l.summary.title]));
    const titleOf = (id: string) => titles.get(id) ?? id;
    const report = computeTrends(
      loaded.map((l) => l.summary),
      period,
      calendarDateAt(Date.now()),
    );
    if (format === 'json') {
      io.stdout(
        `${JSON.stringify(
          {
            ...report,
            period: {
              from: period.from === null ? null : new Date(period.from).toISOString(),
              to: period.to === null ? null : new Date(period.to).toISOString(),
            },
            bundles: loaded.map((l) => ({ file: l.file, id: l.summary.id, title: l.summary.title })),
            problems,
          },
          null,
          2,
        )}\n`,
      );
    } else if (format === 'csv') {
      io.stdout(tidyCsv(reviewFigures(report, titleOf)));
    } else {
      io.stdout(
        learningReviewMarkdown(report, titleOf, {
          title: `Incident report: ${periodText(period)}`,
          generatedAt: Date.now(),
        }),
      );
    }
    return problems.length > 0 ? 1 : 0;
  },
};
