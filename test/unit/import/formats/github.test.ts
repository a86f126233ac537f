import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../shared/import/detect';
import { format, iso, readFixture, runFixture, runText } from './run';

const CORPUS = [
  'octokit_deployment.created.payload.json',
  'octokit_deployment_status.success.payload.json',
  'octokit_workflow_run.completed.payload.json',
  'octokit_workflow_job.completed.failure.payload.json',
  'lnav_gharchive_50events.jsonl',
  'github_webhook_log.jsonl',
];

describe('github: octokit webhook examples', () => {
  it('reads a deployment created payload as a change in its environment', () => {
    const r = runFixture('github', 'octokit_deployment.created.payload.json');
    expect(r.errors).toEqual([]);
    expect(r.records).toHaveLength(1);
    expect(r.skipped).toHaveLength(159);
    const [d] = r.records;
    expect([iso(d?.at ?? null), d?.kindHint, d?.level, d?.service, d?.region, d?.type]).toEqual([
      '2019-05-15T15:20:53.000Z',
      'change',
      'info',
      'Codertocat/Hello-World',
      'production',
      'deployment',
    ]);
    expect(d?.message).toBe('Deployment 145988746 of master (f95f852) to production by Codertocat');
    expect(d?.attrs).toMatchObject({
      repo: 'Codertocat/Hello-World',
      actor: 'Codertocat',
      sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
      ref: 'master',
      environment: 'production',
      id: '145988746',
    });
  });

  it('reads a deployment_status payload at the status time, not the deployment time', () => {
    const r = runFixture('github', 'octokit_deployment_status.success.payload.json');
    expect(r.errors).toEqual([]);
    expect(r.records.map((x) => [iso(x.at), x.kindHint, x.level, x.region, x.message])).toEqual([
      ['2019-05-15T15:20:55.000Z', 'change', 'info', 'production', 'Deployment to production: success'],
    ]);
    expect(r.records[0]?.attrs).toMatchObject({ state: 'success', deployment: '145988746', id: '209916254' });
  });

  it('places a completed workflow run at updated_at and names the workflow when the run has no name', () => {
    const r = runFixture('github', 'octokit_workflow_run.completed.payload.json');
    expect(r.errors).toEqual([]);
    expect(r.records.map((x) => [iso(x.at), x.kindHint, x.level, x.service, x.region, x.message])).toEqual([
      [
        '2020-10-05T16:33:49.000Z',
        'log',
        'info',
        'octo-org/octo-repo',
        null,
        'Workflow test completed: success (repository_dispatch to master)',
      ],
    ]);
    expect(r.records[0]?.attrs).toMatchObject({
      conclusion: 'success',
      url: 'https://github.com/octo-org/octo-repo/actions/runs/289782451',
    });
  });

  it('names the failed step of a job and ignores step times that precede the job start', () => {
    const r = runFixture('github', 'octokit_workflow_job.completed.failure.payload.json');
    expect(r.errors).toEqual([]);
    expect(r.records).toHaveLength(1);
    const [job] = r.records;
    // Steps ran 10:26 (per the example), the job says it started 10:34:58: completed_at wins.
    expect(iso(job?.at ?? null)).toBe('2021-08-05T10:38:16.000Z');
    expect(job?.endAt).toBeNull();
    expect([job?.kindHint, job?.level, job?.message]).toEqual([
      'log',
      'error',
      "Job 'linters' failed at step 'Run yarn run format-check'",
    ]);
    expect(job?.attrs).toMatchObject({
      conclusion: 'failure',
      step: 'Run yarn run format-check',
      workflow: 'CodeQL',
    });
  });
});

describe('github: Events API / GH Archive', () => {
  it('reads all 50 events with readable messages; merged pull requests are changes', () => {
    const r = runFixture('github', 'lnav_gharchive_50events.jsonl');
    expect(r.errors).toEqual([]);
    expect(r.records).toHaveLength(50);
    expect(r.records.every((x) => /^2024-01-01T15:00:0[01]\.000Z$/.test(iso(x.at) ?? ''))).toBe(true);
    const byType = new Map<string, number>();
    for (const x of r.records) byType.set(x.type ?? '', (byType.get(x.type ?? '') ?? 0) + 1);
    expect(byType.get('PushEvent')).toBe(30);
    expect(byType.get('ForkEvent')).toBe(5);
    expect(r.records.filter((x) => x.kindHint === 'change').map((x) => x.message)).toEqual([
      'tobexyz merged pull request #90 into master: merge latest release to master',
      'tomgransden merged pull request #26 into main: Dev/tg/add firestore',
      'github-actions[bot] merged pull request #45 into master: build(deps-dev): bump ts-node from 10.9.1 to 10.9.2',
    ]);
    expect(r.records.filter((x) => x.kindHint !== 'change').every((x) => x.kindHint === 'log')).toBe(true);
    const push = r.records[1];
    expect([push?.service, push?.message, push?.attrs.sha]).toEqual([
      'mdmaid69/reimagined-giggle',
      'mdmaid69 pushed 1 commit to master',
      'e467bf0b03b2b6815806d33696c92898a0548aed',
    ]);
    expect(r.records.map((x) => x.message)).toEqual(
      expect.arrayContaining([
        'Jinyeong1611 pushed 7 commits to main',
        'direwolf-github deleted branch branch-13f065df',
        'roman1923 created repository',
        'morteza-rp starred the repository',
        'dependabot[bot] closed pull request #911: Bump @storybook/addon-a11y from 7.5.3 to 7.6.3',
        'mujianwu added member Envoy-Z-Lab',
      ]),
    );
  });

  it('maps deployment, release and workflow events; time is the event created_at', () => {
    const ev = (type: string, payload: object, at = '2024-05-02T08:00:00Z'): string =>
      JSON.stringify({
        id: '1',
        type,
        actor: { login: 'octocat' },
        repo: { name: 'acme/api' },
        payload,
        created_at: at,
      });
    const r = runText(
      'github',
      [
        ev('DeploymentEvent', {
          deployment: { id: 7, sha: 'a1b2c3d4e5', ref: 'main', environment: 'staging' },
        }),
        ev('DeploymentStatusEvent', {
          deployment_status: { state: 'error' },
          deployment: { environment: 'staging' },
        }),
        ev('ReleaseEvent', { action: 'published', release: { tag_name: 'v2.0.0' } }),
        ev('WorkflowRunEvent', {
          workflow_run: {
            name: 'CI',
            status: 'completed',
            conclusion: 'failure',
            event: 'push',
            head_branch: 'main',
          },
        }),
        ev('GollumEvent', {}, 'not a time'),
      ].join('\n'),
    );
    expect(r.records.map((x) => [x.kindHint, x.level, x.region, x.message])).toEqual([
      ['change', 'info', 'staging', 'Deployment 7 of main (a1b2c3d) to staging by octocat'],
      ['impact', 'error', 'staging', 'Deployment to staging: error'],
      ['change', 'info', null, 'octocat published release v2.0.0'],
      ['log', 'error', null, 'Workflow CI completed: failure (push to main)'],
    ]);
    expect(r.records.every((x) => x.service === 'acme/api' && iso(x.at) === '2024-05-02T08:00:00.000Z')).toBe(
      true,
    );
    expect(r.errors).toEqual([{ line: 5, reason: 'GollumEvent (id 1): missing or unreadable "created_at"' }]);
  });
});

describe('github: REST lists and webhook logs', () => {
  it('reads a pretty-printed deployments array; repo comes from repository_url', () => {
    const deployments = [
      {
        id: 11,
        sha: '0123456789abcdef',
        ref: 'v3',
        environment: 'production',
        creator: { login: 'alice' },
        created_at: '2024-05-02T10:00:00+02:00',
        repository_url: 'https://api.github.com/repos/acme/web',
      },
      {
        id: 12,
        sha: 'fedcba9876543210',
        ref: 'fedcba9876543210',
        environment: 'staging',
        created_at: 1714636800,
      },
    ];
    const r = runText('github', JSON.stringify(deployments, null, 2));
    expect(r.errors).toEqual([]);
    expect(
      r.records.map((x) => [iso(x.at), x.service, x.region, x.kindHint, x.message, x.source.line]),
    ).toEqual([
      [
        '2024-05-02T08:00:00.000Z',
        'acme/web',
        'production',
        'change',
        'Deployment 11 of v3 (0123456) to production by alice',
        2,
      ],
      ['2024-05-02T08:00:00.000Z', null, 'staging', 'change', 'Deployment 12 of fedcba9 to staging', 13],
    ]);
    expect(r.records.length + r.errors.length + r.skipped.length).toBe(r.lines);
  });

  it('reads a statuses list and {"workflow_runs": [...]} with per-item time errors', () => {
    const statuses = runText(
      'github',
      JSON.stringify([
        {
          id: 1,
          state: 'failure',
          description: 'Timed out',
          created_at: '2024-05-02T08:10:00Z',
          deployment_url: 'https://api.github.com/repos/acme/web/deployments/11',
        },
      ]),
    );
    expect(statuses.records.map((x) => [x.service, x.kindHint, x.level, x.message])).toEqual([
      ['acme/web', 'impact', 'error', 'Deployment 11: failure (Timed out)'],
    ]);
    const run = (id: number, extra: object): object => ({
      id,
      name: 'CI',
      head_sha: 'abc',
      workflow_id: 3,
      ...extra,
    });
    const runs = runText(
      'github',
      JSON.stringify({
        total_count: 3,
        workflow_runs: [
          run(1, {
            status: 'in_progress',
            run_started_at: '2024-05-02T08:01:00Z',
            updated_at: '2024-05-02T08:05:00Z',
          }),
          run(2, { status: 'completed', conclusion: 'timed_out', updated_at: '2024-05-02T08:30:00Z' }),
          run(3, { status: 'completed', conclusion: 'failure', updated_at: 'soon' }),
        ],
      }),
    );
    expect(runs.records.map((x) => [iso(x.at), x.level, x.message])).toEqual([
      ['2024-05-02T08:01:00.000Z', 'info', 'Workflow CI in_progress'],
      ['2024-05-02T08:30:00.000Z', 'error', 'Workflow CI completed: timed_out'],
    ]);
    expect(runs.errors).toEqual([
      { line: 1, reason: 'workflow run #3 (id 3): missing or unreadable "updated_at"' },
    ]);
  });

  it('reads a JSON Lines webhook log as a rollout story, naming bad lines', () => {
    const r = runFixture('github', 'github_webhook_log.jsonl');
    expect(r.lines).toBe(14);
    expect(r.skipped).toEqual([4]);
    expect(r.errors.map((e) => e.line)).toEqual([9, 10, 11]);
    expect(r.errors[0]?.reason).toBe('deployment status (id 4): missing or unreadable "created_at"');
    expect(r.errors[1]?.reason).toMatch(
      /^a GitHub webhook payload of an unsupported event \(keys: ref, before/,
    );
    expect(r.errors[2]?.reason).toMatch(/^not valid JSON/);
    expect(r.records.map((x) => [iso(x.at)?.slice(11, 19), x.kindHint, x.level, x.region])).toEqual([
      ['08:00:00', 'change', 'info', 'staging'],
      ['08:00:05', 'change', 'info', 'staging'],
      ['08:03:00', 'change', 'info', 'staging'],
      ['08:05:00', 'change', 'info', 'production'],
      ['08:09:10', 'log', 'error', null],
      ['08:09:05', 'log', 'error', null],
      ['08:09:30', 'impact', 'error', 'production'],
      ['08:12:00', 'mitigation', 'info', 'production'],
      ['08:14:00', 'change', 'info', 'production'],
      ['08:14:00', 'log', 'info', 'production'],
    ]);
    expect(r.records[4]?.message).toBe('Workflow Smoke tests completed: failure (deployment_status to v42)');
    expect(r.records[5]?.message).toBe("Job 'smoke' failed at step 'Check checkout latency'");
    expect(r.records[6]?.message).toBe(
      'Deployment to production: failure (Health check failed: 5xx rate 12%)',
    );
    expect(r.records.every((x) => x.service === 'acme/checkout')).toBe(true);
    // Streaming in small chunks gives the same result as reading whole.
    const chunked = runText('github', readFixture('github_webhook_log.jsonl'), { chunk: 7 }, 'x');
    expect(chunked.records.map((x) => x.message)).toEqual(r.records.map((x) => x.message));
  });

  it('rejects objects that are not GitHub data with a clear reason', () => {
    const r = runText('github', '{"time":"2024-05-02T08:00:00Z","msg":"hello"}\n42\n[]');
    expect(r.records).toEqual([]);
    expect(r.errors).toEqual([
      {
        line: 1,
        reason:
          'not a GitHub object (keys: time, msg); expected a deployment, deployment_status, workflow_run or ' +
          'workflow_job payload, a REST deployment/status/run/job, or an Events API event',
      },
      { line: 2, reason: 'expected a GitHub payload, REST object or Events API event (a JSON object)' },
    ]);
    expect(r.skipped).toEqual([3]);
  });
});

describe('github: detection', () => {
  it.each(CORPUS)('%s is detected as github', (name) => {
    const head = readFixture(name).slice(0, 1024);
    expect(detectFormat(head, name).id).toBe('github');
  });

  it('detects REST lists and stays out of other JSON', () => {
    const gh = format('github');
    expect(
      gh.detect('[{"url":"https://api.github.com/repos/a/b/deployments/1","id":1', 'd.json'),
    ).toBeGreaterThanOrEqual(0.9);
    expect(gh.detect('{"total_count":1,"workflow_runs":[{"id":1', 'runs.json')).toBeGreaterThanOrEqual(0.9);
    for (const other of [
      'rollout_cloudevents.jsonl',
      'lnav_ecs.jsonl',
      'pagerduty_log_entries.json',
      'githubstatus_incident_lc8s9rtyjmgq.json',
    ]) {
      expect(gh.detect(readFixture(other).slice(0, 1024), other)).toBe(0);
    }
  });
});

describe('github: the change model', () => {
  it('gives a deployment and its statuses one change id on the repository in its environment', () => {
    const created = runFixture('github', 'octokit_deployment.created.payload.json').records[0];
    expect(created?.change).toMatchObject({
      id: '145988746',
      phase: 'started',
      targets: [{ component: 'Codertocat/Hello-World', region: 'production', slice: null }],
    });
    const status = runFixture('github', 'octokit_deployment_status.success.payload.json').records[0];
    expect(status?.change?.id).toBe('145988746');
    expect(status?.change?.phase).toBe('completed');
  });
});
