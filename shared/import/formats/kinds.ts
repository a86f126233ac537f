import type { EventKind } from '../../domain';
import { nullProto } from '../../domain/lookup';
import type { ChangePhase } from '../types';

/** CDEvents types end in a version (`dev.cdevents.service.deployed.0.3.0`, `…0.6.0-draft`). */
const CD_VERSION = /\.\d+\.\d+\.\d+(?:-[\w.]+)?$/;

const CDEVENT_KINDS: Record<string, EventKind> = nullProto({
  'service.deployed': 'change',
  'service.upgraded': 'change',
  'service.rolledback': 'mitigation',
  'incident.detected': 'detection',
  'incident.reported': 'response',
  'incident.resolved': 'recovery',
});

/** Suffix table for orchestrator/monitoring CloudEvents types (any reverse-DNS prefix). */
const SUFFIX_KINDS: [string, EventKind][] = [
  ['deploy.started', 'change'],
  ['deploy.step', 'change'],
  ['config.changed', 'change'],
  ['flag.changed', 'change'],
  ['deploy.completed', 'change'],
  ['deploy.failed', 'impact'],
  ['health.degraded', 'impact'],
  ['health.recovered', 'recovery'],
  ['health.ok', 'log'],
  ['heartbeat', 'log'],
  ['alert.fired', 'detection'],
  ['alert.resolved', 'recovery'],
  ['incident.declared', 'response'],
  ['incident.resolved', 'response'],
  ['rollback.started', 'mitigation'],
  ['rollback.completed', 'mitigation'],
  ['status.posted', 'communication'],
];

function endsWithSegment(type: string, suffix: string): boolean {
  return (
    type === suffix || (type.endsWith(suffix) && type.charCodeAt(type.length - suffix.length - 1) === 46)
  );
}

/** Strips a CDEvents prefix and version: `dev.cdevents.service.deployed.0.3.0` → `service.deployed`. */
export function cdeventShortType(type: string): string | null {
  if (!type.startsWith('dev.cdevents.')) return null;
  return type.slice('dev.cdevents.'.length).replace(CD_VERSION, '');
}

/**
 * What an event type says about its meaning, or null to let keyword rules decide.
 * CDEvents use their own vocabulary (incident.resolved = recovery there).
 */
export function kindFromEventType(type: string | null): EventKind | null {
  if (type === null) return null;
  // Logs repeat a handful of types millions of times: classify each distinct type once.
  const cached = kindCache.get(type);
  if (cached !== undefined) return cached;
  const kind = kindOfType(type);
  if (kindCache.size < TYPE_CACHE_LIMIT) kindCache.set(type, kind);
  return kind;
}

const TYPE_CACHE_LIMIT = 10_000;
const kindCache = new Map<string, EventKind | null>();
const shortCache = new Map<string, string>();

function kindOfType(type: string): EventKind | null {
  const t = type.toLowerCase();
  const cd = cdeventShortType(t);
  if (cd !== null) return CDEVENT_KINDS[cd] ?? null;
  for (const [suffix, kind] of SUFFIX_KINDS) if (endsWithSegment(t, suffix)) return kind;
  if (t.startsWith('failover.') || t.includes('.failover.')) return 'mitigation';
  if (endsWithSegment(t, 'failed') || endsWithSegment(t, 'error')) return 'impact';
  return null;
}

/** The last two segments of a type, for readable messages (`com.x.deploy.started` → `deploy.started`). */
export function shortType(type: string): string {
  const cached = shortCache.get(type);
  if (cached !== undefined) return cached;
  const short = computeShortType(type);
  if (shortCache.size < TYPE_CACHE_LIMIT) shortCache.set(type, short);
  return short;
}

function computeShortType(type: string): string {
  const cd = cdeventShortType(type);
  if (cd !== null) return cd;
  const last = type.lastIndexOf('.');
  if (last <= 0) return type;
  const prev = type.lastIndexOf('.', last - 1);
  return prev < 0 ? type : type.slice(prev + 1);
}

const PHASE_SUFFIXES: [RegExp, ChangePhase][] = [
  [/(?:^|\.)(?:rolledback|rollback\.(?:completed|started))$/, 'rolled-back'],
  [/(?:^|\.)(?:started|start|queued)$/, 'started'],
  [/(?:^|\.)step$/, 'step'],
  [/(?:^|\.)(?:completed|finished|succeeded|deployed|upgraded|published)$/, 'completed'],
  [/(?:^|\.)(?:failed|error)$/, 'failed'],
  [/(?:^|\.)(?:aborted|cancelled|canceled)$/, 'aborted'],
];

/**
 * Where a change is by its event type (`….deploy.started` → started, `….deploy.step` → step,
 * `….completed` / CDEvents `service.deployed` → completed, `….failed` → failed), or null.
 */
export function phaseFromType(type: string | null): ChangePhase | null {
  if (type === null) return null;
  const t = (cdeventShortType(type.toLowerCase()) ?? type.toLowerCase()).replace(CD_VERSION, '');
  for (const [re, phase] of PHASE_SUFFIXES) if (re.test(t)) return phase;
  return null;
}
