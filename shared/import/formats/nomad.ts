import type { Attrs, EventKind, LogLevel } from '../../domain';
import type { ChangeInfo, ChangePhase, FormatDef, ParseContext } from '../types';
import { clip } from './attrs';
import { changeOf, target, timeOf } from './change';
import type { Json } from './json';
import { obj, text } from './json';
import { headLines, makeRecord } from './record';
import { jsonStreamParser } from './stream';

interface Meaning {
  kind: EventKind;
  message: string;
  level: LogLevel;
  phase?: ChangePhase | null;
  weight?: number;
  changeKind?: string;
  service: string | null;
  region: string | null;
  changeId?: string | null;
}

function latest(values: (number | null)[]): number | null {
  let best: number | null = null;
  for (const v of values) if (v !== null && (best === null || v > best)) best = v;
  return best;
}

/** The payload's own time: Nomad's envelope has none (ns times, RFC 3339 node events). */
function payloadTime(p: Json, ctx: ParseContext): number | null {
  const alloc = obj(p.Allocation);
  if (alloc !== null) {
    const times: (number | null)[] = [];
    const states = obj(alloc.TaskStates) ?? {};
    for (const k in states) {
      const events = obj(states[k])?.Events;
      if (Array.isArray(events)) for (const e of events) times.push(timeOf(obj(e)?.Time, ctx));
    }
    return latest(times) ?? timeOf(alloc.ModifyTime, ctx) ?? timeOf(alloc.CreateTime, ctx);
  }
  const node = obj(p.Node);
  if (node !== null) {
    const events = Array.isArray(node.Events) ? node.Events : [];
    return latest(events.map((e) => timeOf(obj(e)?.Timestamp, ctx))) ?? timeOf(node.StatusUpdatedAt, ctx);
  }
  const o = obj(p.Deployment) ?? obj(p.Evaluation) ?? obj(p.Job) ?? {};
  return timeOf(o.ModifyTime, ctx) ?? timeOf(o.SubmitTime, ctx) ?? timeOf(o.CreateTime, ctx);
}

function deployment(type: string, d: Json): Meaning {
  const job = text(d.JobID);
  const status = text(d.Status) ?? 'unknown';
  const desc = text(d.StatusDescription) ?? status;
  const base = {
    service: job,
    region: null,
    changeId: job === null ? null : `${job} v${text(d.JobVersion) ?? '?'}`,
  };
  const message = `Deployment of ${job ?? 'job'}: ${desc}`;
  if (type === 'DeploymentPromotion')
    return { ...base, kind: 'change', message, level: 'info', phase: 'step', weight: 100 };
  if (type !== 'DeploymentStatusUpdate') return { ...base, kind: 'log', message, level: 'info' };
  if (/roll(?:ing|ed)? back/i.test(desc))
    return { ...base, kind: 'mitigation', message, level: 'warn', phase: 'rolled-back' };
  switch (status) {
    case 'running':
      return { ...base, kind: 'change', message, level: 'info', phase: 'started' };
    case 'successful':
      return { ...base, kind: 'change', message, level: 'info', phase: 'completed' };
    case 'failed':
      return { ...base, kind: 'detection', message, level: 'warn', phase: 'failed' };
    default:
      return { ...base, kind: 'log', message, level: 'info' };
  }
}

function allocation(a: Json): Meaning {
  const job = text(a.JobID);
  const status = text(a.ClientStatus) ?? 'unknown';
  const group = text(a.TaskGroup);
  let last: string | null = null;
  let lastAt = -Infinity;
  const states = obj(a.TaskStates) ?? {};
  for (const k in states) {
    const events = obj(states[k])?.Events;
    if (!Array.isArray(events)) continue;
    for (const e of events) {
      const o = obj(e) ?? {};
      const t = Number(o.Time ?? 0);
      if (t >= lastAt) {
        lastAt = t;
        last = text(o.DisplayMessage) ?? text(o.Type);
      }
    }
  }
  const what = `Allocation of ${job ?? 'job'}${group === null ? '' : `.${group}`} ${status}`;
  const message = last === null ? what : `${what}: ${last}`;
  const failed = status === 'failed' || status === 'lost';
  return {
    kind: failed ? 'impact' : 'log',
    message,
    level: failed ? 'error' : 'info',
    service: job,
    region: text(obj(a.Job)?.Region),
  };
}

/** What one event means, by topic and type. */
function meaning(topic: string, type: string, p: Json): Meaning {
  if (topic === 'Deployment') return deployment(type, obj(p.Deployment) ?? {});
  if (topic === 'Allocation') return allocation(obj(p.Allocation) ?? {});
  if (topic === 'Job') {
    const j = obj(p.Job) ?? {};
    const id = text(j.ID) ?? text(j.Name);
    const version = text(j.Version) ?? '?';
    const base = { service: id, region: text(j.Region), changeId: id === null ? null : `${id} v${version}` };
    if (type === 'JobRegistered')
      return {
        ...base,
        kind: 'change',
        message: `Job ${id ?? ''} registered (version ${version})`,
        level: 'info',
        phase: 'started',
      };
    if (type === 'JobDeregistered')
      return {
        ...base,
        kind: 'change',
        message: `Job ${id ?? ''} deregistered (stopped)`,
        level: 'info',
        phase: null,
      };
    return { ...base, kind: 'log', message: `${type} ${id ?? ''}`.trim(), level: 'info' };
  }
  if (topic === 'Node') {
    const n = obj(p.Node) ?? {};
    const name = text(n.Name) ?? text(n.ID);
    const base = {
      service: name,
      region: text(n.Datacenter),
      changeId: name === null ? null : `drain ${name}`,
    };
    if (type === 'NodeDrain') {
      const draining = obj(n.DrainStrategy) !== null;
      return {
        ...base,
        kind: 'change',
        changeKind: 'infrastructure',
        message: `Node ${name ?? ''} ${draining ? 'drain started' : 'drain ended'}`,
        level: 'info',
        phase: draining ? 'started' : 'completed',
      };
    }
    const status = text(n.Status);
    return {
      ...base,
      kind: 'log',
      message: `${type} ${name ?? ''}${status === null ? '' : ` (${status})`}`,
      level: status === 'down' ? 'warn' : 'info',
    };
  }
  return { kind: 'log', message: `${topic} ${type}`, level: 'debug', service: null, region: null };
}

function nomadParser(ctx: ParseContext): ReturnType<NonNullable<FormatDef['lines']>> {
  let previous: number | null = null;
  // Deployments and allocations do not name the region: their job's registration did.
  const regions = new Map<string, string>();
  return jsonStreamParser(ctx, (value, lineNo, lineCtx) => {
    const o = obj(value);
    if (o === null) {
      lineCtx.sink.error(lineNo, 'expected an event stream frame: {"Index": …, "Events": […]}');
      return;
    }
    const events = o.Events;
    // `{}` frames are the stream's heartbeats.
    if (events === undefined || (Array.isArray(events) && events.length === 0)) {
      lineCtx.sink.skip(lineNo);
      return;
    }
    if (!Array.isArray(events)) {
      lineCtx.sink.error(lineNo, '"Events" is not a list');
      return;
    }
    events.forEach((item, i) => {
      const e = obj(item);
      if (e === null) {
        lineCtx.sink.error(lineNo, `event #${i + 1}: not an object`);
        return;
      }
      const payload = obj(e.Payload) ?? {};
      const own = payloadTime(payload, lineCtx);
      const at = own ?? lineCtx.capturedAt ?? previous;
      if (at === null) {
        lineCtx.sink.error(
          lineNo,
          `event #${i + 1}: no time in the payload and no capture time for the file`,
        );
        return;
      }
      previous = own ?? previous;
      const topic = text(e.Topic) ?? 'Event';
      const type = text(e.Type) ?? 'Event';
      const m = meaning(topic, type, payload);
      if (m.service !== null) {
        if (m.region !== null && topic === 'Job') regions.set(m.service, m.region);
        else if (m.region === null && topic !== 'Node') m.region = regions.get(m.service) ?? null;
      }
      const attrs: Attrs = { topic, type, key: text(e.Key), index: text(e.Index) ?? text(o.Index) };
      const ns = text(e.Namespace);
      if (ns !== null) attrs.namespace = ns;
      if (own === null)
        attrs.timeFrom =
          lineCtx.capturedAt === null || lineCtx.capturedAt === undefined ? 'previous record' : 'capture';
      const change: ChangeInfo | null =
        m.phase === undefined
          ? null
          : changeOf(
              m.changeId ?? null,
              m.changeKind ?? 'software',
              m.phase,
              target(m.service, m.region),
              m.message,
              m.weight ?? null,
            );
      lineCtx.sink.record(
        makeRecord(lineCtx, lineNo, at, clip(m.message, 2_000), {
          level: m.level,
          service: m.service,
          region: m.region,
          attrs,
          kindHint: m.kind,
          type: `${topic}.${type}`,
          change,
          timeFallback: own === null,
        }),
      );
    });
  });
}

/** HashiCorp Nomad event stream (`/v1/event/stream`, NDJSON frames). */
export const nomadFormat: FormatDef = {
  id: 'nomad-events',
  label: 'HashiCorp Nomad event stream (/v1/event/stream NDJSON)',
  mode: 'lines',
  detect(head) {
    const first = headLines(head, 3).join('\n');
    return /"Events"\s*:\s*\[/.test(first) && /"Topic"\s*:/.test(first) && /"Payload"/.test(first) ? 0.95 : 0;
  },
  lines: nomadParser,
};
