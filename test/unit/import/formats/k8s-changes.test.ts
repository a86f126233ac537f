import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../shared/import/detect';
import type { RawRecord } from '../../../../shared/import/types';
import { iso, readFixture, runFixture } from './run';

/** time, kind, service, change id, phase, weight, injected. */
function rows(records: RawRecord[]): (string | number | boolean | null | undefined)[][] {
  return records.map((r) => [
    iso(r.at)?.slice(11, 19),
    r.kindHint,
    r.service,
    r.change?.id ?? null,
    r.change?.phase ?? null,
    r.change?.weight ?? null,
    r.injected,
  ]);
}

function read(name: string): RawRecord[] {
  expect(detectFormat(readFixture(name).slice(0, 1024), name).id).toBe('k8s-events');
  const r = runFixture('k8s-events', name);
  expect(r.errors).toEqual([]);
  return r.records;
}

describe('k8s-events: Argo Rollouts', () => {
  it('gives every step of a revision one change id, weights from setWeight and traffic updates', () => {
    const r = rows(read('orchestrators/argo_rollouts_events.json'));
    const rev7 = 'Rollout/checkout revision 7';
    expect(r.slice(0, 5)).toEqual([
      ['18:30:00', 'change', 'checkout', rev7, 'started', null, false],
      ['18:30:00', 'change', 'checkout', rev7, 'started', null, false],
      ['18:30:01', 'change', 'checkout', rev7, 'step', null, false],
      ['18:30:05', 'change', 'checkout', rev7, 'step', 10, false],
      ['18:30:05', 'change', 'checkout', rev7, 'step', 10, false],
    ]);
    expect(r[5]?.[1]).toBeNull(); // RolloutPaused: the generic rules decide
    expect(r[8]).toEqual(['18:35:06', 'change', 'checkout', rev7, 'step', 100, false]);
    expect(r[10]).toEqual(['18:37:00', 'detection', 'checkout', null, null, null, false]);
    expect(r[11]).toEqual(['18:37:01', 'mitigation', 'checkout', rev7, 'aborted', null, false]);
    expect(r.at(-1)).toEqual([
      '19:10:00',
      'change',
      'checkout',
      'Rollout/checkout revision 8',
      'completed',
      null,
      false,
    ]);
  });

  it('keeps the replica set and count of a scaling step as its slice', () => {
    const recs = read('orchestrators/argo_rollouts_events.json');
    expect(recs[2]?.change?.targets).toEqual([
      { component: 'checkout', region: null, slice: 'checkout-5f8c7d9b6=1' },
    ]);
  });

  it('gives Deployment ScalingReplicaSet events a step per replica set', () => {
    const recs = runFixture('k8s-events', 'k8s_rollout_events.json').records;
    const steps = recs.filter((x) => x.type === 'ScalingReplicaSet');
    expect(steps.length).toBeGreaterThan(5);
    expect(steps.every((x) => x.change?.phase === 'step' && x.kindHint === 'change')).toBe(true);
    expect(steps[0]?.change?.id).toBe('Deployment/blob-fe blob-fe-6c9d7f5b84');
    expect(steps[0]?.change?.targets[0]?.slice).toBe('blob-fe-6c9d7f5b84=1');
  });
});

describe('k8s-events: Flagger', () => {
  it('reads a failed canary then a promoted one as two changes', () => {
    const r = rows(read('orchestrators/flagger_canary_events.json'));
    const a = 'Canary/podinfo 2026-03-14T18:00:00.000Z';
    const b = 'Canary/podinfo 2026-03-14T18:20:00.000Z';
    expect(r).toEqual([
      ['18:00:00', 'change', 'podinfo', a, 'started', null, false],
      ['18:00:30', 'change', 'podinfo', a, 'step', null, false],
      ['18:01:00', 'change', 'podinfo', a, 'step', 10, false],
      ['18:02:00', 'change', 'podinfo', a, 'step', 20, false],
      ['18:03:00', 'detection', 'podinfo', null, null, null, false],
      ['18:04:00', 'detection', 'podinfo', null, null, null, false],
      ['18:05:00', 'detection', 'podinfo', a, 'failed', null, false],
      ['18:05:01', 'mitigation', 'podinfo', a, 'rolled-back', 0, false],
      ['18:20:00', 'change', 'podinfo', b, 'started', null, false],
      ['18:21:00', 'change', 'podinfo', b, 'step', 50, false],
      ['18:22:00', 'change', 'podinfo', b, 'step', 100, false],
      ['18:23:00', null, 'podinfo', null, null, null, false],
      ['18:24:00', 'change', 'podinfo', b, 'completed', 100, false],
    ]);
  });
});

describe('k8s-events: Flux and Argo CD', () => {
  it('reads Kustomization and HelmRelease events with the revision as change id', () => {
    const r = rows(read('orchestrators/flux_events.json'));
    const k = 'Kustomization/apps main@sha1:5f1c9a3e0d2b47c6a8e9f0b1c2d3e4f5a6b7c8d9';
    expect(r).toEqual([
      ['17:00:00', 'change', 'apps', k, 'started', null, false],
      ['17:00:02', 'log', 'apps', null, null, null, false],
      ['17:05:02', 'detection', 'apps', k, 'failed', null, false],
      ['17:10:00', 'change', 'redis', 'HelmRelease/redis 18.6.1', 'completed', null, false],
      ['17:20:00', 'detection', 'redis', 'HelmRelease/redis 18.6.2', 'failed', null, false],
      ['17:21:00', 'mitigation', 'redis', 'HelmRelease/redis 18.6.2', 'rolled-back', null, false],
    ]);
  });

  it('reads notification-controller JSON events (timestamp, severity, metadata.revision)', () => {
    const recs = read('orchestrators/flux_notifications.jsonl');
    expect(rows(recs).map((x) => [x[0], x[1], x[4]])).toEqual([
      ['17:30:00', 'change', 'started'],
      ['17:30:40', 'change', 'completed'],
      ['17:40:00', 'detection', 'failed'],
    ]);
    expect(recs[2]?.level).toBe('warn');
    expect(recs[1]?.attrs.revision).toBe('main@sha1:9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b');
  });

  it('reads Argo CD application sync and health events', () => {
    const id = 'Application/guestbook 4e1f8a2c9b7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f';
    expect(rows(read('orchestrators/argocd_app_events.json'))).toEqual([
      ['16:00:00', 'change', 'guestbook', id, 'started', null, false],
      ['16:00:00', null, 'guestbook', null, null, null, false],
      ['16:00:20', 'change', 'guestbook', id, 'completed', null, false],
      ['16:02:00', 'detection', 'guestbook', null, null, null, false],
      ['16:09:00', 'recovery', 'guestbook', null, null, null, false],
    ]);
  });
});

describe('k8s-events: chaos tools (injected)', () => {
  it('reads Chaos Mesh: Applied is an injected change on the pod it hits, TimeUp/Recovered its removal', () => {
    const recs = read('chaos/chaos_mesh_events.json');
    expect(recs.every((x) => x.injected)).toBe(true);
    const id = 'NetworkChaos/shop/cart-delay';
    expect(rows(recs)).toEqual([
      ['15:00:00', 'log', 'cart-delay', null, null, null, true],
      ['15:00:01', 'change', 'cart-delay', id, 'started', null, true],
      ['15:00:02', 'change', 'cart-delay', id, 'started', null, true],
      ['15:00:03', 'log', 'cart-delay', null, null, null, true],
      ['15:10:01', 'mitigation', 'cart-delay', id, 'completed', null, true],
      ['15:10:02', 'mitigation', 'cart-delay', id, 'completed', null, true],
    ]);
    expect(recs[2]?.change?.targets).toEqual([
      { component: 'cart-6d9f7b8c5-x2k4p', region: null, slice: null },
    ]);
    expect(recs[2]?.change?.changeKind).toBe('fault-injection');
  });

  it('reads LitmusChaos: ChaosInject is the fault, a Fail verdict a detection, completion the removal', () => {
    const recs = read('chaos/litmus_events.json');
    expect(recs.every((x) => x.injected)).toBe(true);
    expect(rows(recs).map((x) => [x[0], x[1], x[4]])).toEqual([
      ['14:00:00', 'log', null],
      ['14:00:05', 'log', null],
      ['14:00:20', 'log', null],
      ['14:00:25', 'change', 'started'],
      ['14:01:30', 'log', null],
      ['14:01:35', 'detection', null],
      ['14:01:36', 'detection', null],
      ['14:01:50', 'mitigation', 'completed'],
    ]);
  });

  it('leaves events on other objects as they were', () => {
    const recs = runFixture('k8s-events', 'k8s_events_core_v1.json').records;
    expect(recs.some((x) => x.injected)).toBe(false);
  });
});
