import { describe, expect, it } from 'vitest';
import { kindFromEventType, phaseFromType } from '../../../../shared/import/formats/kinds';
import { iso, readFixture, runFixture, runText } from './run';

describe('cloudevents', () => {
  it('reads the hand-written rollout (BOM, CRLF, comments, offsets, bad lines)', () => {
    const r = runFixture('cloudevents', 'rollout_cloudevents.jsonl');
    expect(r.lines).toBe(13);
    expect(r.skipped).toEqual([1, 3]);
    expect(r.errors).toEqual([
      { line: 8, reason: 'missing "time" attribute' },
      { line: 9, reason: 'invalid "time" attribute: "not a time"' },
      { line: 10, reason: expect.stringContaining('not valid JSON') as string },
    ]);
    expect(r.records.map((x) => [x.source.line, iso(x.at), x.kindHint])).toEqual([
      [2, '2024-03-10T09:58:00.000Z', 'change'],
      [4, '2024-03-10T10:05:00.000Z', 'change'],
      [5, '2024-03-10T10:01:30.123Z', 'impact'],
      [6, '2024-03-10T10:06:00.000Z', 'detection'],
      [7, '2024-03-10T10:06:40.123Z', 'impact'],
      [11, '2024-03-10T10:20:00.000Z', 'communication'],
      [12, '2024-03-10T10:30:00.000Z', 'mitigation'],
      [13, '2024-03-10T10:31:00.000Z', null],
    ]);
    const [start, step, degraded, , vm, posted, rollback] = r.records;
    expect(start?.change).toEqual({
      id: '4711',
      changeKind: 'software',
      description: 'blob-fe 2.3 rollout',
      targets: [{ component: 'blob-fe', region: 'westus', slice: 's1' }],
      phase: 'started',
      weight: null,
    });
    expect(step?.change?.phase).toBe('step');
    expect(start?.attrs).toMatchObject({
      type: 'com.contoso.deploy.started',
      change: '4711',
      changeKind: 'software',
      id: 'e1',
    });
    expect(step?.message).toBe('deploy.step: change 4711 on blob-fe');
    expect(degraded).toMatchObject({
      service: 'blob-fe',
      region: 'westus',
      level: 'warn',
      message: 'p99 latency 4.2s',
    });
    expect(vm).toMatchObject({ service: 'storage-node', message: 'reboot.failed: storage-node' });
    expect(posted?.message).toBe('status.posted');
    expect(rollback?.message).toBe('rolled back 4711');
  });

  it('leaves attributes out when no one keeps them, and nothing else changes', () => {
    const kept = runFixture('cloudevents', 'rollout_cloudevents.jsonl');
    const left = runFixture('cloudevents', 'rollout_cloudevents.jsonl', { attrs: false });
    expect(kept.records.every((x) => Object.keys(x.attrs).length > 0)).toBe(true);
    expect(left.records.every((x) => Object.keys(x.attrs).length === 0)).toBe(true);
    const rest = (o: typeof kept) => ({ ...o, records: o.records.map((x) => ({ ...x, attrs: null })) });
    expect(rest(left)).toEqual(rest(kept));
  });

  it('reads a batch array with a non-base64 data_base64 without throwing', () => {
    const r = runFixture('cloudevents', 'cloudevents_spec_json_batch_example.json');
    expect(r.errors).toEqual([]);
    expect(r.records.map((x) => [x.source.line, x.attrs.id])).toEqual([
      [2, 'B234-1234-1234'],
      [13, 'C234-1234-1234'],
    ]);
    expect(r.records.length + r.skipped.length).toBe(r.lines);
  });

  it('reads structured-mode examples one per line', () => {
    const r = runFixture('cloudevents', 'cloudevents_spec_structured_examples.jsonl');
    expect(r.records).toHaveLength(5);
    expect(r.errors).toEqual([{ line: 6, reason: 'missing "time" attribute' }]);
    expect(r.records[4]?.message).toBe("I'm just a string");
  });

  it.each([
    ['service_deployed.json', 'change', '2023-03-20T14:27:05.315Z', 'test123'],
    ['incident_detected.json', 'detection', '2022-11-11T13:52:20.079Z', 'myApp'],
    ['incident_reported.json', 'response', null, 'myApp'],
    ['service_rolledback.json', 'mitigation', null, 'test123'],
    ['incident_resolved.json', 'recovery', null, 'myApp'],
  ])('reads CDEvent %s', (file, kind, at, service) => {
    const r = runFixture('cloudevents', `cdevents/${file}`);
    expect(r.errors).toEqual([]);
    expect(r.records).toHaveLength(1);
    const rec = r.records[0];
    expect(rec?.kindHint).toBe(kind);
    expect(rec?.service).toBe(service);
    if (at !== null) expect(iso(rec?.at ?? null)).toBe(at);
    expect(rec?.type).toMatch(/^dev\.cdevents\./);
  });

  it('reads several pretty-printed events concatenated (jq output)', () => {
    const one = readFixture('cdevents/incident_detected.json');
    const r = runText('cloudevents', `${one}\n${one}`);
    expect(r.records).toHaveLength(2);
    expect(r.errors).toEqual([]);
  });

  it('maps type suffixes with any prefix', () => {
    expect(kindFromEventType('deploy.started')).toBe('change');
    expect(kindFromEventType('io.x.flag.changed')).toBe('change');
    expect(kindFromEventType('io.x.deploy.failed')).toBe('impact');
    expect(kindFromEventType('io.x.vm.disk.failed')).toBe('impact');
    expect(kindFromEventType('io.x.db.error')).toBe('impact');
    expect(kindFromEventType('io.x.health.recovered')).toBe('recovery');
    expect(kindFromEventType('io.x.health.ok')).toBe('log');
    expect(kindFromEventType('io.x.heartbeat')).toBe('log');
    expect(kindFromEventType('io.x.alert.resolved')).toBe('recovery');
    expect(kindFromEventType('io.x.incident.declared')).toBe('response');
    expect(kindFromEventType('io.x.incident.resolved')).toBe('response');
    expect(kindFromEventType('io.x.failover.started')).toBe('mitigation');
    expect(kindFromEventType('dev.cdevents.incident.resolved.0.3.0')).toBe('recovery');
    expect(kindFromEventType('dev.cdevents.service.upgraded.0.2.0-draft')).toBe('change');
    expect(kindFromEventType('io.x.redeploy.started')).toBeNull();
    expect(kindFromEventType('io.x.unfailed')).toBeNull();
  });
});

describe('change phase from the event type', () => {
  it.each([
    ['com.x.deploy.started', 'started'],
    ['com.x.deploy.step', 'step'],
    ['com.x.deploy.completed', 'completed'],
    ['com.x.deploy.failed', 'failed'],
    ['com.x.rollback.completed', 'rolled-back'],
    ['com.x.rollback.started', 'rolled-back'],
    ['dev.cdevents.service.deployed.0.3.0', 'completed'],
    ['dev.cdevents.service.rolledback.0.3.0', 'rolled-back'],
    ['com.x.health.degraded', null],
  ])('%s → %s', (type, phase) => {
    expect(phaseFromType(type)).toBe(phase);
  });
});
