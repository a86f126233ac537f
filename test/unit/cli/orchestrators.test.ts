import { copyFileSync, mkdtempSync, readFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rootline } from './rootline';

const LOGS = new URL('../../fixtures/logs/', import.meta.url).pathname;

const FILES: [string, string][] = [
  ['orchestrators/argo_rollouts_events.json', 'k8s-events'],
  ['orchestrators/argo_rollout_status.json', 'argo'],
  ['orchestrators/guestbook.argocd-history.txt', 'argo'],
  ['orchestrators/terraform_apply.jsonl', 'terraform'],
  ['orchestrators/temporal_history.json', 'temporal'],
  ['orchestrators/nomad_event_stream.ndjson', 'nomad-events'],
  ['orchestrators/spinnaker_executions.json', 'spinnaker'],
  ['chaos/aws_fis_experiment.jsonl', 'aws-fis'],
  ['chaos/chaos_mesh_events.json', 'k8s-events'],
];

describe('rootline timeline with orchestrator and fault-injection logs', () => {
  it('lists the new formats in --help', () => {
    const help = rootline('timeline', '--help');
    expect(help.code).toBe(0);
    for (const id of ['terraform', 'aws-fis', 'temporal', 'nomad-events', 'spinnaker', 'argo'])
      expect(help.stdout).toMatch(new RegExp(`^  ${id} `, 'm'));
  });

  it('reads every new format in one run and says how many records got the capture time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rootline-orch-'));
    const paths = FILES.map(([f]) => {
      const to = join(dir, f.split('/').pop() ?? f);
      copyFileSync(join(LOGS, f), to);
      return to;
    });
    const nomad = paths[5] ?? '';
    const captured = new Date('2026-03-14T16:00:00Z');
    utimesSync(nomad, captured, captured);
    const r = rootline('timeline', ...paths);
    expect(r.code).toBe(0);
    for (const [f, id] of FILES) expect(r.stdout).toContain(`${f.split('/').pop() ?? f}: read as ${id}`);
    expect(r.stdout).toContain(
      "2 of 7 records had no time of their own: they were given the file's capture time, its last-modified time (2026-03-14 16:00:00 UTC).",
    );
    expect(r.stdout).toMatch(/, 0 errors/);
    const json = JSON.parse(rootline('timeline', nomad, '--json').stdout) as {
      events: { at: string; title: string }[];
    };
    const fallback = json.events.find((e) => e.title.includes('rolling back'));
    expect(fallback?.at).toBe('2026-03-14T16:00:00.000Z');
  });

  it('rootline new: an experiment whose faults were all injected makes a game day with its document section', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rootline-gameday-'));
    const make = (name: string, ...logs: string[]) => {
      const out = join(dir, `${name}.rootline.json`);
      const r = rootline('new', '--title', name, '--template', 'google-sre', '--logs', ...logs, '--out', out);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(readFileSync(out, 'utf8')) as {
        incident: { incidentType?: string; incidentTypeOrigin?: string };
        sections: { key: string; title: string }[];
      };
    };
    const drill = make('drill', join(LOGS, 'chaos/aws_fis_experiment.jsonl'));
    expect(drill.incident).toMatchObject({ incidentType: 'game-day', incidentTypeOrigin: 'import' });
    expect(drill.sections.map((s) => s.title)).toContain('Hypothesis / Expected / Observed');
    const outage = make(
      'outage',
      join(LOGS, 'chaos/aws_fis_experiment.jsonl'),
      join(LOGS, 'orchestrators/terraform_apply.jsonl'),
    );
    expect(outage.incident.incidentType).toBeUndefined();
    expect(outage.sections.map((s) => s.key)).not.toContain('hypothesis');
  });
});
