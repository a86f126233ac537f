import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../shared/import/detect';
import { iso, readFixture, runFixture, runText } from './run';

const FILE = 'chaos/aws_fis_experiment.jsonl';

describe('aws-fis: experiment log schema v2', () => {
  it('is detected from its head', () => {
    expect(detectFormat(readFixture(FILE).slice(0, 1024), 'fis.log').id).toBe('aws-fis');
  });

  it('reads every record as injected: actions are changes on their resolved targets, ends are mitigations', () => {
    const r = runFixture('aws-fis', FILE);
    expect(r.errors).toEqual([]);
    expect(r.records.every((x) => x.injected)).toBe(true);
    expect(
      r.records.map((x) => [iso(x.at)?.slice(11, 19), x.kindHint, x.change?.phase ?? null, x.region]),
    ).toEqual([
      ['13:00:00', 'change', 'started', null],
      ['13:00:01', 'log', null, null],
      ['13:00:02', 'log', null, 'eu-west-1'],
      ['13:00:03', 'log', null, null],
      ['13:00:05', 'change', 'started', 'eu-west-1'],
      ['13:00:06', 'change', 'started', 'eu-west-1'],
      ['13:00:09', 'log', null, 'eu-west-1'],
      ['13:10:05', 'mitigation', 'completed', 'eu-west-1'],
      ['13:10:06', 'detection', 'aborted', null],
    ]);
    const stop = r.records[4];
    expect(stop?.change?.id).toBe('EXPaB3dE5fG7hJ9kL1');
    expect(stop?.change?.changeKind).toBe('fault-injection');
    expect(stop?.change?.targets).toEqual([
      { component: 'i-0a1b2c3d4e5f60718', region: 'eu-west-1', slice: null },
      { component: 'i-0f9e8d7c6b5a40312', region: 'eu-west-1', slice: null },
    ]);
    expect(stop?.message).toBe('Fault aws:ec2:stop-instances started');
    expect(r.records[6]?.message).toBe(
      'Fault aws:ssm:send-command errored: SSM agent is not online on i-0f9e8d7c6b5a40312',
    );
    expect(r.records[6]?.level).toBe('error');
    expect(r.records[7]?.service).toBe('i-0a1b2c3d4e5f60718');
  });

  it('ends a completed experiment with a mitigation, a failed one with an error log', () => {
    const end = (status: string, reason: string): string =>
      JSON.stringify({
        id: 'EXP1',
        log_type: 'experiment-end',
        event_timestamp: '2026-03-14T13:10:06Z',
        version: '2',
        details: { experiment_state: { status, reason } },
      });
    const r = runText(
      'aws-fis',
      `${end('completed', 'Experiment completed.')}\n${end('failed', 'Target resolution failed')}`,
    );
    expect(r.records.map((x) => [x.kindHint, x.change?.phase ?? null, x.level])).toEqual([
      ['mitigation', 'completed', 'info'],
      ['log', null, 'error'],
    ]);
  });
});
