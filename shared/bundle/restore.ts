import { EMPTY_KEY_TIMES, eventDefaults, INCIDENT_COLLECTIONS, LogBlockV1, restoreLogBlock } from '../domain';
import { formatIssues } from './issues';
import { isIanaZone, isKnownZone } from '../time/zone';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from './schema';

type JsonObject = Record<string, unknown>;

/**
 * One step of the chain: fills the defaults of version N, then (if N is not current) upgrades
 * to N + 1 — or says, lower-case, why it cannot.
 */
interface VersionStep {
  fillDefaults: (bundle: JsonObject) => JsonObject;
  upgrade: ((bundle: JsonObject) => JsonObject | { error: string }) | null;
}

export type RestoreResult =
  { ok: true; bundle: JsonObject; fromVersion: number; notices: string[] } | { ok: false; error: string };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns `row` with every missing field set from `defaults`; present fields (even wrong ones) stay for the schema to judge. */
function withDefaults(row: unknown, defaults: JsonObject): unknown {
  if (!isObject(row)) return row;
  const out: JsonObject = { ...row };
  for (const [key, value] of Object.entries(defaults)) {
    if (out[key] === undefined) out[key] = copyJson(value);
  }
  return out;
}

/** Defaults are plain JSON; copying keeps rows from sharing one array or object. */
function copyJson(value: unknown): unknown {
  return value === null || typeof value !== 'object' ? value : (JSON.parse(JSON.stringify(value)) as unknown);
}

const mapRows = (rows: unknown, defaults: JsonObject): unknown =>
  Array.isArray(rows) ? rows.map((row) => withDefaults(row, defaults)) : rows;

/**
 * Fields a v1 writer may have left out because they were empty (hand-written bundles, other
 * tools, early builds). Required-in-meaning fields (ids, times, titles) get no default: a
 * bundle without them is broken and the schema says so.
 */
function fillV1Defaults(bundle: JsonObject): JsonObject {
  const out: JsonObject = { ...bundle };
  for (const key of INCIDENT_COLLECTIONS) {
    if (out[key] === undefined) out[key] = [];
  }
  out.incident = withDefaults(out.incident, {
    summary: '',
    services: [],
    regions: [],
    authors: [],
    reviewers: [],
    displayZone: 'UTC',
    secondaryZone: null,
    keyTimes: EMPTY_KEY_TIMES,
    keyTimeOrigins: {},
    templateId: null,
    tags: [],
  });
  if (isObject(out.incident) && isObject(out.incident.keyTimes)) {
    out.incident = { ...out.incident, keyTimes: withDefaults(out.incident.keyTimes, EMPTY_KEY_TIMES) };
  }
  out.events = mapRows(out.events, eventDefaults());
  out.imports = mapRows(out.imports, { errors: [], findings: [] });
  out.causes = mapRows(out.causes, {
    detail: '',
    category: null,
    evidenceEventIds: [],
    reviewState: 'open',
  });
  out.comments = mapRows(out.comments, {
    parentId: null,
    editedAt: null,
    resolved: false,
    resolvedAt: null,
    resolvedBy: null,
  });
  out.actions = mapRows(out.actions, {
    description: '',
    dueDate: null,
    statusReason: '',
    causeIds: [],
    ticketUrl: '',
    completedAt: null,
  });
  out.sections = mapRows(out.sections, { internalOnly: false, lexicalState: null });
  return out;
}

/**
 * v1 → v2: raw records are packed by column. A v1 block that does not parse stops the upgrade
 * with its JSON path (packing it would hide what is wrong).
 */
function upgradeV1(bundle: JsonObject): JsonObject | { error: string } {
  if (!Array.isArray(bundle.logBlocks)) return bundle;
  const blocks: unknown[] = [];
  for (const [i, block] of bundle.logBlocks.entries()) {
    const old = LogBlockV1.safeParse(block);
    if (!old.success) {
      const issues = old.error.issues.map((issue) => ({ ...issue, path: ['logBlocks', i, ...issue.path] }));
      return { error: `is not a valid Rootline bundle: ${formatIssues(issues)}` };
    }
    blocks.push(restoreLogBlock(block));
  }
  return { ...bundle, logBlocks: blocks };
}

/**
 * The chain, keyed by version. For the next version: give the last step an `upgrade`, add a
 * step with that version's defaults, and bump BUNDLE_VERSION. v2 only changed how raw records
 * are stored, so its defaults are v1's.
 */
const STEPS: Readonly<Record<number, VersionStep>> = {
  1: { fillDefaults: fillV1Defaults, upgrade: upgradeV1 },
  2: { fillDefaults: fillV1Defaults, upgrade: null },
};

/**
 * Brings a parsed bundle of any released version to the current shape, before the schema
 * parse (the idea of Excalidraw's `restore`): checks the format marker and version, runs the
 * upgrader chain, then fills defaults for fields that may be missing. Never throws; refuses
 * bundles from a newer Rootline. Error texts start lower-case so callers can prefix a file name.
 */
export function restoreBundle(raw: unknown): RestoreResult {
  if (!isObject(raw) || raw.format !== BUNDLE_FORMAT) {
    return { ok: false, error: `is not a Rootline bundle (no "format": "${BUNDLE_FORMAT}" marker)` };
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: 'has no valid bundle version ("version" must be a whole number from 1)' };
  }
  if (version > BUNDLE_VERSION) {
    return {
      ok: false,
      error:
        `was written by a newer Rootline (bundle version ${version}; this app reads up to ${BUNDLE_VERSION}).` +
        ' Update Rootline to open it.',
    };
  }
  let bundle: JsonObject = { ...raw };
  for (let v = version; v <= BUNDLE_VERSION; v++) {
    const step = STEPS[v];
    if (!step) return { ok: false, error: `uses bundle version ${v}, which this app cannot read` };
    bundle = step.fillDefaults(bundle);
    if (v === BUNDLE_VERSION) break;
    if (!step.upgrade) return { ok: false, error: `uses bundle version ${v}, which this app cannot upgrade` };
    const upgraded = step.upgrade(bundle);
    if ('error' in upgraded && typeof upgraded.error === 'string')
      return { ok: false, error: upgraded.error };
    bundle = { ...upgraded, version: v + 1 };
  }
  const notices: string[] = [];
  return { ok: true, bundle: repairZones(bundle, notices), fromVersion: version, notices };
}

/**
 * A zone this runtime does not know (a typo, a made-up name, or one newer than its time-zone
 * data) would make every view of the incident throw. It is replaced by UTC — the times
 * themselves are UTC and stay exact — and a notice says so.
 */
function repairZones(bundle: JsonObject, notices: string[]): JsonObject {
  const out = { ...bundle };
  const fix = (value: unknown, where: string, ok: (zone: string) => boolean): unknown => {
    if (typeof value !== 'string' || ok(value)) return value;
    notices.push(
      `${where} "${value.slice(0, 100)}" is not a time zone this app knows; times are shown in UTC`,
    );
    return 'UTC';
  };
  if (isObject(out.incident)) {
    const incident = { ...out.incident };
    incident.displayZone = fix(incident.displayZone, 'the display zone', isIanaZone);
    if (incident.secondaryZone !== null) {
      const second = fix(incident.secondaryZone, 'the second zone', isIanaZone);
      // Two UTC columns say nothing: a repaired second zone is dropped instead.
      incident.secondaryZone = second === incident.secondaryZone ? second : null;
    }
    out.incident = incident;
  }
  if (Array.isArray(out.imports)) {
    out.imports = out.imports.map((log: unknown, i) => {
      if (!isObject(log) || !isObject(log.options)) return log;
      const zone = fix(log.options.zone, `imports[${i}].options.zone`, isKnownZone);
      return zone === log.options.zone ? log : { ...log, options: { ...log.options, zone } };
    });
  }
  return out;
}
