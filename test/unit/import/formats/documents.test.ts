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
  it('emits every update as communication, text intact, and component transitions as impact and recovery', () => {
    const r = runFixture('statuspage', 'githubstatus_incident_rgy28jwprr1c.json');
    expect(r.errors).toEqual([]);
    expect(r.records.map((x) => [iso(x.at), x.kindHint, x.service, x.message])).toEqual([
      [
        '2019-09-23T16:12:01.706Z',
        'communication',
        'Notifications',
        'We are investigating a delay in webhook delivery.',
      ],
      ['2019-09-23T16:12:01.706Z', 'impact', 'Notifications', 'Notifications: major outage'],
      [
        '2019-09-23T16:22:14.769Z',
        'communication',
        'Notifications',
        'Webhooks have recovered, GitHub updates via the Slack integration are behind as we work through the backlog',
      ],
      [
        '2019-09-23T16:22:14.769Z',
        'impact',
        'Notifications',
        'Notifications: degraded performance (was major outage)',
      ],
      [
        '2019-09-23T16:28:27.036Z',
        'communication',
        'Notifications',
        'A fix has been implemented and we are monitoring the results.',
      ],
      [
        '2019-09-23T16:37:46.707Z',
        'communication',
        'Notifications',
        'The backlog has cleared and all notifications are operational.',
      ],
      [
        '2019-09-23T16:37:46.707Z',
        'recovery',
        'Notifications',
        'Notifications is operational again (was degraded performance)',
      ],
      [
        '2019-09-23T16:37:46.707Z',
        'mitigation',
        null,
        'Every affected component is operational: Notifications',
      ],
    ]);
    // The update at resolved_at closes the incident; the others keep their status as type.
    expect(r.records.filter((x) => x.kindHint === 'communication').map((x) => x.type)).toEqual([
      'investigating',
      'identified',
      'monitoring',
      'statuspage.incident.resolved',
    ]);
  });

  it('reads component status from the sentences Statuspage writes when affected_components say nothing', () => {
    const r = runFixture('statuspage', 'githubstatus_incident_lc8s9rtyjmgq.json');
    const derived = r.records.filter((x) => x.kindHint !== 'communication');
    expect(derived.map((x) => [iso(x.at), x.kindHint, x.message])).toEqual([
      ['2021-08-10T20:09:04.042Z', 'impact', 'GitHub Actions: degraded performance'],
      ['2021-08-10T20:16:57.461Z', 'impact', 'GitHub Actions: partial outage (was degraded performance)'],
      ['2021-08-10T22:24:05.186Z', 'impact', 'GitHub Actions: major outage (was partial outage)'],
      ['2021-08-10T22:37:02.850Z', 'impact', 'GitHub Actions: partial outage (was major outage)'],
      ['2021-08-10T23:10:51.289Z', 'recovery', 'GitHub Actions is operational again (was partial outage)'],
      ['2021-08-10T23:10:51.289Z', 'mitigation', 'Every affected component is operational: GitHub Actions'],
    ]);
  });

  it('starts impact at started_at when an incident with user impact names no component status', () => {
    const r = runFixture('statuspage', 'githubstatus_incident_xvk42jkm6fzk.json');
    const derived = r.records.filter((x) => x.kindHint !== 'communication');
    expect(derived.map((x) => [iso(x.at), x.kindHint, x.message])).toEqual([
      [
        '2022-01-28T00:50:29.158Z',
        'impact',
        'Incident started (minor impact): Errors on the GitHub Dashboard',
      ],
    ]);
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
    expect(wrapped.records.at(-1)?.type).toBe('statuspage.incident.resolved');
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
