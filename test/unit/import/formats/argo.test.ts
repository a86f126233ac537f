import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../shared/import/detect';
import { iso, readFixture, runFixture } from './run';

describe('argo: Rollout and Application objects, argocd app history', () => {
  it.each([
    'orchestrators/argo_rollout_status.json',
    'orchestrators/argocd_app.json',
    'orchestrators/guestbook.argocd-history.txt',
  ])('detects %s', (f) => {
    expect(detectFormat(readFixture(f).slice(0, 1024), f).id).toBe('argo');
  });

  it('reads a Rollout status: the abort condition is the revision being taken back', () => {
    const r = runFixture('argo', 'orchestrators/argo_rollout_status.json');
    expect(r.errors).toEqual([]);
    expect(
      r.records.map((x) => [
        iso(x.at)?.slice(11, 19),
        x.kindHint,
        x.change?.id ?? null,
        x.change?.phase ?? null,
      ]),
    ).toEqual([
      ['18:30:10', 'log', null, null],
      ['18:35:05', 'log', null, null],
      ['18:37:01', 'mitigation', 'Rollout/checkout revision 7', 'aborted'],
      ['18:37:02', 'log', null, null],
    ]);
  });

  it('reads an Application: each history entry started and deployed on its cluster, a failed sync detected', () => {
    const r = runFixture('argo', 'orchestrators/argocd_app.json');
    expect(r.errors).toEqual([]);
    const id = 'Application/guestbook 4e1f8a2c9b7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f';
    expect(
      r.records
        .slice(2)
        .map((x) => [iso(x.at)?.slice(11, 19), x.kindHint, x.region, x.change?.id, x.change?.phase]),
    ).toEqual([
      ['16:00:00', 'change', 'prod-eu', id, 'started'],
      ['16:00:20', 'change', 'prod-eu', id, 'completed'],
      [
        '16:30:12',
        'detection',
        'prod-eu',
        'Application/guestbook 9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b',
        'failed',
      ],
    ]);
  });

  it('reads argocd app history text, the app named by the file', () => {
    const r = runFixture('argo', 'orchestrators/guestbook.argocd-history.txt');
    expect(r.errors).toEqual([]);
    expect(r.skipped).toEqual([1, 2]);
    expect(r.records.map((x) => [iso(x.at), x.service, x.change?.id, x.change?.phase])).toEqual([
      ['2026-03-12T08:00:00.000Z', 'guestbook', 'Application/guestbook HEAD (1a2b3c4)', 'completed'],
      ['2026-03-13T09:00:31.000Z', 'guestbook', 'Application/guestbook HEAD (2d3e4f5)', 'completed'],
      ['2026-03-14T16:00:20.000Z', 'guestbook', 'Application/guestbook HEAD (4e1f8a2)', 'completed'],
    ]);
  });
});
