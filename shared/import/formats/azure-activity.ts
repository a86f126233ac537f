import type { Attrs, EventKind, LogLevel } from '../../domain';
import { changeOf, target } from './change';
import type { ChangePhase } from '../types';
import { parseTimeValue } from '../../time/parse';
import type { FormatDef, ParseContext } from '../types';
import { clip, flattenInto } from './attrs';
import type { Json } from './json';
import { obj, text } from './json';
import { levelFromValue } from './levels';
import { makeRecord, timeOptions } from './record';
import { jsonStreamParser } from './stream';
import { nullProto } from '../../domain/lookup';

/** One Activity Log event read into the names both schemas share. */
interface Activity {
  e: Json;
  props: Json;
  /** Lower case; the diagnostic schema's `Write`/`Delete`/`Action` read as `administrative`. */
  category: string;
  categoryLabel: string | null;
  op: string | null;
  opLabel: string | null;
  /** As shown (localizedValue); `statusKey` is the lower-case value compared against. */
  status: string | null;
  statusKey: string;
  subStatus: string | null;
  level: LogLevel | null;
  resourceId: string | null;
  resource: string | null;
  caller: string | null;
}

/** What the event says, in words and as a kind. */
interface Story {
  message: string;
  kind: EventKind | null;
  level: LogLevel | null;
  /** A write/delete/action on a resource: where that change is (from the status). */
  phase?: ChangePhase;
}

const WRITE_PHASES: Record<string, ChangePhase> = nullProto({
  started: 'started',
  accepted: 'started',
  succeeded: 'completed',
  failed: 'failed',
  canceled: 'aborted',
});

/** `{value, localizedValue}` (REST schema) or a plain string (diagnostic records). */
function value(v: unknown, localized = false): string | null {
  const o = obj(v);
  if (o === null) return text(v);
  return localized ? (text(o.localizedValue) ?? text(o.value)) : (text(o.value) ?? text(o.localizedValue));
}

// Diagnostic records write `resultType` in short forms; show and compare them like the REST status.
// (Maps, not object literals: a status or category named `constructor` must not find a prototype member.)
const STATUS_NAMES = new Map([
  ['success', 'Succeeded'],
  ['failure', 'Failed'],
  ['start', 'Started'],
]);

function statusName(s: string | null): string | null {
  return s === null ? null : (STATUS_NAMES.get(s.toLowerCase()) ?? s);
}

/** The last segment of an ARM resource id; null for a bare subscription id (no resource to name). */
function resourceName(id: string | null): string | null {
  if (id === null || !/\/(?:providers|resourcegroups)\//i.test(id)) return null;
  const parts = id.split('/').filter((p) => p.length > 0);
  return text(parts.at(-1));
}

/** Short resource type: `Microsoft.Compute/virtualMachines` → `virtualMachines`. */
function shortResourceType(e: Json, id: string | null): string | null {
  const type = value(e.resourceType);
  if (type !== null) return text(type.split('/').at(-1));
  const at = id === null ? -1 : id.toLowerCase().lastIndexOf('/providers/');
  if (id !== null && at >= 0) {
    const segs = id.slice(at + '/providers/'.length).split('/');
    if (segs.length >= 3) return text(segs[segs.length - 2]);
  }
  const provider = value(e.resourceProviderName);
  return provider === null ? null : text(provider.split('/')[0]?.replace(/^microsoft\./i, ''));
}

const CLAIMS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/';

/** REST `caller`; diagnostic records name the caller only in `identity.claims`. */
function callerOf(e: Json): string | null {
  const claims = obj(obj(e.identity)?.claims) ?? {};
  return text(e.caller) ?? text(claims[`${CLAIMS}upn`]) ?? text(claims[`${CLAIMS}name`]) ?? text(claims.name);
}

// Diagnostic records carry the bare category value; REST events bring their own localizedValue.
const LABELS = new Map([
  ['servicehealth', 'Service Health'],
  ['resourcehealth', 'Resource Health'],
]);

function read(e: Json): Activity {
  const category = (value(e.category) ?? '').toLowerCase();
  const resourceId = text(e.resourceId);
  const status = statusName(value(e.status, true) ?? text(e.resultType));
  const signature = text(e.resultSignature);
  const dot = signature === null ? -1 : signature.indexOf('.');
  return {
    e,
    props: obj(e.properties) ?? {},
    category:
      category === 'write' || category === 'delete' || category === 'action' ? 'administrative' : category,
    categoryLabel: text(obj(e.category)?.localizedValue) ?? LABELS.get(category) ?? value(e.category),
    op: value(e.operationName),
    opLabel: value(e.operationName, true),
    status,
    statusKey: (statusName(value(e.status) ?? text(e.resultType)) ?? '').toLowerCase(),
    subStatus:
      value(e.subStatus, true) ?? (signature !== null && dot > 0 ? text(signature.slice(dot + 1)) : null),
    level: levelFromValue(e.level),
    resourceId,
    resource: resourceName(resourceId),
    caller: callerOf(e),
  };
}

function isSevere(level: LogLevel | null): boolean {
  return level === 'error' || level === 'fatal';
}

/** `Microsoft.Network/networkSecurityGroups/write Succeeded on myNSG by rob@contoso.com`. */
function operationLine(a: Activity): string {
  const quiet = a.statusKey === 'succeeded' || a.statusKey === 'started';
  const sub = a.subStatus !== null && !quiet ? ` (${a.subStatus})` : '';
  const on = a.resource === null ? '' : ` on ${a.resource}`;
  const by = a.caller === null ? '' : ` by ${a.caller}`;
  return `${a.opLabel ?? 'operation'}${a.status === null ? '' : ` ${a.status}`}${sub}${on}${by}`;
}

/** A failed operation hurts only when Azure rated it Error/Critical; otherwise it is kept as a warning. */
function failure(a: Activity, message: string): Story {
  const severe = isSevere(a.level);
  return { message, kind: severe ? 'impact' : 'log', level: severe ? a.level : 'warn' };
}

// `listKeys/action`, `getAccessToken/action`… are reads spelled as actions.
const READ_ACTION = /^(?:list|get|read|check|validate)/i;

function administrative(a: Activity): Story {
  const segs = (a.op ?? '').toLowerCase().split('/');
  const verb = segs.at(-1) ?? '';
  const isRead = verb === 'read' || (verb === 'action' && READ_ACTION.test(segs.at(-2) ?? ''));
  const message = operationLine(a);
  if (isRead)
    return { message, kind: 'log', level: a.statusKey === 'failed' && !isSevere(a.level) ? 'warn' : a.level };
  const mutates = verb === 'write' || verb === 'delete' || verb === 'action';
  const phase = mutates ? WRITE_PHASES[a.statusKey] : undefined;
  if (a.statusKey === 'failed') return { ...failure(a, message), ...(phase === undefined ? {} : { phase }) };
  const done = a.statusKey === 'succeeded' || a.statusKey === 'started';
  const story: Story = { message, kind: mutates && done ? 'change' : 'log', level: a.level };
  return phase === undefined ? story : { ...story, phase };
}

/**
 * Service Health stays at `eventTimestamp` — when Azure posted this stage — because every update
 * of one incident repeats the same impactStartTime: moving them there would stack Active and
 * Resolved at the start and hide how late the notice came. The start is named in the message.
 */
function serviceHealth(a: Activity, at: number, ctx: ParseContext): Story {
  const p = a.props;
  const stage = (text(p.stage) ?? a.status ?? '').toLowerCase();
  const type = (text(p.incidentType) ?? 'incident').toLowerCase();
  const title = text(p.title) ?? text(p.defaultLanguageTitle);
  const head =
    text(a.e.description) ??
    ([text(p.stage) ?? a.status, title].filter((x) => x !== null).join(': ') || (a.opLabel ?? 'event'));
  let kind: EventKind = 'communication';
  if (type === 'incident' || type === 'security') {
    if (stage === 'active') kind = 'impact';
    else if (stage === 'resolved') kind = 'recovery';
  }
  const start = kind === 'impact' ? time(p.impactStartTime, ctx) : null;
  // Only when it says something: an impact that began at least a minute before the notice.
  const iso =
    start !== null && at - start >= 60_000 && start > -8.64e15 ? new Date(start).toISOString() : null;
  const since = iso === null ? '' : ` (impact since ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC)`;
  return { message: `${a.categoryLabel ?? 'Service Health'}: ${head}${since}`, kind, level: a.level };
}

function resourceHealth(a: Activity): Story {
  const p = a.props;
  const health = (text(p.currentHealthStatus) ?? text(p.healthStatus) ?? '').toLowerCase();
  const op = (a.op ?? '').toLowerCase();
  let kind: EventKind = 'log';
  if (health === 'unavailable' || health === 'degraded') kind = 'impact';
  else if (health === 'available' || a.statusKey === 'resolved' || op.includes('/resolved/'))
    kind = 'recovery';
  else if (isSevere(a.level) && op.includes('/activated/')) kind = 'impact';
  const cause = text(p.cause) ?? text(p.healthEventCause);
  const on = a.resource === null ? '' : ` on ${a.resource}`;
  const why = cause === null ? '' : ` (cause: ${cause})`;
  const title = text(p.title) ?? a.opLabel ?? 'health event';
  return { message: `${a.categoryLabel ?? 'Resource Health'}: ${title}${on}${why}`, kind, level: a.level };
}

function alert(a: Activity): Story {
  const p = a.props;
  const op = (a.op ?? '').toLowerCase();
  const rule = text(p.RuleName) ?? text(p.ruleName) ?? text(p.alertRule) ?? a.opLabel ?? 'rule';
  let kind: EventKind = 'log';
  if (a.statusKey === 'resolved' || op.includes('/resolved/')) kind = 'recovery';
  else if (a.statusKey === 'activated' || a.statusKey === 'active' || op.includes('/activated/'))
    kind = 'detection';
  const on = a.resource === null ? '' : ` on ${a.resource}`;
  return { message: `Alert ${rule}${a.status === null ? '' : ` ${a.status}`}${on}`, kind, level: a.level };
}

function autoscale(a: Activity): Story {
  const p = a.props;
  const dir = /\/scale(up|down)(?:result)?\//i.exec(a.op ?? '')?.[1]?.toLowerCase();
  const from = text(p.OldInstancesCount);
  const to = text(p.NewInstancesCount);
  const counts = from !== null && to !== null ? ` ${from} → ${to} instances` : '';
  const target = resourceName(text(p.ResourceName)) ?? a.resource;
  const on = target === null ? '' : ` on ${target}`;
  const status = a.statusKey === 'succeeded' || a.status === null ? '' : ` (${a.status})`;
  const message = `Autoscale ${dir === undefined ? (a.opLabel ?? 'action') : `scale ${dir}`}${counts}${on}${status}`;
  if (a.statusKey === 'failed') return failure(a, message);
  return { message, kind: dir === undefined ? 'log' : 'change', level: a.level };
}

/** Recommendation, Policy, Security and unknown categories: evidence, not story. */
function other(a: Activity, kind: EventKind | null): Story {
  const what = text(a.e.description) ?? operationLine(a);
  return { message: `${a.categoryLabel ?? 'Activity'}: ${what}`, kind, level: a.level };
}

const evidence = (a: Activity): Story => other(a, 'log');
const STORIES: Record<string, (a: Activity, at: number, ctx: ParseContext) => Story> = nullProto({
  administrative,
  servicehealth: serviceHealth,
  resourcehealth: resourceHealth,
  alert,
  autoscale,
  recommendation: evidence,
  policy: evidence,
  security: evidence,
});

function story(a: Activity, at: number, ctx: ParseContext): Story {
  const known = Object.hasOwn(STORIES, a.category) ? STORIES[a.category] : undefined;
  if (known !== undefined) return known(a, at, ctx);
  // No (or an unknown) category but an ARM operation name: read it as the operation it is.
  return /\/(?:write|delete|action|read)$/i.test(a.op ?? '') ? administrative(a) : other(a, null);
}

function time(v: unknown, ctx: ParseContext): number | null {
  return v === undefined || v === null || v === '' ? null : parseTimeValue(v, timeOptions(ctx));
}

// Service Health repeats the title and communication in these (1 KB each once clipped).
const SKIP_PROPS = new Set(['defaultLanguageTitle', 'defaultLanguageContent']);

function attrsOf(a: Activity): Attrs {
  const e = a.e;
  const attrs: Attrs = {};
  const put = (key: string, v: unknown): void => {
    if (typeof v === 'string' && v.trim().length > 0) attrs[key] = clip(v.trim());
    else if (typeof v === 'number' && Number.isFinite(v)) attrs[key] = v;
  };
  put('category', value(e.category));
  put('operation', a.op);
  put('status', a.status);
  put('subStatus', a.subStatus);
  put('correlationId', e.correlationId);
  put('caller', a.caller);
  put('resourceId', a.resourceId);
  put('eventDataId', e.eventDataId);
  put('resourceGroup', e.resourceGroupName);
  put('callerIpAddress', e.callerIpAddress);
  put('durationMs', e.durationMs);
  put('impactStartTime', a.props.impactStartTime);
  const rest: Json = {};
  for (const k in a.props) if (!SKIP_PROPS.has(k) && k !== 'impactStartTime') rest[k] = a.props[k];
  return flattenInto(attrs, rest, 'properties');
}

/** Maps one Activity Log event (REST/portal or diagnostic-settings record) to a record, or an error. */
function mapActivity(item: unknown, name: string, lineNo: number, ctx: ParseContext): void {
  const e = obj(item);
  if (e === null) {
    ctx.sink.error(lineNo, `${name}: not an object`);
    return;
  }
  // eventTimestamp wins (REST); diagnostic records only have `time`.
  const hasEventTime = e.eventTimestamp !== undefined && e.eventTimestamp !== null;
  const field =
    !hasEventTime && (e.time !== undefined || name.startsWith('record')) ? 'time' : 'eventTimestamp';
  const at = time(e[field], ctx);
  if (at === null) {
    ctx.sink.error(lineNo, `${name}: missing or unreadable "${field}"`);
    return;
  }
  const a = read(e);
  const s = story(a, at, ctx);
  const service = a.category === 'servicehealth' ? text(a.props.service) : shortResourceType(e, a.resourceId);
  const location = text(e.location);
  const region = text(a.props.region) ?? (location === null || location === 'global' ? null : location);
  ctx.sink.record(
    makeRecord(ctx, lineNo, at, clip(s.message, 10_000), {
      level: s.level,
      service: service === null ? null : clip(service, 200),
      region: region === null ? null : clip(region, 200),
      attrs: attrsOf(a),
      kindHint: s.kind,
      type: a.op,
      change:
        s.phase === undefined
          ? null
          : changeOf(
              text(e.correlationId) ?? text(e.operationId) ?? text(e.eventDataId),
              'infrastructure',
              s.phase,
              target(a.resource ?? a.resourceId, region),
              s.message,
            ),
    }),
  );
}

/**
 * Azure Activity Log: a JSON array of events, the REST list response `{"value": [...]}`,
 * diagnostic-settings exports `{"records": [...]}` (storage account / event hub), or any of
 * these one per line.
 */
export const azureActivityFormat: FormatDef = {
  id: 'azure-activity',
  label: 'Azure Activity Log (portal/REST export or diagnostic records)',
  mode: 'lines',
  detect(head) {
    const has = (k: string): boolean => head.includes(`"${k}"`);
    if (has('eventTimestamp') && (has('operationName') || has('eventDataId') || has('correlationId')))
      return 0.95;
    if (has('records') && has('resourceId') && has('operationName') && has('category')) return 0.95;
    // Portal/REST/`az monitor activity-log list` output sorts keys, and a long `claims` block can
    // push `eventTimestamp` past the detection head: its first keys are distinctive enough.
    if (has('channels') && has('caller') && (has('claims') || has('authorization'))) return 0.9;
    return 0;
  },
  lines(outer) {
    // Values fed one at a time (array elements, JSON lines) are numbered through the file.
    let seen = 0;
    return jsonStreamParser(outer, (v, lineNo, ctx) => {
      const o = obj(v);
      const records = o === null ? null : o.records;
      const list = Array.isArray(v) ? v : Array.isArray(records) ? records : o === null ? null : o.value;
      if (!Array.isArray(list)) {
        mapActivity(v, `event #${++seen}`, lineNo, ctx);
        return;
      }
      const noun = list === records ? 'record' : 'event';
      if (list.length === 0) ctx.sink.skip(lineNo);
      list.forEach((item, i) => mapActivity(item, `${noun} #${i + 1}`, lineNo, ctx));
    });
  },
};
