import type { Attrs, EventKind, LogLevel } from '../../domain';
import { changeOf, target } from './change';
import type { ChangeInfo } from '../types';
import { parseTimeValue } from '../../time/parse';
import type { FormatDef, ParseContext } from '../types';
import { clip, flattenInto } from './attrs';
import type { Json } from './json';
import { notJson, obj, text, tryParse } from './json';
import { makeRecord, timeOptions } from './record';
import { jsonStreamParser } from './stream';

/*
 * Field access tolerates the all-lowercase column names of Athena's CloudTrail table
 * (`eventtime`, `useridentity.username`) so an UNLOAD … FORMAT JSON export reads too.
 */
function field(o: Json, name: string): unknown {
  const v = o[name];
  return v === undefined ? o[name.toLowerCase()] : v;
}

function str(o: Json | null, name: string): string | null {
  return o === null ? null : text(field(o, name));
}

/** A nested object, or one Athena stored as a JSON string (`requestparameters` is a string column). */
function nested(o: Json, name: string): Json | null {
  const v = field(o, name);
  if (typeof v !== 'string') return obj(v);
  const parsed = v.startsWith('{') ? tryParse(v) : null;
  return parsed?.ok === true ? obj(parsed.value) : null;
}

/** `readOnly` is a boolean in log files and a string in lookup-events and Athena output. */
function bool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  return v === 'true' ? true : v === 'false' ? false : null;
}

const READ_VERB = /^(?:Describe|Get|List|Head|Lookup)[A-Z]/;
const MUTATING_VERB =
  /^(?:Create|Update|Put|Delete|Modify|Start|Stop|Terminate|Reboot|Attach|Detach|Enable|Disable|Run|Deploy|Add|Remove|Set|Associate|Disassociate|Authorize|Revoke|Register|Deregister|Restore|Rotate|Reset|Replace|Import|Cancel|Tag|Untag)(?=[A-Z])/;
/* Server-side failures of AWS itself: these hurt even a read-only caller. */
const SERVER_FAULT = /^(?:Server\.|Internal|ServiceUnavailable|Unavailable|InsufficientInstanceCapacity)/i;

/** Resource-naming request parameters, most telling first (ECS `service` before `cluster`). */
const RESOURCE_KEYS = [
  'functionName bucketName roleName userName groupName policyName policyArn',
  'dBInstanceIdentifier dBClusterIdentifier autoScalingGroupName serviceName service',
  'clusterName cluster stackName tableName loadBalancerName targetGroupArn queueUrl topicArn',
  'secretId logGroupName ruleName alarmName alarmNames keyName keyId volumeId snapshotId',
  'imageId groupId vpcId subnetId distributionId hostedZoneId repositoryName stateMachineArn',
  'name resourceArn',
]
  .join(' ')
  .split(' ');

/** `arn:aws:iam::aws:policy/Admin` → `policy/Admin`; a queue URL → its last segment. */
function shortName(v: string): string {
  if (v.startsWith('arn:')) return v.split(':').slice(5).join(':') || v;
  if (v.startsWith('https://')) return v.slice(v.lastIndexOf('/') + 1) || v;
  return v;
}

function names(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const x of list) {
    const t = text(x);
    if (t !== null) out.push(clip(shortName(t), 80));
  }
  return out;
}

/** EC2 `instancesSet.items[].instanceId` (request for Start/Stop, response for RunInstances). */
function instanceIds(o: Json | null): string[] {
  const items = obj(o?.instancesSet)?.items;
  const ids = Array.isArray(items) ? items.flatMap((i) => names(obj(i)?.instanceId)) : [];
  return ids.length > 0 ? ids : names(o?.instanceIds ?? o?.instanceId);
}

function listText(values: string[]): string {
  const shown = values.slice(0, 3).join(', ');
  return values.length > 3 ? `${shown} +${values.length - 3} more` : shown;
}

/** The main resource(s) of a call, at most two, for the message; '' when none is obvious. */
function resourceOf(e: Json): string {
  const req = nested(e, 'requestParameters');
  const ids = instanceIds(req);
  const found: string[] = ids.length > 0 ? [listText(ids)] : [];
  for (const key of RESOURCE_KEYS) {
    if (found.length >= 2 || req === null) break;
    const v = names(req[key]);
    if (v.length > 0 && !found.includes(listText(v))) found.push(listText(v));
  }
  if (found.length === 0) {
    const created = instanceIds(nested(e, 'responseElements'));
    if (created.length > 0) found.push(listText(created));
  }
  const resources = field(e, 'Resources'); // lookup-events without CloudTrailEvent
  if (found.length === 0 && Array.isArray(resources))
    found.push(listText(resources.flatMap((r) => names(obj(r)?.ResourceName))));
  return found.join(', ');
}

/** Who made the call, short: user name, role/session, root, or the calling AWS service. */
function actorOf(ui: Json | null, arn: string | null): string | null {
  if (ui === null) return null;
  const assumed = arn?.match(/:assumed-role\/(.+)$/)?.[1];
  if (assumed !== undefined) return clip(assumed, 80);
  const type = str(ui, 'type');
  return (
    str(ui, 'userName') ??
    (type === 'Root' ? 'root' : null) ??
    str(ui, 'invokedBy') ??
    (arn === null ? null : clip(shortName(arn), 80)) ??
    str(ui, 'principalId')
  );
}

function num(v: unknown): string | null {
  return typeof v === 'number' && Number.isFinite(v) ? String(Math.round(v * 100) / 100) : null;
}

/** "CloudTrail Insight started: ApiCallRateInsight for ssm UpdateInstanceInformation — average 664 vs baseline 85.42". */
function insightMessage(d: Json, state: string | null, service: string | null): string {
  const what = [str(d, 'insightType') ?? 'Insight', 'for', service, str(d, 'eventName'), str(d, 'errorCode')]
    .filter((p) => p !== null)
    .join(' ');
  const stats = obj(obj(d.insightContext)?.statistics);
  const average = num(obj(stats?.insight)?.average);
  const baseline = num(obj(stats?.baseline)?.average);
  const duration = num(stats?.insightDuration);
  const detail = [
    average === null ? null : `average ${average}`,
    baseline === null ? null : `baseline ${baseline}`,
  ].filter((p) => p !== null);
  const lasted = duration === null ? '' : ` — lasted ${duration} min`;
  const verb = state === 'Start' ? 'started' : state === 'End' ? 'ended' : (state ?? 'reported');
  return `CloudTrail Insight ${verb}: ${what}${detail.length > 0 ? ` — ${detail.join(' vs ')}` : ''}${lasted}`;
}

/** EC2's "dry run would have succeeded" comes as an error code (`Client.DryRunOperation`). */
function isDryRun(errorCode: string | null): boolean {
  return errorCode !== null && errorCode.endsWith('DryRunOperation');
}

interface Meaning {
  kind: EventKind | null;
  level: LogLevel;
}

/*
 * Read-only calls are evidence (log, debug); successful writes are changes. Failed calls keep
 * level error but are NOT left to the keyword rules (which would make every one impact): client
 * errors — AccessDenied, TrailNotFoundException, ValidationException, throttling, and the
 * ResourceAlreadyExists that tooling triggers all day — change nothing and hurt no user, and a
 * single one would become the import's "impact start". They stay log (kept as evidence). Only
 * server faults (Server.InternalError, ServiceUnavailable, InsufficientInstanceCapacity) go to the
 * keyword rules — "failed" at level error makes them impact — as AWS itself is then hurting, reads
 * included. EC2's DryRunOperation means "would have succeeded": log. Data events (S3 PutObject,
 * Lambda Invoke) are traffic, not changes: log.
 */
function meaningOf(e: Json, eventName: string, errorCode: string | null): Meaning {
  const readOnly = bool(field(e, 'readOnly')) ?? READ_VERB.test(eventName);
  const eventType = str(e, 'eventType');
  const data = str(e, 'eventCategory') === 'Data' || bool(field(e, 'managementEvent')) === false;
  const quiet: LogLevel = readOnly ? 'debug' : 'info';
  if (eventType === 'AwsConsoleSignIn') {
    const result = str(nested(e, 'responseElements'), eventName);
    return { kind: 'log', level: errorCode !== null ? 'error' : result === 'Failure' ? 'warn' : 'info' };
  }
  if (isDryRun(errorCode)) return { kind: 'log', level: quiet };
  if (errorCode !== null) {
    return { kind: SERVER_FAULT.test(errorCode) ? null : 'log', level: 'error' };
  }
  if (readOnly || data) return { kind: 'log', level: quiet };
  // Service events (KMS key rotation…) are only changes when their name says so.
  if (eventType === 'AwsServiceEvent' && !MUTATING_VERB.test(eventName)) return { kind: 'log', level: quiet };
  return { kind: 'change', level: quiet };
}

/**
 * "StopInstances on ec2 by Alice — i-123", "UpdateTrail on cloudtrail by Alice failed: Code — why",
 * or for a console sign-in its result ("ConsoleLogin on signin by bob: Failure — Failed authentication").
 */
function callMessage(
  e: Json,
  head: string,
  signIn: string | null,
  errorCode: string | null,
  errorMessage: string | null,
): string {
  const why = errorMessage === null ? '' : ` — ${clip(errorMessage, 300)}`;
  if (errorCode !== null && !isDryRun(errorCode)) return `${head} failed: ${errorCode}${why}`;
  const result = signIn === null ? null : str(nested(e, 'responseElements'), signIn);
  if (result !== null) return `${head}: ${result}${why}`;
  const resource = resourceOf(e);
  return `${head}${errorCode === null ? '' : ' (dry run)'}${resource === '' ? '' : ` — ${resource}`}`;
}

function put(attrs: Attrs, key: string, v: string | boolean | null): void {
  if (v !== null) attrs[key] = typeof v === 'string' ? clip(v) : v;
}

/** Maps one CloudTrail record (log file, Lake/Athena row, or parsed lookup-events item). */
/**
 * A write call as a change on the resources it names (else its service), in its region: completed
 * when it succeeded (CloudTrail records the call after it returns), failed when the service
 * faulted. Reads, dry runs, sign-ins and client errors carry none.
 */
function changeOfCall(
  e: Json,
  m: Meaning,
  errorCode: string | null,
  service: string | null,
): ChangeInfo | null {
  const failed = errorCode !== null && m.kind === null;
  if (m.kind !== 'change' && !failed) return null;
  if (failed && (bool(field(e, 'readOnly')) ?? READ_VERB.test(str(e, 'eventName') ?? ''))) return null;
  const resource = resourceOf(e);
  return changeOf(
    str(e, 'requestID') ?? str(e, 'eventID'),
    'infrastructure',
    failed ? 'failed' : 'completed',
    target(resource === '' ? service : resource, str(e, 'awsRegion')),
    str(e, 'eventName'),
  );
}

function mapRecord(e: Json, label: string, lineNo: number, ctx: ParseContext, timeField = 'eventTime'): void {
  const time = field(e, 'eventTime');
  const at = time === undefined || time === null ? null : parseTimeValue(time, timeOptions(ctx));
  if (at === null) {
    ctx.sink.error(lineNo, `${label}: missing or unreadable "${timeField}"`);
    return;
  }
  const insight = nested(e, 'insightDetails');
  const source = str(e, 'eventSource') ?? str(insight, 'eventSource');
  const service = source === null ? null : source.replace(/\.amazonaws\.com$/, '');
  const eventType = str(e, 'eventType');
  const eventName = str(e, 'eventName');
  const ui = nested(e, 'userIdentity');
  const arn = str(ui, 'arn');
  const errorCode = str(e, 'errorCode');
  const errorMessage = str(e, 'errorMessage');
  const attrs: Attrs = {};
  put(attrs, 'eventID', str(e, 'eventID'));
  put(attrs, 'eventType', eventType);
  put(attrs, 'user', str(ui, 'userName') ?? arn ?? str(e, 'Username'));
  put(attrs, 'userType', str(ui, 'type'));
  put(attrs, 'sourceIP', str(e, 'sourceIPAddress'));
  put(attrs, 'userAgent', str(e, 'userAgent'));
  put(attrs, 'errorCode', errorCode);
  put(attrs, 'errorMessage', errorMessage);
  put(attrs, 'readOnly', bool(field(e, 'readOnly')));
  put(attrs, 'account', str(e, 'recipientAccountId') ?? str(ui, 'accountId'));
  put(attrs, 'requestID', str(e, 'requestID'));
  put(attrs, 'sharedEventID', str(e, 'sharedEventID'));

  let message: string;
  let m: Meaning;
  if (insight !== null || eventType === 'AwsCloudTrailInsight') {
    const d = insight ?? {};
    const state = str(d, 'state');
    // Flat `insight.*` keys: the state/type/call, then the statistics and attributions.
    for (const key in d) if (key !== 'insightContext') flattenInto(attrs, d[key], `insight.${key}`);
    flattenInto(attrs, obj(d.insightContext), 'insight');
    message = insightMessage(d, state, service);
    // An Insights pair brackets an unusual API call or error rate: it opens and closes an anomaly.
    const kind = state === 'Start' ? 'detection' : state === 'End' ? 'recovery' : null;
    m = { kind, level: state === 'Start' ? 'warn' : 'info' };
  } else {
    const name = eventName ?? eventType ?? 'event';
    const actor = actorOf(ui, arn) ?? str(e, 'Username');
    const head = `${name}${service === null ? '' : ` on ${service}`}${actor === null ? '' : ` by ${actor}`}`;
    message = callMessage(e, head, eventType === 'AwsConsoleSignIn' ? name : null, errorCode, errorMessage);
    m = meaningOf(e, name, errorCode);
  }
  ctx.sink.record(
    makeRecord(ctx, lineNo, at, clip(message, 2_000), {
      level: m.level,
      service,
      region: str(e, 'awsRegion'),
      attrs,
      kindHint: m.kind,
      type: eventName ?? eventType,
      change: changeOfCall(e, m, errorCode, service),
    }),
  );
}

/**
 * One `lookup-events` item: the embedded `CloudTrailEvent` JSON string is the full record;
 * the outer fields fill in when it is absent. An unreadable embedded string is an error.
 */
function mapLookupEvent(ev: Json, label: string, lineNo: number, ctx: ParseContext): void {
  const embedded = ev.CloudTrailEvent ?? null;
  const parsed =
    typeof embedded === 'string' ? tryParse(embedded) : { ok: true as const, value: embedded ?? {} };
  const inner = parsed.ok ? obj(parsed.value) : null;
  if (inner === null) {
    const why = parsed.ok ? 'not a JSON object' : notJson(embedded as string, parsed.error);
    ctx.sink.error(lineNo, `${label}: "CloudTrailEvent" is ${why}`);
    return;
  }
  const outer: Json = {
    eventTime: ev.EventTime,
    eventName: ev.EventName,
    eventSource: ev.EventSource,
    eventID: ev.EventId,
    readOnly: ev.ReadOnly,
    Username: ev.Username,
    Resources: ev.Resources,
  };
  mapRecord({ ...outer, ...inner }, label, lineNo, ctx, embedded === null ? 'EventTime' : 'eventTime');
}

function mapItem(item: unknown, label: string, lookup: boolean, lineNo: number, ctx: ParseContext): void {
  const e = obj(item);
  if (e === null) ctx.sink.error(lineNo, `${label}: not an object`);
  else if (lookup || 'CloudTrailEvent' in e || 'EventTime' in e) mapLookupEvent(e, label, lineNo, ctx);
  else mapRecord(e, label, lineNo, ctx);
}

function mapList(list: unknown[], noun: 'record' | 'event', lineNo: number, ctx: ParseContext): void {
  if (list.length === 0) ctx.sink.skip(lineNo);
  list.forEach((item, i) => {
    mapItem(item, `${noun} #${i + 1}`, noun === 'event', lineNo, ctx);
  });
}

/** One JSON value: `{"Records": [...]}`, `{"Events": [...]}`, an array, or a single record. */
function mapValue(value: unknown, lineNo: number, ctx: ParseContext): void {
  const o = obj(value);
  if (Array.isArray(value)) {
    mapList(value, 'record', lineNo, ctx);
  } else if (o === null) {
    ctx.sink.error(lineNo, 'expected a CloudTrail record, {"Records": [...]} or {"Events": [...]}');
  } else if (o.Records !== undefined || o.Events !== undefined) {
    const key = o.Records !== undefined ? 'Records' : 'Events';
    const list = o[key];
    if (Array.isArray(list)) mapList(list, key === 'Records' ? 'record' : 'event', lineNo, ctx);
    else ctx.sink.error(lineNo, `"${key}" is not a list`);
  } else {
    mapItem(o, 'record', false, lineNo, ctx);
  }
}

/** AWS CloudTrail: log files, bare arrays, JSON Lines (Lake/Athena/CloudWatch) and lookup-events. */
export const cloudtrailFormat: FormatDef = {
  id: 'cloudtrail',
  label: 'AWS CloudTrail events (log files, Event history, Lake/Athena JSON)',
  mode: 'lines',
  detect(head) {
    if (head.includes('"CloudTrailEvent"')) return 0.95;
    if (head.includes('"eventVersion"') && (head.includes('"eventSource"') || head.includes('"eventName"')))
      return 0.95;
    return 0;
  },
  lines(ctx) {
    return jsonStreamParser(ctx, mapValue);
  },
};
