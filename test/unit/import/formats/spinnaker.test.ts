import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../shared/import/detect';
import { iso, readFixture, runFixture, runText } from './run';

const FILE = 'orchestrators/spinnaker_executions.json';

describe('spinnaker: pipeline executions', () => {
  it('is detected from its head', () => {
    expect(detectFormat(readFixture(FILE).slice(0, 1024), 'executions.json').id).toBe('spinnaker');
  });

  it('reads deploy stages as changes to their clusters per region, judged by what failed', () => {
    const r = runFixture('spinnaker', FILE);
    expect(r.errors).toEqual([]);
    expect(
      r.records.map((x) => [
        iso(x.at)?.slice(11, 19),
        x.kindHint,
        x.region,
        x.change?.phase ?? null,
        x.level,
      ]),
    ).toEqual([
      ['09:00:00', 'log', null, null, 'info'],
      ['09:08:00', 'log', null, null, 'info'],
      ['09:08:10', 'change', 'us-east-1', 'started', 'info'],
      ['09:15:00', 'change', 'us-east-1', 'completed', 'info'],
      ['09:35:00', 'detection', null, null, 'warn'],
      ['09:35:10', 'mitigation', 'us-east-1', null, 'info'],
      ['09:39:00', 'mitigation', 'us-east-1', 'rolled-back', 'info'],
      ['09:40:00', 'log', null, null, 'error'],
      ['11:00:00', 'log', null, null, 'info'],
      ['11:05:00', 'response', null, null, 'info'],
      ['11:05:02', 'change', 'us-east-1', 'started', 'info'],
      ['11:20:00', 'impact', 'us-east-1', 'failed', 'error'],
      ['11:20:02', 'log', null, null, 'warn'],
      ['11:21:00', 'log', null, null, 'error'],
    ]);
    const deploy = r.records[10];
    expect(deploy?.change?.id).toBe('01HV3M1A2B3C4D5E6F7G8H9J0K');
    expect(deploy?.change?.targets).toEqual([
      { component: 'checkout-prod', region: 'us-east-1', slice: null },
      { component: 'checkout-prod', region: 'eu-west-1', slice: null },
    ]);
    expect(deploy?.service).toBe('checkout');
    expect(deploy?.attrs.account).toBe('prod');
    expect(r.records[4]?.message).toBe(
      'Stage Canary analysis failed: Canary score 42.0 is below the marginal threshold 75',
    );
    expect(r.records[9]?.message).toBe('Manual judgment Approve prod: continue by bob@example.com');
  });

  it('reports an execution without a start time and a value that is not one', () => {
    const r = runText('spinnaker', '[{"application":"a","stages":[]}, 3]');
    expect(r.errors.map((e) => e.reason)).toEqual([
      expect.stringContaining('no startTime'),
      expect.stringContaining('expected a Spinnaker pipeline execution'),
    ]);
  });
});
