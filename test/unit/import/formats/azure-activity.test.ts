import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../shared/import/detect';
import { FIXTURES, iso, runFixture, runText } from './run';

const ID = 'azure-activity';
const VM = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-1';

/** A minimal REST-schema Administrative event; fields override. */
function ev(o: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventTimestamp: '2024-03-05T10:00:00.1234567Z',
    category: { value: 'Administrative', localizedValue: 'Administrative' },
    operationName: { value: 'Microsoft.Compute/virtualMachines/write' },
    status: { value: 'Succeeded', localizedValue: 'Succeeded' },
    level: 'Informational',
    resourceId: VM,
    caller: 'user@contoso.com',
    correlationId: 'c1',
    eventDataId: 'd1',
    ...o,
  };
}

function accounted(r: ReturnType<typeof runText>): number {
  return r.records.length + r.skipped.length + r.errors.length;
}

describe('azure-activity: Microsoft doc samples', () => {
  it('reads the REST/portal samples (Administrative, ServiceHealth, ResourceHealth, Autoscale)', () => {
    const r = runFixture(ID, 'azure_activitylog_rest_examples.json');
    expect(r.errors).toEqual([]);
    expect(accounted(r)).toBe(r.lines);
    expect(
      r.records.map((x) => [x.source.line, iso(x.at), x.kindHint, x.level, x.service, x.region]),
    ).toEqual([
      [2, '2018-01-29T20:42:31.381Z', 'change', 'info', 'networkSecurityGroups', null],
      [85, '2017-07-20T23:30:14.802Z', 'impact', 'warn', 'Service Fabric', 'UK South'],
      [137, '2018-09-04T15:33:43.650Z', 'impact', 'fatal', 'virtualMachines', null],
      [189, '2017-07-21T01:00:51.868Z', 'change', 'info', 'autoscalesettings', null],
    ]);
    const [write, health, vm, scale] = r.records;
    expect(write?.message).toBe(
      'Microsoft.Network/networkSecurityGroups/write Succeeded on myNSG by rob@contoso.com',
    );
    expect(write?.attrs).toMatchObject({
      category: 'Administrative',
      operation: 'Microsoft.Network/networkSecurityGroups/write',
      status: 'Succeeded',
      caller: 'rob@contoso.com',
      correlationId: 'aaaa0000-bb11-2222-33cc-444444dddddd',
      eventDataId: 'aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e',
      'properties.statusCode': 'Created',
    });
    // Placed when Azure posted it; the earlier impact start is named and kept.
    expect(health?.message).toBe(
      'Service Health: Active: Network Infrastructure - UK South (impact since 2017-07-20 21:41 UTC)',
    );
    expect(health?.attrs).toMatchObject({
      impactStartTime: '2017-07-20T21:41:00.0000000Z',
      'properties.trackingId': 'NA0F-BJG',
      'properties.stage': 'Active',
    });
    expect(health?.attrs).not.toHaveProperty('properties.defaultLanguageContent');
    expect(String(health?.attrs['properties.communication'])).toMatch(/^Starting at approximately 21:41 UTC/);
    expect(vm?.message).toBe(
      'Resource Health: Virtual Machine health status changed to unavailable on <resource name> (cause: PlatformInitiated)',
    );
    expect(scale?.message).toBe('Autoscale scale down 3 → 2 instances on myResource');
    expect(r.records.map((x) => x.type)).toEqual([
      'Microsoft.Network/networkSecurityGroups/write',
      'Microsoft.ServiceHealth/incident/action',
      'Microsoft.Resourcehealth/healthevent/Activated/action',
      'Microsoft.Insights/AutoscaleSettings/Scaledown/Action',
    ]);
  });

  it('reads the diagnostic-settings (storage account) record', () => {
    const r = runFixture(ID, 'azure_activitylog_storage_records_example.json');
    expect(r.errors).toEqual([]);
    expect(accounted(r)).toBe(r.lines);
    expect(r.records).toHaveLength(1);
    const [rec] = r.records;
    expect(iso(rec?.at ?? null)).toBe('2019-01-21T22:14:26.979Z');
    expect(rec).toMatchObject({ kindHint: 'change', level: 'info', service: 'supporttickets', region: null });
    expect(rec?.message).toBe(
      'microsoft.support/supporttickets/write Succeeded on 123456112305841 by admin@contoso.com',
    );
    expect(rec?.attrs).toMatchObject({
      category: 'Write',
      status: 'Succeeded',
      subStatus: 'Created',
      callerIpAddress: '111.111.111.11',
      durationMs: 2826,
      correlationId: 'aaaa6666-bb77-8888-99cc-000000dddddd',
    });
  });
});

describe('azure-activity: kinds', () => {
  it('tells the hand-written incident as a story', () => {
    const r = runFixture(ID, 'azure_activity_incident.jsonl');
    expect(r.lines).toBe(17);
    expect(r.skipped).toEqual([1]);
    expect(r.errors).toEqual([{ line: 9, reason: 'event #8: missing or unreadable "eventTimestamp"' }]);
    expect(r.records.map((x) => [x.source.line, x.kindHint, x.level])).toEqual([
      [2, 'change', 'info'],
      [3, 'change', 'info'],
      [4, 'detection', 'fatal'],
      [5, 'impact', 'warn'],
      [6, 'change', 'info'],
      [7, 'impact', 'error'],
      [8, 'change', 'info'],
      [10, 'log', 'info'],
      [11, 'log', 'info'],
      [12, 'log', 'warn'],
      [13, 'recovery', 'info'],
      [14, 'recovery', 'info'],
      [15, 'impact', 'warn'],
      [16, 'recovery', 'info'],
      [17, 'log', 'info'],
    ]);
    const msg = (line: number): string | undefined => r.records.find((x) => x.source.line === line)?.message;
    expect(iso(r.records[0]?.at ?? null)).toBe('2024-03-05T09:59:58.123Z');
    expect(msg(4)).toBe('Alert checkout-http-5xx Activated on app-checkout');
    expect(msg(6)).toBe('Autoscale scale up 2 → 4 instances on plan-checkout');
    expect(msg(7)).toBe(
      'Microsoft.Web/sites/slots/slotsswap/action Failed (Conflict) on staging by oncall@contoso.com',
    );
    expect(msg(16)).toBe('Service Health: Resolved: App Service - West Europe');
    expect(msg(17)).toBe('Recommendation: A new recommendation is available.');
  });

  it('maps failures by level, reads as log, maintenance as communication', () => {
    const lines = [
      ev({ status: { value: 'Failed' }, level: 'Warning', subStatus: { value: 'Conflict' } }),
      ev({ status: { value: 'Failed' }, level: 'Critical' }),
      ev({ status: { value: 'Canceled' } }),
      ev({ operationName: { value: 'Microsoft.Compute/virtualMachines/read' }, status: { value: 'Failed' } }),
      ev({
        category: { value: 'Policy' },
        operationName: { value: 'Microsoft.Authorization/policies/audit/action' },
      }),
      ev({ category: { value: 'Security' }, level: 'Critical', description: 'Suspicious login' }),
      ev({
        category: { value: 'ServiceHealth' },
        status: { value: 'Active' },
        properties: { incidentType: 'Maintenance', stage: 'Planned', title: 'Planned maintenance' },
      }),
      ev({ category: 'constructor', status: 'constructor', operationName: { value: 'toString' } }),
      ev({
        category: { value: 'Autoscale' },
        operationName: { value: 'Microsoft.Insights/AutoscaleSettings/Flapping/Action' },
      }),
    ].map((e) => JSON.stringify(e));
    const r = runText(ID, lines.join('\n'));
    expect(r.errors).toEqual([]);
    expect(r.records.map((x) => [x.kindHint, x.level])).toEqual([
      ['log', 'warn'],
      ['impact', 'fatal'],
      ['log', 'info'],
      ['log', 'warn'],
      ['log', 'info'],
      ['log', 'fatal'],
      ['communication', 'info'],
      [null, 'info'],
      ['log', 'info'],
    ]);
    expect(r.records[0]?.message).toBe(
      'Microsoft.Compute/virtualMachines/write Failed (Conflict) on vm-1 by user@contoso.com',
    );
    expect(r.records[6]?.message).toBe('Service Health: Planned: Planned maintenance');
    // Names that are also Object.prototype members stay plain text.
    expect(r.records[7]?.message).toBe('constructor: toString constructor on vm-1 by user@contoso.com');
  });
});

describe('azure-activity: containers and bad input', () => {
  it('reads the REST list response {"value": [...]}, pretty-printed or on one line', () => {
    const body = { value: [ev(), ev({ eventTimestamp: '2024-03-05T10:01:00Z' })], nextLink: null };
    for (const text of [JSON.stringify(body, null, 2), JSON.stringify(body)]) {
      const r = runText(ID, text);
      expect(r.errors).toEqual([]);
      expect(r.records.map((x) => [x.source.line, iso(x.at)])).toEqual([
        [1, '2024-03-05T10:00:00.123Z'],
        [1, '2024-03-05T10:01:00.000Z'],
      ]);
      expect(r.records[0]?.message).toBe(
        'Microsoft.Compute/virtualMachines/write Succeeded on vm-1 by user@contoso.com',
      );
    }
    expect(runText(ID, '{"value": []}')).toMatchObject({ records: [], errors: [], skipped: [1] });
  });

  it('reads JSON Lines of events and of {"records": [...]} batches', () => {
    const recordLine = JSON.stringify({
      records: [
        {
          time: '2024-03-05T10:02:00Z',
          operationName: 'MICROSOFT.WEB/SITES/WRITE',
          category: 'Administrative',
          resultType: 'Start',
          location: 'westeurope',
          resourceId: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web/sites/app',
        },
      ],
    });
    const text = [JSON.stringify(ev()), '', recordLine, JSON.stringify(ev({ level: 'Verbose' }))].join('\n');
    const r = runText(ID, text, { chunk: 7 });
    expect(r.errors).toEqual([]);
    expect(r.skipped).toEqual([2]);
    expect(accounted(r)).toBe(r.lines);
    expect(r.records.map((x) => [x.source.line, x.kindHint, x.level, x.region])).toEqual([
      [1, 'change', 'info', null],
      [3, 'change', null, 'westeurope'],
      [4, 'change', 'debug', null],
    ]);
    expect(r.records[1]?.message).toBe('MICROSOFT.WEB/SITES/WRITE Started on app');
  });

  it('names the item and field of an unreadable time', () => {
    const text = JSON.stringify(
      [ev(), ev({ eventTimestamp: 'yesterday' }), { operationName: { value: 'x' } }],
      null,
      1,
    );
    const r = runText(ID, text);
    expect(r.records).toHaveLength(1);
    expect(r.errors.map((e) => e.reason)).toEqual([
      'event #2: missing or unreadable "eventTimestamp"',
      'event #3: missing or unreadable "eventTimestamp"',
    ]);
    const batch = runText(ID, JSON.stringify({ records: [{ time: 'soon', operationName: 'a/b/write' }] }));
    expect(batch.errors).toEqual([{ line: 1, reason: 'record #1: missing or unreadable "time"' }]);
  });

  it('reports a non-object item and keeps its neighbours', () => {
    const r = runText(ID, JSON.stringify({ value: [ev(), 42, ev()] }));
    expect(r.records).toHaveLength(2);
    expect(r.errors).toEqual([{ line: 1, reason: 'event #2: not an object' }]);
    const lines = runText(ID, `${JSON.stringify(ev())}\n"text"\nnull`);
    expect(lines.errors).toEqual([
      { line: 2, reason: 'event #2: not an object' },
      { line: 3, reason: 'event #3: not an object' },
    ]);
  });

  it('skips an empty array', () => {
    expect(runText(ID, '[]')).toMatchObject({ records: [], errors: [], skipped: [1], lines: 1 });
    expect(runText(ID, '[\n]\n')).toMatchObject({ records: [], errors: [], skipped: [1, 2] });
  });
});

describe('azure-activity: detection', () => {
  const head = (name: string): string =>
    readFileSync(join(FIXTURES, name)).subarray(0, 1024).toString('latin1');

  it('claims diagnostic records and events that show eventTimestamp early', () => {
    expect(detectFormat(head('azure_activitylog_storage_records_example.json'), 'x.json').id).toBe(ID);
    expect(detectFormat(head('azure_activity_incident.jsonl'), 'x.jsonl').id).toBe(ID);
    expect(detectFormat(JSON.stringify({ value: [ev()] }), 'list.json').id).toBe(ID);
  });

  it('leaves other JSON alone', () => {
    const f = (h: string): number =>
      detectFormat(h, 'x.json').candidates.find((c) => c.id === ID)?.confidence ?? 0;
    expect(f('{"time":"2024-01-01T00:00:00Z","msg":"x","correlationId":"c"}')).toBe(0);
    expect(f('{"eventTimestamp":"2024-01-01T00:00:00Z","msg":"x"}')).toBe(0);
    expect(f('{"records":[{"resourceId":"/x","operationName":"y"}]}')).toBe(0);
  });
});

describe('azure-activity: the change model', () => {
  it('gives a write its resource as target, the correlation id as change id and the phase from its status', () => {
    const r = runFixture('azure-activity', 'azure_activity_incident.jsonl');
    const write = r.records.find((x) => x.type === 'Microsoft.Web/sites/config/write');
    expect(write?.change?.id).toBe('c0000000-0000-0000-0000-000000000001');
    expect(write?.change?.phase).toBe('started');
    expect(write?.change?.targets.length).toBe(1);
    const phases = new Set(r.records.filter((x) => x.change !== null).map((x) => x.change?.phase));
    expect(phases.has('completed')).toBe(true);
    // Reads never carry a change.
    expect(r.records.filter((x) => /\/read$/i.test(x.type ?? '')).every((x) => x.change === null)).toBe(true);
  });
});
