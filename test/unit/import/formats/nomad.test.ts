import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../shared/import/detect';
import { importTexts } from '../../../../shared/import/pipeline';
import { iso, readFixture, runFixture, runText } from './run';

const FILE = 'orchestrators/nomad_event_stream.ndjson';
const CAPTURED = Date.UTC(2026, 2, 14, 16, 0, 0);

describe('nomad-events: /v1/event/stream', () => {
  it('is detected from its head', () => {
    expect(detectFormat(readFixture(FILE).slice(0, 1024), 'events.ndjson').id).toBe('nomad-events');
  });

  it('reads deployments, job registration, allocation failures and a node drain', () => {
    const r = runFixture('nomad-events', FILE, { capturedAt: CAPTURED });
    expect(r.errors).toEqual([]);
    expect(r.skipped).toEqual([5]); // the {} heartbeat
    expect(r.lines).toBe(7);
    expect(
      r.records.map((x) => [
        iso(x.at)?.slice(11, 19),
        x.kindHint,
        x.service,
        x.region,
        x.change?.id ?? null,
        x.change?.phase ?? null,
        x.change?.weight ?? null,
        x.timeFallback,
      ]),
    ).toEqual([
      ['15:00:00', 'change', 'checkout', 'eu-west', 'checkout v8', 'started', null, false],
      ['16:00:00', 'change', 'checkout', 'eu-west', 'checkout v8', 'started', null, true],
      ['15:02:00', 'change', 'checkout', 'eu-west', 'checkout v8', 'step', 100, false],
      ['15:03:15', 'impact', 'checkout', 'eu-west', null, null, null, false],
      ['15:03:15', 'impact', 'checkout', 'eu-west', null, null, null, false],
      ['16:00:00', 'mitigation', 'checkout', 'eu-west', 'checkout v8', 'rolled-back', null, true],
      ['15:05:00', 'change', 'client-3', 'dc1', 'drain client-3', 'started', null, false],
    ]);
    expect(r.records[3]?.message).toBe(
      'Allocation of checkout.web failed: Exceeded allowed attempts 2 in interval 30m0s and mode is "fail"',
    );
    expect(r.records[1]?.attrs.timeFrom).toBe('capture');
  });

  it('without a capture time, borrows the previous event time and says so', () => {
    const r = runFixture('nomad-events', FILE);
    expect(r.records[1]?.at).toBe(r.records[0]?.at);
    expect(r.records[1]?.attrs.timeFrom).toBe('previous record');
    const first =
      '{"Index":1,"Events":[{"Topic":"Deployment","Type":"DeploymentStatusUpdate","Payload":{"Deployment":{"JobID":"a","Status":"running"}}}]}';
    expect(runText('nomad-events', first).errors[0]?.reason).toContain('no time in the payload');
  });

  it('the import counts records that got the fallback time', () => {
    const result = importTexts([{ name: 'events.ndjson', text: readFixture(FILE) }], { zone: 'UTC' });
    expect(result.stats.perFile[0]?.timeFallback).toBe(2);
    expect(result.stats.perFile[0]?.records).toBe(7);
  });
});
