import type { Attrs, EventKind, LogLevel } from '../../domain';
import type { ChangeInfo, ChangePhase, FormatDef, ParseContext } from '../types';
import { clip } from './attrs';
import type { ChangeTarget } from './change';
import { changeOf, timeOf } from './change';
import type { Json } from './json';
import { obj, text } from './json';
import { makeRecord } from './record';
import { feedJsonDocument } from './stream';

/** Stage types that put new code or config on a cluster. */
const DEPLOY =
  /^(deploy|createServerGroup|cloneServerGroup|deployManifest|patchManifest|resizeServerGroup|deployCloudFormation|deployService)$/i;
/** Stage types that take a change back. */
const ROLLBACK = /^(rollbackCluster|rollbackServerGroup|undoRolloutManifest)$/i;
/** Stage types that judge a change: when they stop it, something was detected. */
const JUDGE = /(canary|kayenta|analysis|checkPreconditions|verify|monitor)/i;

/** What a stage hits: its clusters (app-stack-detail) per region, or a server group / manifest. */
function stageTargets(ctx: Json, app: string | null): ChangeTarget[] {
  const out: ChangeTarget[] = [];
  const clusters = Array.isArray(ctx.clusters) ? ctx.clusters : [];
  for (const c of clusters) {
    const o = obj(c) ?? {};
    const name = [text(o.application) ?? app, text(o.stack), text(o.freeFormDetails)]
      .filter((p) => p !== null)
      .join('-');
    const zones = obj(o.availabilityZones) ?? {};
    const regions = Object.keys(zones);
    const account = text(o.account) ?? text(ctx.account);
    if (regions.length === 0) out.push({ component: name, region: account, slice: null });
    for (const region of regions) out.push({ component: name, region, slice: null });
  }
  if (out.length > 0) return out;
  const name =
    text(ctx.cluster) ?? text(ctx.serverGroupName) ?? text(ctx.manifestName) ?? text(ctx.serverGroup) ?? app;
  const regions = Array.isArray(ctx.regions) ? ctx.regions.map(text).filter((r) => r !== null) : [];
  const region = text(ctx.region) ?? text(ctx.location) ?? text(ctx.namespace) ?? text(ctx.account);
  if (name === null) return [];
  return regions.length > 0
    ? regions.map((r) => ({ component: name, region: r, slice: null }))
    : [{ component: name, region, slice: null }];
}

function stageError(ctx: Json): string | null {
  const details = obj(obj(ctx.exception)?.details) ?? {};
  const errors = Array.isArray(details.errors) ? details.errors.map(text).filter((e) => e !== null) : [];
  return text(details.error) ?? (errors.length > 0 ? errors.join('; ') : null) ?? text(ctx.failureMessage);
}

interface Meaning {
  kind: EventKind;
  phase: ChangePhase | null;
  level: LogLevel;
  verb: string;
}

/** What the end of a stage means, by its type and status. */
function endMeaning(type: string, status: string, deploys: boolean): Meaning {
  const rollback = ROLLBACK.test(type);
  if (status === 'SUCCEEDED') {
    if (rollback) return { kind: 'mitigation', phase: 'rolled-back', level: 'info', verb: 'succeeded' };
    return deploys
      ? { kind: 'change', phase: 'completed', level: 'info', verb: 'succeeded' }
      : { kind: 'log', phase: null, level: 'info', verb: 'succeeded' };
  }
  if (status === 'TERMINAL') {
    // A deploy that fails is impact like every other deploy source's failure; a judging stage
    // that stops the pipeline detected something; any other stage failing is the pipeline's own.
    if (deploys) return { kind: 'impact', phase: 'failed', level: 'error', verb: 'failed' };
    if (JUDGE.test(type)) return { kind: 'detection', phase: null, level: 'warn', verb: 'failed' };
    return { kind: 'log', phase: null, level: 'error', verb: 'failed' };
  }
  if (status === 'CANCELED' || status === 'STOPPED')
    return deploys || rollback
      ? { kind: 'mitigation', phase: 'aborted', level: 'warn', verb: 'canceled' }
      : { kind: 'log', phase: null, level: 'warn', verb: 'canceled' };
  return { kind: 'log', phase: null, level: 'info', verb: status.toLowerCase() };
}

function mapExecution(x: Json, lineNo: number, ctx: ParseContext): void {
  const app = text(x.application);
  const pipeline = text(x.name) ?? text(x.pipelineConfigId) ?? 'pipeline';
  const id = text(x.id) ?? `${pipeline} ${text(x.startTime) ?? ''}`;
  const record = (
    at: number | null,
    message: string,
    m: Omit<Meaning, 'verb'>,
    extra: Attrs,
    targets: ChangeTarget[],
    type: string,
  ): void => {
    if (at === null) return;
    const change: ChangeInfo | null =
      m.phase === null ? null : changeOf(id, 'software', m.phase, targets, message);
    ctx.sink.record(
      makeRecord(ctx, lineNo, at, clip(message, 2_000), {
        level: m.level,
        service: app,
        region: targets[0]?.region ?? null,
        attrs: { execution: id, pipeline, ...extra },
        kindHint: m.kind,
        type,
        change,
      }),
    );
  };
  const startAt = timeOf(x.startTime, ctx) ?? timeOf(x.buildTime, ctx);
  if (startAt === null) {
    ctx.sink.error(lineNo, `execution ${id}: no startTime or buildTime`);
    return;
  }
  const trigger = obj(x.trigger) ?? {};
  const by = text(trigger.user) ?? text(trigger.type);
  record(
    startAt,
    `Pipeline ${pipeline} started${by === null ? '' : ` by ${by}`}`,
    { kind: 'log', phase: null, level: 'info' },
    {},
    [],
    'pipeline',
  );
  const stages = Array.isArray(x.stages) ? x.stages : [];
  for (const s of stages) {
    const st = obj(s);
    if (st === null) continue;
    const type = text(st.type) ?? 'stage';
    const name = text(st.name) ?? type;
    const status = (text(st.status) ?? 'NOT_STARTED').toUpperCase();
    const sc = obj(st.context) ?? {};
    const deploys = DEPLOY.test(type);
    const targets = deploys || ROLLBACK.test(type) ? stageTargets(sc, app) : [];
    const attrs: Attrs = { stage: name, stageType: type, status };
    const account = text(sc.account) ?? text(sc.credentials);
    if (account !== null) attrs.account = account;
    const where =
      targets.length === 0
        ? ''
        : ` on ${targets.map((t) => (t.region === null ? t.component : `${t.component} in ${t.region}`)).join(', ')}`;
    if (deploys)
      record(
        timeOf(st.startTime, ctx),
        `Stage ${name} started${where}`,
        { kind: 'change', phase: 'started', level: 'info' },
        attrs,
        targets,
        type,
      );
    else if (ROLLBACK.test(type))
      record(
        timeOf(st.startTime, ctx),
        `Stage ${name} started${where}`,
        { kind: 'mitigation', phase: null, level: 'info' },
        attrs,
        targets,
        type,
      );
    if (/manualJudgment/i.test(type) && status !== 'RUNNING') {
      const judged = text(sc.judgmentStatus) ?? status.toLowerCase();
      const who = text(st.lastModifiedBy) ?? text(obj(st.lastModified)?.user);
      record(
        timeOf(st.endTime, ctx),
        `Manual judgment ${name}: ${judged}${who === null ? '' : ` by ${who}`}`,
        { kind: 'response', phase: null, level: 'info' },
        attrs,
        [],
        type,
      );
      continue;
    }
    const m = endMeaning(type, status, deploys);
    const error = stageError(sc);
    record(
      timeOf(st.endTime, ctx),
      `Stage ${name} ${m.verb}${where}${error === null ? '' : `: ${error}`}`,
      m,
      attrs,
      targets,
      type,
    );
  }
  const status = (text(x.status) ?? 'UNKNOWN').toUpperCase();
  const end = endMeaning('pipeline', status, false);
  record(
    timeOf(x.endTime, ctx),
    `Pipeline ${pipeline} ${end.verb}`,
    { kind: 'log', phase: null, level: end.level },
    { status },
    [],
    'pipeline',
  );
}

/** Spinnaker pipeline executions (`/executions`, `/applications/{app}/pipelines` JSON). */
export const spinnakerFormat: FormatDef = {
  id: 'spinnaker',
  label: 'Spinnaker pipeline executions (JSON)',
  mode: 'document',
  detect(head) {
    if (!head.includes('"stages"') && !head.includes('"PIPELINE"')) return 0;
    return head.includes('"application"') && /"(PIPELINE|pipelineConfigId|buildTime)"/.test(head) ? 0.9 : 0;
  },
  document(doc, ctx) {
    feedJsonDocument(doc, ctx, (value, lineNo) => {
      const o = obj(value);
      if (o === null || (!Array.isArray(o.stages) && text(o.application) === null)) {
        ctx.sink.error(lineNo, 'expected a Spinnaker pipeline execution (with "application" and "stages")');
        return;
      }
      mapExecution(o, lineNo, ctx);
    });
  },
};
