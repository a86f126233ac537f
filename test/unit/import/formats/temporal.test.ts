import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../shared/import/detect';
import { importTexts } from '../../../../shared/import/pipeline';
import { temporalType } from '../../../../shared/import/formats/temporal';
import { iso, readFixture, runFixture, runText } from './run';

const CURRENT = 'orchestrators/temporal_history.json';
const TCTL = 'orchestrators/temporal_history_tctl.json';

describe('temporal: workflow histories', () => {
  it('is detected in both forms', () => {
    for (const f of [CURRENT, TCTL])
      expect(detectFormat(readFixture(f).slice(0, 1024), 'h.json').id).toBe('temporal');
  });

  it('normalises event type names', () => {
    expect(temporalType('EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT')).toBe('ActivityTaskTimedOut');
    expect(temporalType('WorkflowExecutionSignaled')).toBe('WorkflowExecutionSignaled');
  });

  it('reads the current form: the workflow is a change, failures impact, signals response, task noise log', () => {
    const r = runFixture('temporal', CURRENT);
    expect(r.errors).toEqual([]);
    expect(r.records).toHaveLength(20);
    const story = r.records.filter((x) => x.kindHint !== 'log');
    expect(
      story.map((x) => [iso(x.at)?.slice(11, 19), x.kindHint, x.change?.phase ?? null, x.message]),
    ).toEqual([
      ['12:00:00', 'change', 'started', 'Workflow DeployRegionWorkflow started'],
      [
        '12:06:46',
        'impact',
        null,
        'Activity ShiftTraffic failed: connection refused: lb-admin.eu-west-1:8443',
      ],
      [
        '12:08:46',
        'impact',
        null,
        'Activity ShiftTraffic failed: connection refused: lb-admin.eu-west-1:8443',
      ],
      [
        '12:10:46',
        'impact',
        null,
        'Activity ShiftTraffic failed: connection refused: lb-admin.eu-west-1:8443',
      ],
      ['12:12:00', 'response', null, 'Signal approve-rollback received from alice@laptop'],
      ['12:12:32', 'impact', null, 'Activity RollbackTraffic timed out (start to close)'],
      [
        '12:13:00',
        'impact',
        'failed',
        'Workflow DeployRegionWorkflow failed: traffic shift failed: connection refused: lb-admin.eu-west-1:8443',
      ],
    ]);
    expect(story[0]?.change?.id).toBe('deploy-checkout-eu-west-1');
    expect(story[0]?.service).toBe('DeployRegionWorkflow');
    expect(story[1]?.attrs.attempt).toBe(4);
    expect(r.records[0]?.at).toBe(Date.UTC(2026, 2, 14, 12, 0, 0, 120));
  });

  it('folds an activity retry storm into one event with a count', () => {
    const result = importTexts([{ name: 'h.json', text: readFixture(CURRENT) }], { zone: 'UTC' });
    const storm = result.events.filter((e) => e.title.startsWith('Activity ShiftTraffic failed'));
    expect(storm.map((e) => e.count)).toEqual([3]);
  });

  it('reads the older form with nanosecond timestamps (number or text)', () => {
    const r = runFixture('temporal', TCTL);
    expect(r.errors).toEqual([]);
    expect(r.records.map((x) => [iso(x.at), x.kindHint, x.change?.phase ?? null])).toEqual([
      ['2026-03-14T12:00:00.000Z', 'change', 'started'],
      ['2026-03-14T12:00:00.005Z', 'log', null],
      ['2026-03-14T12:01:00.000Z', 'response', null],
      ['2026-03-14T12:05:00.000Z', 'mitigation', 'aborted'],
    ]);
    expect(r.records[3]?.message).toBe('Workflow DbFailoverWorkflow terminated: operator aborted failover');
  });

  it('reports what is not a history', () => {
    expect(runText('temporal', '{"workflows": []}').errors[0]?.reason).toContain('"events"');
    expect(runText('temporal', '{"events": [{"eventType": "TimerFired"}]}').errors[0]?.reason).toContain(
      'event #1',
    );
  });
});
