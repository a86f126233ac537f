import type { Attrs, EventKind, LogLevel } from '../../domain';
import { parseTimeValue } from '../../time/parse';
import type { FormatDef, ParseContext } from '../types';
import { clip } from './attrs';
import type { Json } from './json';
import { obj, text } from './json';
import { makeRecord, timeOptions } from './record';
import { jsonStreamParser } from './stream';

/** What one GitHub object says, before its time and repository are attached. */
interface Parts {
  message: string;
  kind: EventKind;
  level: LogLevel;
  region: string | null;
  type: string;
  attrs: Attrs;
}

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

const STATUS_KINDS: Record<string, EventKind> = {
  success: 'change',
  failure: 'impact',
  error: 'impact',
  in_progress: 'change',
  queued: 'change',
  pending: 'change',
  inactive: 'log',
};

/* Conclusions that mean the run or job did not pass; `cancelled`/`skipped` are choices, not failures. */
const FAILED = new Set(['failure', 'timed_out', 'startup_failure', 'error']);

const ROLLBACK = /\broll(?:ed|ing)?[ -]?back\b|\brevert/i;

const login = (v: unknown): string | null => text(obj(v)?.login);
const short = (sha: string | null): string | null => (sha === null ? null : sha.slice(0, 7));
const branch = (ref: string | null): string | null => ref?.replace(/^refs\/(heads|tags)\//, '') ?? null;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `https://api.github.com/repos/owner/name/…` → `owner/name` (REST items carry only URLs). */
function repoFromUrl(v: unknown): string | null {
  const m = /\/repos\/([^/]+\/[^/]+)/.exec(text(v) ?? '');
  return m?.[1] ?? null;
}

/** Flat attrs without nulls; every value clipped. */
function attrsOf(pairs: Record<string, unknown>): Attrs {
  const out: Attrs = {};
  for (const [k, v] of Object.entries(pairs)) {
    const t = typeof v === 'boolean' ? v : text(v);
    if (t !== null) out[k] = typeof t === 'string' ? clip(t) : t;
  }
  return out;
}

function deploymentParts(d: Json, actor: string | null): Parts {
  const id = text(d.id);
  const sha = text(d.sha);
  const ref = text(d.ref);
  const env = text(d.environment);
  const by = login(d.creator) ?? actor;
  const what = ref !== null && ref !== sha ? `${ref} (${short(sha) ?? '?'})` : short(sha);
  const description = text(d.description);
  const message =
    `Deployment${id === null ? '' : ` ${id}`}${what === null ? '' : ` of ${what}`}` +
    `${env === null ? '' : ` to ${env}`}${by === null ? '' : ` by ${by}`}` +
    `${description === null ? '' : `: ${description}`}`;
  return {
    message,
    // A deployment that says it rolls back is the team undoing a change, not making one.
    kind: ROLLBACK.test(`${description ?? ''} ${text(d.task) ?? ''}`) ? 'mitigation' : 'change',
    level: 'info',
    region: env,
    type: 'deployment',
    attrs: attrsOf({ actor: by, sha, ref, environment: env, task: text(d.task), url: d.url, id }),
  };
}

function statusParts(s: Json, deployment: Json | null, actor: string | null): Parts {
  const state = text(s.state)?.toLowerCase() ?? 'unknown';
  const env = text(s.environment) ?? text(deployment?.environment);
  const depId =
    text(deployment?.id) ?? /\/deployments\/(\d+)/.exec(text(s.deployment_url) ?? '')?.[1] ?? null;
  const description = text(s.description);
  const target = env !== null ? ` to ${env}` : depId !== null ? ` ${depId}` : '';
  return {
    message: `Deployment${target}: ${state}${description === null ? '' : ` (${description})`}`,
    kind: STATUS_KINDS[state] ?? 'log',
    level: state === 'failure' || state === 'error' ? 'error' : 'info',
    region: env,
    type: 'deployment_status',
    attrs: attrsOf({
      actor: login(s.creator) ?? actor,
      sha: text(deployment?.sha),
      ref: text(deployment?.ref),
      environment: env,
      state,
      deployment: depId,
      url: text(s.target_url) ?? text(s.log_url) ?? text(s.environment_url) ?? s.url,
      id: s.id,
    }),
  };
}

function runParts(r: Json, workflowName: string | null, actor: string | null): Parts {
  const name = text(r.name) ?? workflowName ?? text(r.path)?.split('/').pop() ?? 'run';
  const status = text(r.status) ?? 'unknown';
  const conclusion = text(r.conclusion);
  const event = text(r.event);
  const ref = text(r.head_branch);
  const trigger = event === null ? '' : ` (${event}${ref === null ? '' : ` to ${ref}`})`;
  return {
    message: `Workflow ${name} ${status}${conclusion === null ? '' : `: ${conclusion}`}${trigger}`,
    kind: 'log',
    level: conclusion !== null && FAILED.has(conclusion) ? 'error' : 'info',
    region: null,
    type: 'workflow_run',
    attrs: attrsOf({
      actor: login(r.actor) ?? login(r.triggering_actor) ?? actor,
      sha: r.head_sha,
      ref,
      status,
      conclusion,
      event,
      url: text(r.html_url) ?? r.url,
      id: r.id,
    }),
  };
}

function jobParts(j: Json, actor: string | null): Parts {
  const name = text(j.name) ?? 'job';
  const status = text(j.status) ?? 'unknown';
  const conclusion = text(j.conclusion);
  // Only the failed step's name is used: step times may disagree with the job's own (they do in
  // GitHub's published example), so they never decide when the record happened.
  const steps = Array.isArray(j.steps) ? j.steps.map(obj) : [];
  const failed = steps.find((s) => s !== null && text(s.conclusion) === 'failure');
  const step = failed === undefined ? null : text(failed?.name);
  const message =
    conclusion === 'failure'
      ? `Job '${name}' failed${step === null ? '' : ` at step '${step}'`}`
      : conclusion !== null
        ? `Job '${name}' ${status}: ${conclusion}`
        : `Job '${name}' ${status}`;
  return {
    message,
    kind: 'log',
    level: conclusion !== null && FAILED.has(conclusion) ? 'error' : 'info',
    region: null,
    type: 'workflow_job',
    attrs: attrsOf({
      actor,
      sha: j.head_sha,
      ref: j.head_branch,
      status,
      conclusion,
      step,
      workflow: j.workflow_name,
      url: text(j.html_url) ?? j.url,
      id: j.id,
    }),
  };
}

/** Title and number of the issue or pull request an Events API payload is about. */
function about(p: Json, key: 'issue' | 'pull_request', into = ''): string {
  const item = obj(p[key]);
  const n = text(p.number) ?? text(item?.number);
  const title = text(item?.title);
  const noun = key === 'issue' && obj(item?.pull_request) === null ? 'issue' : 'pull request';
  return `${noun}${n === null ? '' : ` #${n}`}${into}${title === null ? '' : `: ${title}`}`;
}

/** An Events API / GH Archive event; deployment and workflow events reuse the webhook wording. */
function eventParts(type: string, p: Json, who: string): Parts {
  const action = text(p.action);
  const log = (message: string, extra: Record<string, unknown> = {}): Parts => ({
    message,
    kind: 'log',
    level: 'info',
    region: null,
    type,
    attrs: attrsOf({ actor: who, ...extra }),
  });
  const deployment = obj(p.deployment);
  switch (type) {
    case 'PushEvent': {
      const n = typeof p.size === 'number' ? p.size : Array.isArray(p.commits) ? p.commits.length : null;
      const to = branch(text(p.ref));
      return log(`${who} pushed ${n === null ? 'commits' : plural(n, 'commit')}${to ? ` to ${to}` : ''}`, {
        sha: p.head,
        ref: to,
      });
    }
    case 'CreateEvent':
    case 'DeleteEvent': {
      const what = `${text(p.ref_type) ?? 'ref'}${text(p.ref) === null ? '' : ` ${text(p.ref)}`}`;
      return log(`${who} ${type === 'CreateEvent' ? 'created' : 'deleted'} ${what}`, { ref: p.ref });
    }
    case 'ReleaseEvent': {
      const release = obj(p.release);
      const tag = text(release?.tag_name) ?? text(release?.name) ?? '';
      const parts = log(`${who} ${action ?? 'updated'} release ${tag}`.trim(), {
        ref: tag,
        url: release?.html_url,
      });
      return action === 'published' ? { ...parts, kind: 'change' } : parts;
    }
    case 'PullRequestEvent': {
      const pr = obj(p.pull_request);
      const base = text(obj(pr?.base)?.ref);
      const merged = action === 'closed' && pr?.merged === true;
      const extra = { ref: base, sha: pr?.merge_commit_sha, url: pr?.html_url };
      if (!merged) return log(`${who} ${action ?? 'updated'} ${about(p, 'pull_request')}`, extra);
      const into = base === null ? '' : ` into ${base}`;
      return { ...log(`${who} merged ${about(p, 'pull_request', into)}`, extra), kind: 'change' };
    }
    case 'DeploymentEvent':
      return { ...deploymentParts(deployment ?? {}, who), type };
    case 'DeploymentStatusEvent':
      return { ...statusParts(obj(p.deployment_status) ?? {}, deployment, who), type };
    case 'WorkflowRunEvent':
      return { ...runParts(obj(p.workflow_run) ?? {}, text(obj(p.workflow)?.name), who), type };
    case 'IssuesEvent':
      return log(`${who} ${action ?? 'updated'} ${about(p, 'issue')}`);
    case 'IssueCommentEvent':
      return log(`${who} commented on ${about(p, 'issue')}`);
    case 'PullRequestReviewEvent':
      return log(`${who} reviewed ${about(p, 'pull_request')}`);
    case 'PullRequestReviewCommentEvent':
      return log(`${who} commented on ${about(p, 'pull_request')}`);
    case 'ForkEvent':
      return log(`${who} forked the repository to ${text(obj(p.forkee)?.full_name) ?? 'a fork'}`);
    case 'WatchEvent':
      return log(`${who} starred the repository`);
    case 'MemberEvent':
      return log(`${who} ${action ?? 'changed'} member ${login(p.member) ?? ''}`.trim());
    default:
      return log(`${who} ${type}${action === null ? '' : ` ${action}`}`);
  }
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
  const extras = { level, region, attrs, kindHint: kind, type, service };
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
