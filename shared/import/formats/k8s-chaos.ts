import type { EventKind } from '../../domain';
import type { ChangePhase } from '../types';
import { changeOf, target } from './change';
import type { EventMeaning, ObjectEvent } from './k8s-changes';

function injected(
  e: ObjectEvent,
  kindHint: EventKind,
  phase: ChangePhase | null,
  hits: string | null = null,
): EventMeaning {
  const id = `${e.kind ?? 'chaos'}/${e.namespace === null ? '' : `${e.namespace}/`}${e.name ?? ''}`;
  const change =
    phase === null ? null : changeOf(id, 'fault-injection', phase, target(hits ?? e.name), e.note || null);
  return { kindHint, change, injected: true };
}

/** `Successfully apply chaos for default/web-7c9d` → `web-7c9d` (what the fault hits). */
function hitIn(note: string): string | null {
  const m = /chaos (?:for|on) (?:[\w.-]+\/)?([\w.-]+)/i.exec(note);
  return m?.[1] ?? null;
}

/** Chaos Mesh recorder reasons on chaos objects (PodChaos, NetworkChaos…, Schedule, Workflow). */
function chaosMesh(e: ObjectEvent): EventMeaning {
  switch (e.reason) {
    case 'Started':
      return injected(e, 'change', 'started');
    case 'Applied':
      return injected(e, 'change', 'started', hitIn(e.note));
    case 'Recovered':
    case 'TimeUp':
      return injected(e, 'mitigation', 'completed', hitIn(e.note));
    case 'Paused':
      return injected(e, 'mitigation', 'aborted');
    default:
      // Failed (the tool could not inject), FinalizerInited, Updated…: the tool's own story.
      return injected(e, 'log', null);
  }
}

const VERDICT = /(?:has been|Result:|verdict:?)\s*(Pass|Fail)/i;

/** LitmusChaos ChaosEngine / ChaosResult events (runner and experiment reasons, verdicts). */
function litmus(e: ObjectEvent): EventMeaning {
  const verdict = e.reason === 'Pass' || e.reason === 'Fail' ? e.reason : (VERDICT.exec(e.note)?.[1] ?? null);
  if (verdict !== null && /^fail/i.test(verdict)) return injected(e, 'detection', null);
  switch (e.reason) {
    case 'ChaosInject':
      return injected(e, 'change', 'started');
    case 'ChaosEngineCompleted':
      return injected(e, 'mitigation', 'completed');
    case 'ChaosEngineStopped':
      return injected(e, 'mitigation', 'aborted');
    default:
      return injected(e, 'log', null);
  }
}

/**
 * Events on Chaos Mesh and LitmusChaos objects: every one is injected. A fault put in place is
 * a change (phase started), its removal a mitigation; a Litmus Fail verdict is a detection (the
 * probes saw the system not tolerate the fault); the tool's own failures stay `log`.
 */
export function chaosMeaning(e: ObjectEvent): EventMeaning | null {
  const group = e.apiVersion ?? '';
  const kind = e.kind ?? '';
  if (group.startsWith('chaos-mesh.org') || (group === '' && /^[A-Z]\w*Chaos$/.test(kind)))
    return chaosMesh(e);
  if (group.startsWith('litmuschaos.io') || kind === 'ChaosEngine' || kind === 'ChaosResult')
    return litmus(e);
  return null;
}
