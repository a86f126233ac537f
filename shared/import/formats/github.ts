import { parseTimeValue } from '../../time/parse';
import { changeOf, target } from './change';
import type { FormatDef, ParseContext } from '../types';
import { clip } from './attrs';
import type { Json } from './json';
import { obj, text } from './json';
import { makeRecord, timeOptions } from './record';
import { jsonStreamParser } from './stream';
import {
  deploymentParts,
  login,
  eventParts,
  jobParts,
  repoFromUrl,
  runParts,
  statusParts,
  type Parts,
} from './github-parts';

/** Where an object sits: its line, and the payload's repository and sender to fill what it lacks. */
interface Scope {
  ctx: ParseContext;
  line: number;
  repo: string | null;
  actor: string | null;
  /** Names the object in errors (`deployment`, `PushEvent`); runs and jobs add their own noun, so
   * for them it is only a list position (` #2`) or empty. */
  label: string;
}

function readTime(o: Json, fields: readonly string[], ctx: ParseContext): number | null {
  for (const f of fields) {
    const v = o[f];
    const at = v === undefined || v === null || v === '' ? null : parseTimeValue(v, timeOptions(ctx));
    if (at !== null) return at;
  }
  return null;
}

/** Emits `parts` at the first readable time among `fields` of `o`, or an error naming the first field. */
function emit(o: Json, fields: readonly string[], parts: Parts, s: Scope): void {
  const at = readTime(o, fields, s.ctx);
  if (at === null) {
    const id = text(o.id);
    const name = `${s.label}${id === null ? '' : ` (id ${clip(id, 40)})`}`;
    s.ctx.sink.error(s.line, `${name}: missing or unreadable "${fields[0] ?? 'created_at'}"`);
    return;
  }
  const { message, kind, level, region, type } = parts;
  const service = s.repo ?? repoFromUrl(o.repository_url ?? o.url ?? o.deployment_url);
  const attrs = service === null ? parts.attrs : { repo: service, ...parts.attrs };
  const change =
    parts.change === undefined
      ? null
      : changeOf(parts.change.id, 'software', parts.change.phase, target(service, region), message);
  const extras = { level, region, attrs, kindHint: kind, type, service, change };
  s.ctx.sink.record(makeRecord(s.ctx, s.line, at, clip(message, 10_000), extras));
}

function emitRun(r: Json, workflow: string | null, s: Scope): void {
  // A run has no completed_at: updated_at is when it concluded, so a failure sits where it became
  // known rather than where the run began; runs still going are placed at their start.
  const done = text(r.status) === 'completed';
  const fields = done
    ? ['updated_at', 'run_started_at', 'created_at']
    : ['run_started_at', 'created_at', 'updated_at'];
  const repo = s.repo ?? text(obj(r.repository)?.full_name);
  emit(r, fields, runParts(r, workflow, s.actor), { ...s, repo, label: 'workflow run' + s.label });
}

function emitJob(j: Json, s: Scope): void {
  const done = text(j.status) === 'completed';
  const fields = done ? ['completed_at', 'started_at'] : ['started_at', 'created_at'];
  emit(j, fields, jobParts(j, s.actor), { ...s, label: 'workflow job' + s.label });
}

/** Items of a REST list (`workflow_runs`, `jobs`); errors name the item by its position. */
function eachOf(list: unknown[], s: Scope, fn: (o: Json, item: Scope) => void): void {
  if (list.length === 0) s.ctx.sink.skip(s.line);
  list.forEach((item, i) => {
    const o = obj(item);
    if (o === null) s.ctx.sink.error(s.line, `item #${i + 1}: not an object`);
    else fn(o, { ...s, label: ` #${i + 1}` });
  });
}

/** One JSON value of the file: a webhook payload, REST item or list, or an Events API event. */
function mapValue(value: unknown, line: number, ctx: ParseContext): void {
  if (Array.isArray(value)) {
    if (value.length === 0) ctx.sink.skip(line);
    for (const v of value) mapValue(v, line, ctx);
    return;
  }
  const o = obj(value);
  if (o === null) {
    ctx.sink.error(line, 'expected a GitHub payload, REST object or Events API event (a JSON object)');
    return;
  }
  const type = text(o.type);
  const payload = obj(o.payload);
  if (type !== null && type.endsWith('Event') && payload !== null) {
    const who = login(o.actor) ?? 'someone';
    const s: Scope = { ctx, line, repo: text(obj(o.repo)?.name), actor: who, label: type };
    emit(o, ['created_at'], eventParts(type, payload, who), s);
    return;
  }
  const s: Scope = { ctx, line, repo: text(obj(o.repository)?.full_name), actor: login(o.sender), label: '' };
  const status = obj(o.deployment_status);
  const deployment = obj(o.deployment);
  const job = obj(o.workflow_job);
  const run = obj(o.workflow_run);
  if (status !== null) {
    const parts = statusParts(status, deployment, s.actor);
    emit(status, ['created_at', 'updated_at'], parts, { ...s, label: 'deployment status' });
  } else if (deployment !== null) {
    emit(deployment, ['created_at'], deploymentParts(deployment, s.actor), { ...s, label: 'deployment' });
  } else if (job !== null) emitJob(job, s);
  else if (run !== null) emitRun(run, text(obj(o.workflow)?.name), s);
  else if (Array.isArray(o.workflow_runs)) eachOf(o.workflow_runs, s, (r, item) => emitRun(r, null, item));
  else if (Array.isArray(o.jobs)) eachOf(o.jobs, s, emitJob);
  else mapRestItem(o, s);
}

/** A bare REST item (an element of a deployments, statuses or runs list), or a clear error. */
function mapRestItem(o: Json, s: Scope): void {
  if (typeof o.state === 'string' && ('deployment_url' in o || 'target_url' in o || 'log_url' in o)) {
    emit(o, ['created_at', 'updated_at'], statusParts(o, null, null), { ...s, label: 'deployment status' });
  } else if (typeof o.sha === 'string' && 'environment' in o) {
    emit(o, ['created_at'], deploymentParts(o, null), { ...s, label: 'deployment' });
  } else if ('workflow_id' in o && 'head_sha' in o) emitRun(o, null, s);
  else if ('run_id' in o && ('steps' in o || 'started_at' in o)) emitJob(o, s);
  else {
    const keys = Object.keys(o).slice(0, 6).join(', ');
    const what =
      'sender' in o && 'repository' in o
        ? 'a GitHub webhook payload of an unsupported event'
        : 'not a GitHub object';
    s.ctx.sink.error(
      s.line,
      `${what} (keys: ${clip(keys, 120) || 'none'}); expected a deployment, deployment_status, workflow_run or ` +
        'workflow_job payload, a REST deployment/status/run/job, or an Events API event',
    );
  }
}

/* An Events API / GH Archive object: its type, actor and repo come first, created_at can sit past the head. */
const EVENT_TYPE = /"type"\s*:\s*"[A-Za-z]+Event"/;
const PAYLOAD_KEY = /"(deployment_status|workflow_run|workflow_job)"\s*:\s*\{/;

/** GitHub deployments, deployment statuses, workflow runs/jobs and repository events. */
export const githubFormat: FormatDef = {
  id: 'github',
  label: 'GitHub deployments, workflow runs and events (webhooks, REST, GH Archive)',
  mode: 'lines',
  detect(head) {
    if (PAYLOAD_KEY.test(head) || head.includes('"workflow_runs"')) return 0.95;
    if (/"jobs"\s*:\s*\[/.test(head) && head.includes('"run_id"')) return 0.9;
    if (/"deployment"\s*:\s*\{/.test(head) && head.includes('"environment"') && head.includes('"sha"'))
      return 0.93;
    if (EVENT_TYPE.test(head) && head.includes('"actor"') && head.includes('"repo"')) return 0.92;
    // A REST deployments list or statuses list: API URLs name them.
    if (/api\.github\.com\/repos\/[^"]*\/deployments\/\d+/.test(head)) return 0.9;
    // A webhook payload whose telling key sorts after `organization`/`repository` (GitHub's own
    // examples are alphabetical) and so lies beyond the head: an `action` plus GitHub API URLs.
    if (/^\s*\{\s*"action"\s*:/.test(head) && head.includes('https://api.github.com/')) return 0.8;
    return 0;
  },
  lines(ctx) {
    return jsonStreamParser(ctx, mapValue);
  },
};
