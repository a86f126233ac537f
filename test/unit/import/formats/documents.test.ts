import { describe, expect, it } from 'vitest';
import { iso, readFixture, runFixture, runText } from './run';

describe('k8s-events', () => {
  it('reads core/v1 events with count and lastTimestamp', () => {
    const r = runFixture('k8s-events', 'k8s_events_core_v1.json');
    expect(r.errors).toEqual([
      { line: 1, reason: 'event #3: no firstTimestamp, eventTime or lastTimestamp' },
    ]);
    expect(r.records.map((x) => [iso(x.at), x.level, x.service, x.repeat, iso(x.endAt)])).toEqual([
      ['2024-05-02T08:00:01.000Z', 'warn', 'api-7d9f', 14, '2024-05-02T08:12:40.000Z'],
      ['2024-05-02T07:59:30.000Z', 'info', 'api', 1, null],
    ]);
    expect(r.records[0]?.message).toBe(
      'BackOff Pod/api-7d9f: Back-off restarting failed container api in pod api-7d9f',
    );
  });

  it('reads events.k8s.io/v1 events with series', () => {
    const r = runFixture('k8s-events', 'k8s_events_events_v1.json');
    expect(r.errors).toEqual([]);
    expect(r.records.map((x) => [iso(x.at), x.level, x.repeat, iso(x.endAt), x.type])).toEqual([
      ['2024-05-02T08:01:00.123Z', 'warn', 5, '2024-05-02T08:06:00.000Z', 'Unhealthy'],
      ['2024-05-02T08:07:10.000Z', 'info', 1, null, 'Started'],
    ]);
  });
});

describe('pagerduty', () => {
  it('maps log entry types to kinds and reports a bad created_at', () => {
    const r = runFixture('pagerduty', 'pagerduty_log_entries.json');
    expect(r.errors).toEqual([{ line: 1, reason: 'log entry #6: missing or unreadable "created_at"' }]);
    const byKind = Object.fromEntries(r.records.map((x) => [x.kindHint, iso(x.at)]));
    expect(byKind).toEqual({
      recovery: '2024-05-02T09:14:02.000Z',
      note: '2024-05-02T08:40:00.000Z',
      communication: '2024-05-02T08:21:05.000Z',
      response: '2024-05-02T08:23:40.000Z',
      detection: '2024-05-02T08:21:00.000Z',
    });
    expect(r.records.every((x) => x.service === 'Checkout API')).toBe(true);
    expect(r.records.find((x) => x.kindHint === 'note')?.message).toBe(
      'Note added: Rolled back checkout to v41; error rate dropping',
    );
  });
});

describe('statuspage', () => {
  it('emits updates oldest first with status kinds', () => {
    const r = runFixture('statuspage', 'githubstatus_incident_rgy28jwprr1c.json');
    expect(r.errors).toEqual([]);
    expect(r.records.map((x) => [iso(x.at), x.kindHint])).toEqual([
      ['2019-09-23T16:12:01.706Z', 'detection'],
      ['2019-09-23T16:22:14.769Z', 'response'],
      ['2019-09-23T16:28:27.036Z', 'mitigation'],
      ['2019-09-23T16:37:46.707Z', 'recovery'],
    ]);
    expect(r.records[0]?.service).toBe('Notifications');
    expect(r.records[0]?.message).toBe('We are investigating a delay in webhook delivery.');
  });

  it('accepts the {incident} wrapper and arrays of incidents', () => {
    const one = JSON.parse(readFixture('githubstatus_incident_xvk42jkm6fzk.json')) as Record<string, unknown>;
    const inner = 'incident' in one ? one.incident : one;
    const wrapped = runText('statuspage', JSON.stringify({ incident: inner }));
    const list = runText('statuspage', JSON.stringify([inner, inner]));
    expect(wrapped.records.length).toBeGreaterThan(0);
    expect(list.records).toHaveLength(wrapped.records.length * 2);
    const times = wrapped.records.map((x) => x.at);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(wrapped.records.at(-1)?.kindHint).toBe('recovery');
  });
});

describe('slack', () => {
  it('reads the export zip: names from users.json, joins skipped, ts order', () => {
    const r = runFixture('slack', 'slack-export-viewer_testarchive.zip');
    expect(r.errors).toEqual([]);
    expect(r.records).toHaveLength(147);
    expect(r.skipped).toHaveLength(11);
    expect(r.records.every((x) => x.kindHint === 'communication')).toBe(true);
    expect(new Set(r.records.map((x) => x.service))).toEqual(new Set(['enrique', 'traveling-sailor']));
    const first = r.records[0];
    expect(iso(first?.at ?? null)).toBe('2016-01-15T05:55:52.000Z');
    expect(first?.message.startsWith('Hamza Faran: ')).toBe(true);
    for (let i = 1; i < r.records.length; i++)
      expect(r.records[i]!.at).toBeGreaterThanOrEqual(r.records[i - 1]!.at);
  });
});
