import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../shared/import/detect';
import { allFormats, getFormat } from '../../../../shared/import/formats/index';
import { FIXTURES } from './run';

const RUNS = Number(process.env.FC_RUNS ?? 200);

function head(name: string): string {
  return readFileSync(join(FIXTURES, name)).subarray(0, 1024).toString('latin1');
}

describe('detectFormat', () => {
  it.each([
    ['rollout_cloudevents.jsonl', 'cloudevents'],
    ['cloudevents_spec_json_batch_example.json', 'cloudevents'],
    ['cdevents/service_deployed.json', 'cloudevents'],
    ['bunyan_test_corpus_all.log', 'jsonl'],
    ['lnav_ecs.jsonl', 'jsonl'],
    ['lnav_logfmt.log', 'logfmt'],
    ['otlp_proto_examples_logs.json', 'otlp'],
    ['lnav_journald.json', 'journald'],
    ['k8s_events_core_v1.json', 'k8s-events'],
    ['k8s_events_events_v1.json', 'k8s-events'],
    ['pagerduty_log_entries.json', 'pagerduty'],
    ['githubstatus_incident_lc8s9rtyjmgq.json', 'statuspage'],
    ['slack-export-viewer_testarchive.zip', 'slack'],
    ['lnav_shop_access_log.combined.log', 'access-log'],
    ['rfc5424_rfc3164_examples.log', 'syslog'],
    ['syslog_rollover.log', 'syslog'],
    ['zookeeper_split_time.csv', 'csv'],
    ['services.tsv', 'csv'],
    ['app_text.log', 'text'],
    ['azure_activitylog_rest_examples.json', 'azure-activity'],
    ['azure_activitylog_storage_records_example.json', 'azure-activity'],
    ['azure_activity_incident.jsonl', 'azure-activity'],
    ['cloudtrail_userguide_examples.json', 'cloudtrail'],
    ['cloudtrail_lookup_events.json', 'cloudtrail'],
    ['cloudtrail_lake.jsonl', 'cloudtrail'],
    ['octokit_deployment.created.payload.json', 'github'],
    ['octokit_deployment_status.success.payload.json', 'github'],
    ['octokit_workflow_run.completed.payload.json', 'github'],
    ['octokit_workflow_job.completed.failure.payload.json', 'github'],
    ['lnav_gharchive_50events.jsonl', 'github'],
    ['github_webhook_log.jsonl', 'github'],
    ['orchestrators/argo_rollouts_events.json', 'k8s-events'],
    ['orchestrators/flagger_canary_events.json', 'k8s-events'],
    ['orchestrators/flux_events.json', 'k8s-events'],
    ['orchestrators/flux_notifications.jsonl', 'k8s-events'],
    ['orchestrators/argocd_app_events.json', 'k8s-events'],
    ['chaos/chaos_mesh_events.json', 'k8s-events'],
    ['chaos/litmus_events.json', 'k8s-events'],
    ['orchestrators/argo_rollout_status.json', 'argo'],
    ['orchestrators/argocd_app.json', 'argo'],
    ['orchestrators/guestbook.argocd-history.txt', 'argo'],
    ['orchestrators/terraform_apply.jsonl', 'terraform'],
    ['orchestrators/temporal_history.json', 'temporal'],
    ['orchestrators/temporal_history_tctl.json', 'temporal'],
    ['chaos/aws_fis_experiment.jsonl', 'aws-fis'],
    ['orchestrators/nomad_event_stream.ndjson', 'nomad-events'],
    ['orchestrators/spinnaker_executions.json', 'spinnaker'],
  ])('%s → %s', (file, id) => {
    expect(detectFormat(head(file), file).id).toBe(id);
  });

  it('falls back to text with low confidence and is deterministic', () => {
    const d = detectFormat('hello world\nno structure here', 'notes.txt');
    expect(d.id).toBe('text');
    expect(d.confidence).toBeLessThan(0.2);
    expect(detectFormat('', 'x')).toEqual(detectFormat('', 'x'));
  });

  it('never throws and always names a registered format', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 20 }), (h, name) => {
        const d = detectFormat(h, name);
        expect(getFormat(d.id)).toBeDefined();
        expect(d.confidence).toBeGreaterThanOrEqual(0);
        expect(d.confidence).toBeLessThanOrEqual(1);
      }),
      { numRuns: RUNS },
    );
  });

  it('has unique ids including the CLI contract ids', () => {
    const ids = allFormats().map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'cloudevents',
      'jsonl',
      'otlp',
      'logfmt',
      'csv',
      'syslog',
      'text',
      'k8s-events',
      'journald',
      'slack',
      'pagerduty',
      'statuspage',
      'access-log',
      'apache-error',
      'azure-activity',
      'cloudtrail',
      'github',
      'terraform',
      'aws-fis',
      'temporal',
      'nomad-events',
      'spinnaker',
      'argo',
    ]) {
      expect(ids).toContain(id);
    }
  });
});
