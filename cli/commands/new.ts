import { createIncident, newId } from '../../shared/domain';
import type { IncidentSnapshot, LogBlock } from '../../shared/domain';
import { createBlockBuilder } from '../../shared/import/blocks';
import { finalizeImport, importIdFor } from '../../shared/import/finalize';
import { createImport } from '../../shared/import/pipeline';
import { eventCapMessage } from '../../shared/timeline/fold';
import { classifyIncidentType } from '../../shared/timeline/gameDay';
import { isKnownZone } from '../../shared/time/parse';
import { applyTemplate, DEFAULT_TEMPLATE_ID } from '../../shared/templates';
import { loadFormatFiles } from '../formatFiles';
import { BlockSpool } from '../bundleWriter';
import { addPath, checkReadable } from '../input';
import { appVersion } from '../paths';
import type { Command } from './registry';
import { parseCommandArgs, UsageError } from './registry';
import { resolveTemplate } from './templates';
import { terminalSafe } from '../render';
import { BUNDLE_FILE_SUFFIX } from '../../shared/bundle/fileName';

const USAGE = `Usage: rootline new --title T [--template ID|FILE.json] [--tz ZONE] [--format-file F.json] [--logs FILES…] --out FILE${BUNDLE_FILE_SUFFIX}

Creates an incident bundle: the incident, its RCA document sections from the template, and —
with --logs — the timeline, key times and raw records imported from the log files.

Options:
  --title T        incident title (required)
  --template ID    template id (see rootline templates) or a template .json file (default: ${DEFAULT_TEMPLATE_ID})
  --tz ZONE        display zone, also used for log timestamps without an offset (default: UTC)
  --logs FILES…    log files, .gz, .zip or folders to import (repeat --logs or list files after it)
  --format-file F.json
                   your own text format definitions for the logs (lnav format-file JSON; repeatable)
  --out FILE       where to write the bundle (required; should end in ${BUNDLE_FILE_SUFFIX})
`;

interface NewArgs {
  title: string;
  template: string;
  zone: string;
  logs: string[];
  formatFiles: string[];
  out: string;
}

function parse(args: string[]): NewArgs {
  const parsed = parseCommandArgs(args, {
    title: { type: 'string' },
    template: { type: 'string' },
    tz: { type: 'string' },
    logs: { type: 'string', multiple: true },
    'format-file': { type: 'string', multiple: true },
    out: { type: 'string' },
  });
  const { values, positionals } = parsed;
  if (values.title === undefined || values.title.trim() === '') throw new UsageError('--title is required');
  if (values.out === undefined) throw new UsageError(`--out FILE${BUNDLE_FILE_SUFFIX} is required`);
  const logs = [...(values.logs ?? []), ...positionals];
  if (positionals.length > 0 && values.logs === undefined) {
    throw new UsageError(`unexpected argument "${positionals[0] ?? ''}" (log files go after --logs)`);
  }
  const zone = values.tz ?? 'UTC';
  if (!isKnownZone(zone))
    throw new UsageError(`unknown time zone "${zone}" (expected an IANA name like Europe/Paris)`);
  return {
    title: values.title.trim(),
    template: values.template ?? DEFAULT_TEMPLATE_ID,
    zone,
    logs,
    formatFiles: values['format-file'] ?? [],
    out: values.out,
  };
}

/** Builds the snapshot of a new incident, importing logs when given. */
export async function createIncidentSnapshot(
  opts: NewArgs,
  now: number,
  onBlock?: (block: LogBlock) => void,
): Promise<{ snapshot: IncidentSnapshot; warnings: string[] }> {
  const template = await resolveTemplate(opts.template);
  const incidentId = newId(now);
  let incident = createIncident({
    id: incidentId,
    now,
    title: opts.title,
    displayZone: opts.zone,
    templateId: template.id,
  });
  const { sections } = applyTemplate(template, [], { incidentId, now, newId: () => newId(now) });
  const snapshot: IncidentSnapshot = {
    incident,
    events: [],
    imports: [],
    logBlocks: [],
    causes: [],
    comments: [],
    actions: [],
    sections,
    signoffs: [],
  };
  const warnings: string[] = [];
  if (opts.logs.length === 0) return { snapshot, warnings };

  const userFormats = await loadFormatFiles(opts.formatFiles);
  await checkReadable(opts.logs);
  const logBlocks: LogBlock[] = [];
  const builders = new Map<string, ReturnType<typeof createBlockBuilder>>();
  const importId = (file: string): string => importIdFor(incidentId, file, 0, file);
  const imp = createImport(
    {
      zone: opts.zone,
      onRecord: (record) => {
        let builder = builders.get(record.source.file);
        if (builder === undefined) {
          builder = createBlockBuilder({
            importId: importId(record.source.file),
            incidentId,
            onBlock: onBlock ?? ((b) => logBlocks.push(b)),
          });
          builders.set(record.source.file, builder);
        }
        builder.add(record);
      },
    },
    userFormats,
  );
  for (const path of opts.logs) await addPath(imp, path, null);
  const result = imp.finish();
  for (const b of builders.values()) b.flush();
  const files = result.stats.perFile.map((f) => ({
    importId: importId(f.file),
    fileName: f.file,
    format: f.format ?? 'unknown',
    bytes: f.bytes,
    blockCount: builders.get(f.file)?.blockCount ?? 0,
  }));
  const { events, imports } = finalizeImport(result, {
    incidentId,
    files,
    options: { zone: opts.zone, year: null },
    now,
  });
  incident = {
    ...incident,
    keyTimes: result.phases,
    keyTimeOrigins: Object.fromEntries(
      Object.entries(result.phases)
        .filter(([, v]) => v !== null)
        .map(([k]) => [k, 'import' as const]),
    ),
  };
  // Every fault injected: a game day, whose document has the template's game-day sections.
  let docSections = sections;
  if (classifyIncidentType(events) === 'game-day') {
    incident = { ...incident, incidentType: 'game-day', incidentTypeOrigin: 'import' };
    docSections = applyTemplate(template, sections, {
      incidentId,
      now,
      newId: () => newId(now),
      incidentType: 'game-day',
    }).sections;
  }
  if (result.cap !== null) warnings.push(eventCapMessage(result.cap));
  if (result.stats.errorCount > 0) {
    const first = result.stats.errors[0];
    warnings.push(
      `${result.stats.errorCount} line(s) could not be read${first === undefined ? '' : `; first: ${first.file}:${first.line}: ${first.reason}`}`,
    );
  }
  return { snapshot: { ...snapshot, incident, events, imports, logBlocks, sections: docSections }, warnings };
}

export const newCommand: Command = {
  name: 'new',
  usage: USAGE,
  async run(args, io) {
    const opts = parse(args);
    const now = Date.now();
    // Log blocks go to a spool as they are made and are streamed into the bundle.
    const spool = new BlockSpool();
    let made: Awaited<ReturnType<typeof createIncidentSnapshot>>;
    try {
      made = await createIncidentSnapshot(opts, now, (b) => spool.add(b));
      await spool.writeBundle(opts.out, made.snapshot, { exportedAt: now, appVersion: appVersion() });
    } finally {
      spool.dispose();
    }
    const { snapshot, warnings } = made;
    for (const w of warnings) io.stderr(`rootline new: ${w}\n`);
    io.stdout(
      `Wrote ${terminalSafe(opts.out)}: "${terminalSafe(snapshot.incident.title)}", template ${snapshot.incident.templateId ?? '—'}, ` +
        `${snapshot.sections.length} sections, ${snapshot.events.length} timeline events\n`,
    );
    return 0;
  },
};
