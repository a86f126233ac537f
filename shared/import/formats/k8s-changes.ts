import type { EventKind } from '../../domain';
import type { ChangeInfo, ChangePhase } from '../types';
import { changeOf, isoId, target, weightIn } from './change';
import { chaosMeaning } from './k8s-chaos';

/** The parts of a Kubernetes event (or Flux notification) the change rules read. */
export interface ObjectEvent {
  at: number;
  kind: string | null;
  apiVersion: string | null;
  name: string | null;
  namespace: string | null;
  reason: string | null;
  note: string;
  warning: boolean;
  /** Flux's revision annotation/metadata (`main@sha1:…`, a chart version). */
  revision: string | null;
}

/** What an event on a rollout/GitOps/chaos object means, beyond the generic event rules. */
export interface EventMeaning {
  kindHint: EventKind;
  change: ChangeInfo | null;
  injected: boolean;
}

type Rule = (e: ObjectEvent, run: RunIds) => EventMeaning | null;

/** Per-object run ids: each rollout of an object gets one id shared by its steps. */
class RunIds {
  private readonly ids = new Map<string, string>();
  key(e: ObjectEvent): string {
    return `${e.kind ?? ''}/${e.namespace ?? ''}/${e.name ?? ''}`;
  }
  /** Starts a run: `label` (a revision) when known, else the start time. */
  start(e: ObjectEvent, label: string | null): string {
    const id = `${e.kind ?? 'object'}/${e.name ?? ''} ${label ?? isoId(e.at)}`;
    this.ids.set(this.key(e), id);
    return id;
  }
  current(e: ObjectEvent): string {
    return this.ids.get(this.key(e)) ?? this.start(e, null);
  }
}

function mean(
  kindHint: EventKind,
  e: ObjectEvent,
  id: string | null,
  phase: ChangePhase | null,
  weight: number | null = null,
  slice: string | null = null,
): EventMeaning {
  const change =
    id === null ? null : changeOf(id, 'software', phase, target(e.name, null, slice), e.note || null, weight);
  return { kindHint, change, injected: false };
}

const REVISION = /revision\s+(\d+)/i;
const SCALED =
  /Scaled (up|down) (?:replica set|ReplicaSet) (\S+?)(?: \(revision (\d+)\))? (?:from \d+ )?to (\d+)/;

/** Deployment and Rollout `ScalingReplicaSet`: a step, with the replica set and its count. */
const scaling: Rule = (e, run) => {
  if (e.reason !== 'ScalingReplicaSet') return null;
  const m = SCALED.exec(e.note);
  if (m === null) return null;
  const id =
    m[1] === 'up' ? run.start(e, m[3] === undefined ? (m[2] ?? null) : `revision ${m[3]}`) : run.current(e);
  return mean('change', e, id, 'step', null, `${m[2] ?? ''}=${m[4] ?? ''}`);
};

/** Argo Rollouts controller reasons (events on `Rollout`, conditions of its status). */
const rollout: Rule = (e, run) => {
  const rev = REVISION.exec(e.note)?.[1];
  switch (e.reason) {
    case 'RolloutUpdated':
    case 'NewReplicaSetCreated':
      return mean('change', e, run.start(e, rev === undefined ? null : `revision ${rev}`), 'started');
    case 'RolloutStepCompleted':
    case 'SetWeight':
    case 'TrafficWeightUpdated':
    case 'SetCanaryScale':
      return mean('change', e, run.current(e), 'step', weightIn(e.note));
    case 'RolloutCompleted':
    case 'RolloutPromoted':
      return mean('change', e, run.current(e), e.reason === 'RolloutCompleted' ? 'completed' : 'step');
    case 'RolloutAborted':
      return mean('mitigation', e, run.current(e), 'aborted');
    case 'AnalysisRunFailed':
    case 'AnalysisRunError':
    case 'AnalysisRunInconclusive':
      return mean('detection', e, null, null);
    case 'ProgressDeadlineExceeded':
    case 'RolloutTimedOut':
      return mean('detection', e, run.current(e), 'failed');
    default:
      return null;
  }
};

/** Flagger writes reason `Synced` for everything: the message says what happened. */
const flagger: Rule = (e, run) => {
  const n = e.note;
  if (/^New revision detected/i.test(n)) return mean('change', e, run.start(e, null), 'started');
  if (/^Advance .*canary (?:weight|iteration)/i.test(n) || /^Starting canary analysis/i.test(n))
    return mean('change', e, run.current(e), 'step', weightIn(n));
  if (/^Copying .* template spec/i.test(n)) return mean('change', e, run.current(e), 'step', 100);
  if (/^Promotion completed/i.test(n)) return mean('change', e, run.current(e), 'completed', 100);
  if (/^Rolling back/i.test(n)) return mean('detection', e, run.current(e), 'failed');
  if (/^Canary failed/i.test(n)) return mean('mitigation', e, run.current(e), 'rolled-back', 0);
  if (/^Halt .*advancement/i.test(n) && e.warning && !/waiting/i.test(n))
    return mean('detection', e, null, null);
  return null;
};

const FLUX_APPLIED = /(?:Applied revision|Helm (?:install|upgrade) succeeded)/i;

/** Flux kustomize-/helm-controller reasons on Kustomization and HelmRelease. */
const flux: Rule = (e, run) => {
  const id = (): string => run.start(e, e.revision);
  switch (e.reason) {
    case 'Progressing':
      return /\b(configured|created|deleted)\b/.test(e.note) ? mean('change', e, id(), 'started') : null;
    case 'ReconciliationSucceeded':
    case 'InstallSucceeded':
    case 'UpgradeSucceeded':
      return FLUX_APPLIED.test(e.note) || e.reason !== 'ReconciliationSucceeded'
        ? mean('change', e, id(), 'completed')
        : mean('log', e, null, null);
    case 'ReconciliationFailed':
    case 'HealthCheckFailed':
    case 'InstallFailed':
    case 'UpgradeFailed':
    case 'TestFailed':
      return mean('detection', e, id(), 'failed');
    case 'RollbackSucceeded':
    case 'UninstallSucceeded':
      return mean('mitigation', e, id(), 'rolled-back');
    default:
      return null;
  }
};

const SYNC_TO = /\bto\s+'?([^\s']+)'?/;

/** Argo CD application controller events on `Application`. */
const argocd: Rule = (e, run) => {
  const rev = SYNC_TO.exec(e.note)?.[1] ?? null;
  if (e.reason === 'OperationStarted') return mean('change', e, run.start(e, rev), 'started');
  if (e.reason === 'OperationCompleted')
    return /\bsucceeded\b/i.test(e.note)
      ? mean('change', e, run.current(e), 'completed')
      : mean('detection', e, run.current(e), 'failed');
  if (e.reason === 'ResourceUpdated' && /health status: \w+ -> (Degraded|Missing)/i.test(e.note))
    return mean('detection', e, null, null);
  if (e.reason === 'ResourceUpdated' && /health status: (Degraded|Missing) -> Healthy/i.test(e.note))
    return mean('recovery', e, null, null);
  return null;
};

function ruleFor(kind: string | null, apiVersion: string | null): Rule | null {
  const group = apiVersion ?? '';
  switch (kind) {
    case 'Deployment':
      return scaling;
    case 'Rollout':
      return (e, run) => scaling(e, run) ?? rollout(e, run);
    case 'Canary':
      return group === '' || group.startsWith('flagger.app') ? flagger : null;
    case 'Kustomization':
    case 'HelmRelease':
      return flux;
    case 'Application':
      return group === '' || group.startsWith('argoproj.io') ? argocd : null;
    default:
      return null;
  }
}

/**
 * Reads events of rollout, GitOps and chaos objects with the change model: Argo Rollouts,
 * Flagger canaries, Flux Kustomization/HelmRelease, Argo CD applications, Deployment rollouts
 * (ScalingReplicaSet), and Chaos Mesh / LitmusChaos (injected). One reader per file: it keeps
 * each object's current run so every step of one rollout shares a change id.
 */
export function createObjectEventReader(): (e: ObjectEvent) => EventMeaning | null {
  const run = new RunIds();
  return (e) => {
    const chaos = chaosMeaning(e);
    if (chaos !== null) return chaos;
    return ruleFor(e.kind, e.apiVersion)?.(e, run) ?? null;
  };
}
