import { KEY_TIME_FIELDS, LogBlock, packLogBlock, unpackLogRecords, type IncidentSnapshot } from '../domain';
import type { Incident } from '../domain';
import { formatIssues } from './issues';
import { Bundle, BUNDLE_FORMAT, BUNDLE_VERSION } from './schema';
import { nullProto } from '../domain/lookup';

export interface SerializeOptions {
  /** When the export happens, UTC epoch ms (written as ISO 8601). */
  exportedAt: number;
  /** Version of the app writing the bundle, e.g. `0.1.0`. */
  appVersion: string;
}

/** Plain code-unit order: the same everywhere, unlike `localeCompare`. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const byId = <T extends { id: string }>(a: T, b: T): number => cmp(a.id, b.id);

function canonicalIncident(incident: Incident): Incident {
  const origins: Incident['keyTimeOrigins'] = {};
  for (const field of KEY_TIME_FIELDS) {
    const origin = incident.keyTimeOrigins[field];
    if (origin !== undefined) origins[field] = origin;
  }
  if (incident.serviceAliases === undefined) return { ...incident, keyTimeOrigins: origins };
  // Aliases in code-unit order of the alias, so equal maps always print the same.
  const aliases: Record<string, string> = nullProto();
  for (const key of Object.keys(incident.serviceAliases).sort(cmp))
    aliases[key] = incident.serviceAliases[key]!;
  return { ...incident, keyTimeOrigins: origins, serviceAliases: aliases };
}

/** Repacked, so equal records always print the same whatever order a writer chose for its strings. */
function canonicalBlock(block: LogBlock): LogBlock {
  const { id, importId, incidentId, seq } = block;
  return packLogBlock({ id, importId, incidentId, seq }, unpackLogRecords(block));
}

/**
 * The bundle object for a snapshot: rows sorted by a stable key per collection (events by
 * time then id, log blocks by import then position, sections by order, the rest by id) and
 * record keys in a fixed order. Throws when the snapshot does not satisfy the bundle schema,
 * because writing a file that Rootline cannot open again would lose the user's work silently.
 */
export function bundleFromSnapshot(snapshot: IncidentSnapshot, options: SerializeOptions): Bundle {
  const draft = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: new Date(options.exportedAt).toISOString(),
    app: { name: 'Rootline', version: options.appVersion },
    incident: canonicalIncident(snapshot.incident),
    events: [...snapshot.events].sort((a, b) => a.at - b.at || cmp(a.id, b.id)),
    imports: [...snapshot.imports].sort(byId),
    logBlocks: snapshot.logBlocks
      .map(canonicalBlock)
      .sort((a, b) => cmp(a.importId, b.importId) || a.seq - b.seq || cmp(a.id, b.id)),
    causes: [...snapshot.causes].sort(byId),
    comments: [...snapshot.comments].sort(byId),
    actions: [...snapshot.actions].sort(byId),
    sections: [...snapshot.sections].sort((a, b) => a.order - b.order || cmp(a.id, b.id)),
    ...(snapshot.signoffs.length > 0 ? { signoffs: [...snapshot.signoffs].sort(byId) } : {}),
  };
  // The parse also rebuilds every object in schema key order and drops unknown keys, which
  // is what makes the output independent of how the rows were stored.
  const result = Bundle.safeParse(draft);
  if (!result.success) {
    throw new Error(
      `The incident cannot be exported because its data is invalid: ${formatIssues(result.error.issues)}`,
    );
  }
  return result.data;
}

/**
 * Bundle text of a (validated) bundle object: 2-space indent, each log block on one line (its
 * columns are long lists of numbers), trailing newline.
 */
export function bundleText(bundle: Bundle): string {
  const text = `${JSON.stringify({ ...bundle, logBlocks: [] }, null, 2)}\n`;
  if (bundle.logBlocks.length === 0) return text;
  const { head, tail } = splitAtBlocks(text);
  return `${head}${bundle.logBlocks.map(blockLine).join(',\n')}${tail}`;
}

/**
 * Writes an incident as bundle text: deterministic (schema key order, sorted rows, 2-space
 * indent, one line per log block, trailing newline), so export → open → export gives
 * byte-identical files. Throws (with the offending JSON paths) when the snapshot is invalid.
 */
export function serializeBundle(snapshot: IncidentSnapshot, options: SerializeOptions): string {
  return bundleText(bundleFromSnapshot(snapshot, options));
}

const blockLine = (block: LogBlock): string => `    ${JSON.stringify(block)}`;

/**
 * One log block as it sits in a bundle's `logBlocks` array (validated, repacked, one line
 * indented four spaces, no separator), so a writer can stream blocks instead of holding them.
 * Blocks written with `bundleAroundBlocks` give the same bytes as `serializeBundle`.
 */
export function logBlockText(block: LogBlock): string {
  const parsed = LogBlock.safeParse(canonicalBlock(block));
  if (!parsed.success) {
    throw new Error(
      `The incident cannot be exported because its data is invalid: logBlocks ${block.id}: ${formatIssues(parsed.error.issues)}`,
    );
  }
  return blockLine(parsed.data);
}

/** Splits bundle text written with an empty `logBlocks` where the blocks go. */
function splitAtBlocks(text: string): { head: string; tail: string } {
  // Unique: only the top-level key sits at two spaces; strings never hold a raw newline.
  const marker = '\n  "logBlocks": [],\n';
  const at = text.indexOf(marker);
  if (at < 0) throw new Error('bundle layout changed: no top-level "logBlocks"');
  return {
    head: `${text.slice(0, at)}\n  "logBlocks": [\n`,
    tail: `\n  ],\n${text.slice(at + marker.length)}`,
  };
}

/**
 * The bundle text of a snapshot (its own logBlocks ignored) split where the log blocks go:
 * write `head`, the `logBlockText` of every block in bundle order (by import id, then seq)
 * joined by `,\n`, then `tail`. With no blocks, use `serializeBundle`.
 */
export function bundleAroundBlocks(
  snapshot: IncidentSnapshot,
  options: SerializeOptions,
): { head: string; tail: string } {
  return splitAtBlocks(serializeBundle({ ...snapshot, logBlocks: [] }, options));
}
