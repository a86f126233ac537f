/* What GitHub deployments, statuses, workflow runs/jobs and Events API events say, as timeline
 * parts (message, kind, level, environment, attrs); github.ts attaches time and repository. */
import type { Attrs, EventKind, LogLevel } from '../../domain';
import { clip } from './attrs';
import type { Json } from './json';
import { obj, text } from './json';
import { nullProto } from '../../domain/lookup';
import type { ChangePhase } from '../types';

/** What one GitHub object says, before its time and repository are attached. */
export interface Parts {
  message: string;
  kind: EventKind;
  level: LogLevel;
  region: string | null;
  type: string;
  attrs: Attrs;
  /** A deployment's change: its id and phase (github.ts adds the repository/environment target). */
  change?: { id: string | null; phase: ChangePhase | null } | undefined;
}

/** Deployment status states → where the deployment is in its life. */
const STATUS_PHASES: Record<string, ChangePhase> = nullProto({
  queued: 'started',
  pending: 'started',
  in_progress: 'step',
  success: 'completed',
  failure: 'failed',
  error: 'failed',
});

const STATUS_KINDS: Record<string, EventKind> = nullProto({
  success: 'change',
  failure: 'impact',
  error: 'impact',
  in_progress: 'change',
  queued: 'change',
  pending: 'change',
  inactive: 'log',
});

/* Conclusions that mean the run or job did not pass; `cancelled`/`skipped` are choices, not failures. */
const FAILED = new Set(['failure', 'timed_out', 'startup_failure', 'error']);

const ROLLBACK = /\broll(?:ed|ing)?[ -]?back\b|\brevert/i;

export const login = (v: unknown): string | null => text(obj(v)?.login);
const short = (sha: string | null): string | null => (sha === null ? null : sha.slice(0, 7));
const branch = (ref: string | null): string | null => ref?.replace(/^refs\/(heads|tags)\//, '') ?? null;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `https://api.github.com/repos/owner/name/…` → `owner/name` (REST items carry only URLs). */
export function repoFromUrl(v: unknown): string | null {
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

export function deploymentParts(d: Json, actor: string | null): Parts {
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
  const rollback = ROLLBACK.test(`${description ?? ''} ${text(d.task) ?? ''}`);
  return {
    message,
    change: { id, phase: rollback ? 'rolled-back' : 'started' },
    // A deployment that says it rolls back is the team undoing a change, not making one.
    kind: rollback ? 'mitigation' : 'change',
    level: 'info',
    region: env,
    type: 'deployment',
    attrs: attrsOf({ actor: by, sha, ref, environment: env, task: text(d.task), url: d.url, id }),
  };
}

export function statusParts(s: Json, deployment: Json | null, actor: string | null): Parts {
  const state = text(s.state)?.toLowerCase() ?? 'unknown';
  const env = text(s.environment) ?? text(deployment?.environment);
  const depId =
    text(deployment?.id) ?? /\/deployments\/(\d+)/.exec(text(s.deployment_url) ?? '')?.[1] ?? null;
  const description = text(s.description);
  const target = env !== null ? ` to ${env}` : depId !== null ? ` ${depId}` : '';
  return {
    message: `Deployment${target}: ${state}${description === null ? '' : ` (${description})`}`,
    change:
      STATUS_PHASES[state] === undefined ? undefined : { id: depId, phase: STATUS_PHASES[state] ?? null },
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

export function runParts(r: Json, workflowName: string | null, actor: string | null): Parts {
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

export function jobParts(j: Json, actor: string | null): Parts {
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
export function eventParts(type: string, p: Json, who: string): Parts {
  const action = text(p.action);
  const log = (message: string, extra: Record<string, unknown> = nullProto({})): Parts => ({
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
