/*
 * Real-file acceptance: whole imports of files not written for Rootline (and two hand-written
 * ones in the shape of real output), checked for the kinds and phases a person would curate.
 * Only files whose licence allows shipping them are used (see test/fixtures/logs/README.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTexts } from '../../../shared/import/pipeline';
import type { ImportResult } from '../../../shared/import/importer';

const FIXTURES = join(__dirname, '../../fixtures/logs');

function load(...names: string[]): ImportResult {
  return importTexts(
    names.map((name) => ({ name, text: readFileSync(join(FIXTURES, name), 'utf8') })),
    { zone: 'UTC', year: 2024 },
  );
}

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

function phases(r: ImportResult) {
  return Object.fromEntries(Object.entries(r.phases).map(([k, v]) => [k, iso(v)]));
}

interface StatuspageUpdate {
  body: string;
}

function updatesOf(name: string): StatuspageUpdate[] {
  const json = JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as {
    incident?: { incident_updates: StatuspageUpdate[] };
    incident_updates?: StatuspageUpdate[];
  };
  return (json.incident ?? json).incident_updates ?? [];
}

describe('Statuspage incidents (githubstatus.com)', () => {
  it.each([
    [
      'githubstatus_incident_lc8s9rtyjmgq.json',
      {
        impactStartAt: '2021-08-10T20:09:04.042Z',
        detectedAt: '2021-08-10T20:09:04.042Z',
        mitigatedAt: '2021-08-10T23:10:51.289Z',
        recoveredAt: '2021-08-10T23:10:51.289Z',
        resolvedAt: '2021-08-10T23:10:51.289Z',
      },
    ],
    [
      'githubstatus_incident_rgy28jwprr1c.json',
      {
        impactStartAt: '2019-09-23T16:12:01.706Z',
        detectedAt: '2019-09-23T16:12:01.706Z',
        mitigatedAt: '2019-09-23T16:37:46.707Z',
        recoveredAt: '2019-09-23T16:37:46.707Z',
        resolvedAt: '2019-09-23T16:37:46.707Z',
      },
    ],
    [
      'githubstatus_incident_xvk42jkm6fzk.json',
      {
        impactStartAt: '2022-01-28T00:50:29.158Z',
        detectedAt: '2022-01-28T00:50:29.207Z',
        mitigatedAt: null,
        recoveredAt: null,
        resolvedAt: '2022-01-28T02:10:07.243Z',
      },
    ],
  ])('%s: every update is a communication with its text, and the phases hold', (file, expected) => {
    const r = load(file);
    expect(phases(r)).toEqual(expected);
    const told = r.events.filter((e) => e.kind === 'communication');
    const bodies = updatesOf(file).map((u) => u.body);
    expect(told).toHaveLength(bodies.length);
    expect(new Set(told.map((e) => e.title))).toEqual(new Set(bodies));
    expect(r.events.some((e) => e.kind === 'detection')).toBe(false);
  });

  it('gives each component its own impact and recovery', () => {
    const r = load('githubstatus_incident_rgy28jwprr1c.json');
    const byKind = (kind: string) =>
      r.events.filter((e) => e.kind === kind).map((e) => [iso(e.at), e.service]);
    expect(byKind('impact')).toEqual([
      ['2019-09-23T16:12:01.706Z', 'Notifications'],
      ['2019-09-23T16:22:14.769Z', 'Notifications'],
    ]);
    expect(byKind('recovery')).toEqual([['2019-09-23T16:37:46.707Z', 'Notifications']]);
  });
});

describe('text logs with levels', () => {
  it('keeps a ZooKeeper-shaped log4j log to its ERRORs and WARN bursts', () => {
    const r = load('quorum_log4j.log');
    expect(r.stats.records).toBe(361);
    expect(r.events.map((e) => [e.kind, e.service, e.title, e.count])).toEqual([
      ['impact', 'LearnerHandler', 'Unexpected exception causing shutdown while sock still open', 3],
      ['impact', 'QuorumCnxManager$RecvWorker', 'Connection broken for id 2, my id = 1, error =', 26],
      ['impact', 'QuorumCnxManager', 'Cannot open channel to 3 at election address /10.10.34.13:3888', 16],
    ]);
    expect(iso(r.phases.impactStartAt)).toBe('2026-03-14T19:20:02.000Z');
  });

  it('finds nothing to tell in a healthy Java start-up log (lnav)', () => {
    const r = load('lnav_java.log');
    expect(r.stats.records).toBeGreaterThan(15);
    expect(r.events).toEqual([]);
  });

  it('makes glog E lines impact and leaves a lone W line as evidence (lnav)', () => {
    const r = load('lnav_glog.log');
    expect(r.events.map((e) => e.kind)).toEqual(['impact', 'impact']);
    expect(r.events.some((e) => e.title.includes('log_if this'))).toBe(false);
  });

  it('leaves a single logrus warning as evidence and keeps five lines unfolded (lnav logfmt)', () => {
    const r = load('lnav_logfmt.log');
    expect(r.events.map((e) => [e.kind, e.count])).toEqual([
      ['impact', 1],
      ['impact', 1],
    ]);
    expect(r.events.some((e) => e.title.includes('DeletePod'))).toBe(false);
  });
});

describe('a Kubernetes rollout', () => {
  it('keeps every step of 19 events, replica counts in the titles', () => {
    const r = load('k8s_rollout_events.json');
    expect(r.stats.records).toBe(19);
    const scaling = r.events.filter((e) => e.title.startsWith('ScalingReplicaSet'));
    expect(scaling.map((e) => /to (\d+)/.exec(e.title)?.[1])).toEqual([
      '1',
      '3',
      '2',
      '2',
      '3',
      '1',
      '4',
      '0',
      '1',
      '0',
      '4',
    ]);
    expect(scaling.at(-1)?.count).toBe(2);
    expect(r.events.find((e) => e.kind === 'impact')?.title).toContain('Readiness probe failed');
  });

  it('lines up with the app log under one service once aliased', () => {
    const text = readFileSync(join(FIXTURES, 'k8s_rollout_events.json'), 'utf8');
    const app =
      'time=2026-03-14T18:53:01Z level=error service=blob-frontend msg="upload failed: 503 from storage"\n';
    const r = importTexts(
      [
        { name: 'events.json', text },
        { name: 'app.log', text: app },
      ],
      { zone: 'UTC', aliases: { 'blob-frontend': 'blob-fe' } },
    );
    expect(r.stats.errorCount).toBe(0);
    expect(r.events.find((e) => e.title.startsWith('upload failed'))?.service).toBe('blob-fe');
    expect(r.events.find((e) => e.title.includes('Scaled up replica set'))?.service).toBe('blob-fe');
  });
});
