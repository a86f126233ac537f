import type { Attrs, EventKind, LogLevel } from '../../domain';
import type { ChangeInfo, ChangePhase, FormatDef, ParseContext } from '../types';
import { clip, flattenInto, safeJson } from './attrs';
import type { ChangeTarget } from './change';
import { changeOf, timeOf } from './change';
import type { Json } from './json';
import { obj, text } from './json';
import { headLines, makeRecord } from './record';
import { jsonStreamParser } from './stream';

/** `arn:aws:ec2:eu-west-1:123:instance/i-0abc` → the resource (`i-0abc`) and its region. */
function arnTarget(arn: string): ChangeTarget {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return { component: arn, region: null, slice: null };
  const resource = parts.slice(5).join(':');
  const slash = resource.lastIndexOf('/');
  return {
    component: slash >= 0 ? resource.slice(slash + 1) : resource,
    region: parts[3] || null,
    slice: null,
  };
}

function firstText(o: Json): string | null {
  for (const k in o) {
    const t = text(o[k]);
    if (t !== null) return t;
  }
  return null;
}

/** `resolved_targets`: `[{field, value}]` or plain ARNs / names. */
function resolvedTargets(v: unknown): ChangeTarget[] {
  if (!Array.isArray(v)) return [];
  const out: ChangeTarget[] = [];
  for (const item of v) {
    const o = obj(item);
    const value = o === null ? text(item) : (text(o.arn) ?? text(o.value) ?? firstText(o));
    if (value !== null) out.push(arnTarget(value));
  }
  return out;
}

interface Meaning {
  kind: EventKind;
  phase: ChangePhase | null;
  message: string;
  level: LogLevel;
}

/** What each log_type means. An experiment's failure is the tool's, not the customer's. */
function meaning(logType: string | null, d: Json, expId: string): Meaning {
  const action = text(d.action_name) ?? text(d.action_id) ?? 'action';
  const actionState = obj(d.action_state) ?? {};
  const expState = obj(d.experiment_state) ?? {};
  const reason = text(actionState.reason) ?? text(expState.reason);
  const err = obj(d.error_information);
  const because = reason === null ? '' : `: ${reason}`;
  switch (logType) {
    case 'experiment-start':
      return { kind: 'change', phase: 'started', message: `Experiment ${expId} started`, level: 'info' };
    case 'action-start':
      return { kind: 'change', phase: 'started', message: `Fault ${action} started`, level: 'info' };
    case 'action-end':
      return {
        kind: 'mitigation',
        phase: 'completed',
        message: `Fault ${action} ended${because}`,
        level: 'info',
      };
    case 'action-error': {
      const detail = text(d.error_information) ?? text(err?.message) ?? reason ?? 'error';
      return { kind: 'log', phase: null, message: `Fault ${action} errored: ${detail}`, level: 'error' };
    }
    case 'experiment-end': {
      const status = text(expState.status) ?? 'ended';
      // A stop condition is an alarm that saw the system suffer: a detection.
      if (/stop condition/i.test(reason ?? ''))
        return {
          kind: 'detection',
          phase: 'aborted',
          message: `Experiment ${expId} stopped${because}`,
          level: 'warn',
        };
      if (status === 'failed')
        return { kind: 'log', phase: null, message: `Experiment ${expId} failed${because}`, level: 'error' };
      return {
        kind: 'mitigation',
        phase: 'completed',
        message: `Experiment ${expId} ${status}${because}`,
        level: 'info',
      };
    }
    default: {
      const name = text(d.target_name);
      const what = (logType ?? 'log').replace(/-/g, ' ');
      return { kind: 'log', phase: null, message: name === null ? what : `${what}: ${name}`, level: 'info' };
    }
  }
}

/** Reads AWS FIS experiment logs (schema v2, one JSON record per line as CloudWatch/S3 deliver). */
function fisParser(ctx: ParseContext): ReturnType<NonNullable<FormatDef['lines']>> {
  // Targets resolved per experiment and target name, so an action knows what it hits.
  const resolved = new Map<string, ChangeTarget[]>();
  const actionHits = new Map<string, ChangeTarget[]>();
  return jsonStreamParser(ctx, (value, lineNo, lineCtx) => {
    const o = obj(value);
    if (o === null) {
      lineCtx.sink.error(lineNo, 'expected an FIS experiment log record (a JSON object)');
      return;
    }
    const at = timeOf(o.event_timestamp, lineCtx);
    if (at === null) {
      lineCtx.sink.error(lineNo, 'no readable "event_timestamp"');
      return;
    }
    const expId = text(o.id) ?? 'experiment';
    const logType = text(o.log_type);
    const d = obj(o.details) ?? {};
    const targetName = text(d.target_name);
    if (logType === 'target-resolution-detail' && targetName !== null) {
      const key = `${expId}\u0000${targetName}`;
      resolved.set(key, [...(resolved.get(key) ?? []), ...resolvedTargets(d.resolved_targets)]);
    }
    const m = meaning(logType, d, expId);
    let targets: ChangeTarget[] = [];
    const actionTargets = obj(d.action_targets);
    if (actionTargets !== null)
      for (const k in actionTargets) {
        const name = text(actionTargets[k]);
        if (name !== null) targets.push(...(resolved.get(`${expId}\u0000${name}`) ?? []));
      }
    if (targets.length === 0 && logType?.startsWith('target-resolution') === true)
      targets = resolvedTargets(d.resolved_targets);
    // An action's end and errors name no targets: they are the ones its start resolved.
    const actionKey = `${expId}\u0000${text(d.action_id) ?? ''}`;
    if (logType === 'action-start') actionHits.set(actionKey, targets);
    else if (targets.length === 0 && logType?.startsWith('action-') === true)
      targets = actionHits.get(actionKey) ?? [];
    const change: ChangeInfo | null =
      m.phase === null
        ? null
        : changeOf(expId, 'fault-injection', m.phase, targets, text(d.experiment_template_id) ?? m.message);
    const attrs: Attrs = { logType, experiment: expId, version: text(o.version) };
    flattenInto(attrs, d, 'details');
    if (Array.isArray(d.resolved_targets))
      attrs['details.resolved_targets'] = clip(safeJson(d.resolved_targets));
    const first = targets[0];
    lineCtx.sink.record(
      makeRecord(lineCtx, lineNo, at, m.message, {
        level: m.level,
        service: first?.component ?? expId,
        region: first?.region ?? null,
        attrs,
        kindHint: m.kind,
        type: logType,
        change,
        injected: true,
      }),
    );
  });
}

/** AWS Fault Injection Service experiment logs (log schema version 2). Every record is injected. */
export const fisFormat: FormatDef = {
  id: 'aws-fis',
  label: 'AWS Fault Injection Service experiment logs',
  mode: 'lines',
  detect(head) {
    const first = headLines(head, 3).join('\n');
    return first.includes('"log_type"') &&
      first.includes('"event_timestamp"') &&
      /"(experiment|action|target-resolution)-/.test(first)
      ? 0.95
      : 0;
  },
  lines: fisParser,
};
