import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../shared/import/detect';
import { importTexts } from '../../../../shared/import/pipeline';
import { classifyKind } from '../../../../shared/timeline/classify';
import { format, iso, readFixture, runFixture, runText } from './run';

const USERGUIDE = 'cloudtrail_userguide_examples.json';

/** A minimal management event; `extra` overrides or adds fields. */
function rec(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/bob', userName: 'bob' },
    eventTime: '2024-05-02T08:00:00Z',
    eventSource: 'ec2.amazonaws.com',
    eventName: 'RebootInstances',
    awsRegion: 'eu-west-1',
    requestParameters: { instancesSet: { items: [{ instanceId: 'i-1' }] } },
    ...extra,
  };
}

describe('cloudtrail: AWS user guide examples (Records file)', () => {
  const r = runFixture('cloudtrail', USERGUIDE);

  it('reads all 8 records without errors, in file order (not time-sorted)', () => {
    expect(r.errors).toEqual([]);
    // The whole document is one value starting on line 1; the other 258 lines are its body.
    expect(r.lines).toBe(259);
    expect(r.skipped).toHaveLength(258);
    expect(r.records.every((x) => x.source.line === 1)).toBe(true);
    expect(r.records.map((x) => [iso(x.at), x.service, x.region, x.level, x.kindHint])).toEqual([
      ['2014-03-06T21:22:54.000Z', 'ec2', 'us-east-2', 'info', 'change'],
      ['2014-03-06T21:01:59.000Z', 'ec2', 'us-east-2', 'info', 'change'],
      ['2014-03-06T17:10:34.000Z', 'ec2', 'us-east-2', 'info', 'change'],
      ['2014-03-24T21:11:59.000Z', 'iam', 'us-east-2', 'info', 'change'],
      ['2014-03-25T21:08:14.000Z', 'iam', 'us-east-2', 'info', 'change'],
      ['2016-07-14T19:15:45.000Z', 'cloudtrail', 'us-east-2', 'error', 'log'],
      ['2019-11-14T00:51:00.000Z', 'ssm', 'us-east-1', 'warn', 'detection'],
      ['2019-11-14T00:52:00.000Z', 'ssm', 'us-east-1', 'info', 'recovery'],
    ]);
  });

  it('names the caller and the main resource', () => {
    expect(r.records.slice(0, 5).map((x) => x.message)).toEqual([
      'StartInstances on ec2 by Alice — i-ebeaf9e2',
      'StopInstances on ec2 by Alice — i-ebeaf9e2',
      'CreateKeyPair on ec2 by Alice — mykeypair',
      'CreateUser on iam by Alice — Bob',
      'AddUserToGroup on iam by Alice — Bob, admin',
    ]);
    expect(r.records[0]?.attrs).toEqual({
      user: 'Alice',
      userType: 'IAMUser',
      sourceIP: '205.251.233.176',
      userAgent: 'ec2-api-tools 1.6.12.2',
      account: '123456789012',
    });
  });

  it('reports the UpdateTrail failure as an error-level log record, not impact', () => {
    const fail = r.records[5];
    expect(fail?.message).toBe(
      'UpdateTrail on cloudtrail by Alice failed: TrailNotFoundException — Unknown trail: myTrail2 for the user: 123456789012',
    );
    expect(fail?.type).toBe('UpdateTrail');
    expect(fail?.attrs).toMatchObject({
      eventID: 'b7d4398e-b2f0-4faa-9c76-e2d316a8d67f',
      eventType: 'AwsApiCall',
      errorCode: 'TrailNotFoundException',
      errorMessage: 'Unknown trail: myTrail2 for the user: 123456789012',
      account: '123456789012',
    });
  });

  it('turns the Insights Start/End pair into detection and recovery', () => {
    const [start, end] = r.records.slice(6);
    expect(start?.message).toBe(
      'CloudTrail Insight started: ApiCallRateInsight for ssm UpdateInstanceInformation — average 664 vs baseline 85.42',
    );
    expect(end?.message).toBe(
      'CloudTrail Insight ended: ApiCallRateInsight for ssm UpdateInstanceInformation — average 664 vs baseline 85.42 — lasted 1 min',
    );
    expect(start?.attrs).toMatchObject({
      eventType: 'AwsCloudTrailInsight',
      'insight.state': 'Start',
      'insight.insightType': 'ApiCallRateInsight',
      'insight.eventName': 'UpdateInstanceInformation',
      'insight.statistics.insight.average': 664,
    });
    expect(end?.attrs['insight.statistics.insightDuration']).toBe(1);
    expect(start?.attrs.sharedEventID).toBe(end?.attrs.sharedEventID);
  });

  it('builds a time-ordered timeline from the unsorted file', () => {
    const { events, stats } = importTexts([{ name: USERGUIDE, text: readFixture(USERGUIDE) }], {
      zone: 'UTC',
      format: 'cloudtrail',
    });
    expect(stats.errorCount).toBe(0);
    const ats = events.map((e) => e.at);
    expect(ats).toEqual([...ats].sort((a, b) => a - b));
    expect(events.map((e) => e.kind)).toEqual([
      'change',
      'change',
      'change',
      'change',
      'change',
      'detection',
      'recovery',
    ]);
    expect(events[0]?.title).toContain('CreateKeyPair');
  });
});

describe('cloudtrail: lookup-events output', () => {
  const r = runFixture('cloudtrail', 'cloudtrail_lookup_events.json');

  it('parses the embedded CloudTrailEvent strings and names a broken one', () => {
    expect(r.errors).toEqual([
      {
        line: 1,
        reason: expect.stringMatching(
          /^event #6: "CloudTrailEvent" is not valid JSON at column \d+: [^"]+$/,
        ) as string,
      },
    ]);
    expect(r.records.map((x) => [iso(x.at), x.level, x.kindHint, x.message])).toEqual([
      [
        '2024-05-02T08:31:00.000Z',
        'info',
        'change',
        'UpdateAlias20150331 on lambda by OnCall/alice — checkout-api, live',
      ],
      [
        '2024-05-02T08:26:30.000Z',
        'error',
        'log',
        expect.stringMatching(
          /^UpdateFunctionConfiguration20150331v2 on lambda by alice failed: AccessDenied — User: arn:/,
        ) as string,
      ],
      [
        '2024-05-02T08:24:05.000Z',
        'debug',
        'log',
        'GetFunction20150331v2 on lambda by OnCall/alice — checkout-api',
      ],
      ['2024-05-02T08:21:40.000Z', 'info', 'log', 'ConsoleLogin on signin by alice: Success'],
      [
        '2024-05-02T08:05:00.000Z',
        'info',
        'change',
        'PutMetricAlarm on monitoring by DeployRole — checkout-5xx',
      ],
      [
        '2024-05-02T08:02:10.000Z',
        'info',
        'change',
        'UpdateFunctionConfiguration20150331v2 on lambda by DeployRole/deploy-42 — checkout-api',
      ],
    ]);
    // Region and attrs come from the embedded event; the outer-only item has what the CLI gives.
    expect(r.records[0]?.region).toBe('eu-west-1');
    expect(r.records[0]?.attrs.user).toBe('arn:aws:sts::111122223333:assumed-role/OnCall/alice');
    expect(r.records[4]).toMatchObject({ region: null, service: 'monitoring' });
    expect(r.records[4]?.attrs).toEqual({
      eventID: '11111111-0000-4000-8000-000000000006',
      user: 'DeployRole',
      readOnly: false,
    });
  });

  it('reports an embedded value that is not an object, a missing EventTime and a non-list', () => {
    const events = [
      { EventId: 'a', EventTime: '2024-05-02T08:00:00Z', CloudTrailEvent: '42' },
      { EventId: 'b', EventName: 'StopInstances' },
      { EventId: 'c', EventTime: '2024-05-02T08:00:00Z', CloudTrailEvent: 5 },
    ];
    const r = runText('cloudtrail', `${JSON.stringify({ Events: events })}\n{"Events": 5}`);
    expect(r.records).toEqual([]);
    expect(r.errors).toEqual([
      {
        line: 1,
        reason: 'event #1: "CloudTrailEvent" is not a JSON object (and 2 more problems on this line)',
      },
      { line: 2, reason: '"Events" is not a list' },
    ]);
    const missing = runText('cloudtrail', JSON.stringify({ Events: [events[1]] }));
    expect(missing.errors).toEqual([{ line: 1, reason: 'event #1: missing or unreadable "EventTime"' }]);
  });
});

describe('cloudtrail: JSON Lines (Lake / CloudWatch Logs exports)', () => {
  const r = runFixture('cloudtrail', 'cloudtrail_lake.jsonl');

  it('accounts for every line and names the bad ones', () => {
    expect(r.lines).toBe(12);
    expect(r.skipped).toEqual([1, 5]);
    expect(r.errors).toEqual([
      { line: 10, reason: 'record: missing or unreadable "eventTime"' },
      { line: 11, reason: 'expected a CloudTrail record, {"Records": [...]} or {"Events": [...]}' },
      { line: 12, reason: expect.stringContaining('not valid JSON') as string },
    ]);
  });

  it('maps dry runs, writes, reads, server faults, data events and service events', () => {
    expect(r.records.map((x) => [x.source.line, x.level, x.kindHint, classifyKind(x)])).toEqual([
      [2, 'info', 'log', 'log'],
      [3, 'info', 'change', 'change'],
      [4, 'debug', 'log', 'log'],
      [6, 'error', null, 'impact'],
      [7, 'info', 'log', 'log'],
      [8, 'error', 'log', 'log'],
      [9, 'info', 'change', 'change'],
    ]);
    expect(r.records.map((x) => x.message)).toEqual([
      'RunInstances on ec2 by CiRole/gha-run-77 (dry run)',
      'RunInstances on ec2 by CiRole/gha-run-77 — i-0a1b2c3d4e5f60001, i-0a1b2c3d4e5f60002',
      'DescribeInstances on ec2 by CiRole/gha-run-77',
      'TerminateInstances on ec2 by CiRole/gha-run-77 failed: Server.InternalError — An internal error has occurred',
      'PutObject on s3 by CiRole/gha-run-77 — checkout-assets',
      'ListBuckets on s3 by CiRole/gha-run-77 failed: ThrottlingException — Rate exceeded',
      'RotateKey on kms by kms.amazonaws.com',
    ]);
  });

  it('gives write calls the change model: completed on their resources, failed on a server fault', () => {
    expect(
      r.records.map((x) => [x.source.line, x.change?.phase ?? null, x.change?.targets[0]?.component ?? null]),
    ).toEqual([
      [2, null, null],
      [3, 'completed', 'i-0a1b2c3d4e5f60001, i-0a1b2c3d4e5f60002'],
      [4, null, null],
      [6, 'failed', expect.any(String) as string],
      [7, null, null],
      [8, null, null],
      [9, 'completed', 'kms'],
    ]);
    expect(r.records[1]?.change?.targets[0]?.region).toBe(r.records[1]?.region);
  });
});

describe('cloudtrail: shapes and edge cases', () => {
  it('reads concatenated one-line log files (zcat of several .json.gz)', () => {
    const files = [{ Records: [rec(), rec({ eventName: 'StopInstances' })] }, { Records: [rec()] }];
    const r = runText('cloudtrail', files.map((f) => JSON.stringify(f)).join('\n'));
    expect(r.errors).toEqual([]);
    expect(r.records.map((x) => [x.source.line, x.type])).toEqual([
      [1, 'RebootInstances'],
      [1, 'StopInstances'],
      [2, 'RebootInstances'],
    ]);
  });

  it('reads a pretty-printed bare array, naming a record without eventTime by its line', () => {
    const text = JSON.stringify([rec(), rec({ eventTime: undefined }), 7], null, 2);
    const r = runText('cloudtrail', text);
    expect(r.records.map((x) => x.message)).toEqual(['RebootInstances on ec2 by bob — i-1']);
    expect(r.errors.map((e) => e.reason)).toEqual([
      'record: missing or unreadable "eventTime"',
      'expected a CloudTrail record, {"Records": [...]} or {"Events": [...]}',
    ]);
    expect(r.errors[0]?.line).toBeGreaterThan(r.records[0]?.source.line ?? Infinity);
    expect(r.records.length + r.errors.length + r.skipped.length).toBe(r.lines);
  });

  it('names the record # and field inside a Records list, keeping the good records', () => {
    const items = [rec(), rec({ eventTime: 'yesterday-ish' }), null, 'x', [rec()]];
    const r = runText('cloudtrail', JSON.stringify({ Records: items }));
    expect(r.records).toHaveLength(1);
    expect(r.errors).toEqual([
      {
        line: 1,
        reason: 'record #2: missing or unreadable "eventTime" (and 3 more problems on this line)',
      },
    ]);
    const each = runText(
      'cloudtrail',
      [null, 'x', [rec()]].map((v) => JSON.stringify({ Records: [v] })).join('\n'),
    );
    expect(each.errors.map((e) => e.reason)).toEqual([
      'record #1: not an object',
      'record #1: not an object',
      'record #1: not an object',
    ]);
    expect(runText('cloudtrail', '{"Records": {}}').errors).toEqual([
      { line: 1, reason: '"Records" is not a list' },
    ]);
    expect(runText('cloudtrail', '{"Records": []}').skipped).toEqual([1]);
  });

  it('classifies by readOnly, falling back to the verb when it is absent', () => {
    const lines = [
      rec({ eventName: 'ListFunctions' }),
      rec({ eventName: 'DeleteFunction', readOnly: false }),
      rec({ eventName: 'GetLoginProfile', readOnly: 'false' }),
      rec({ eventName: 'StartQuery', readOnly: true }),
      rec({ eventName: 'UpdateService', errorCode: 'ServiceUnavailableException' }),
      rec({ eventName: 'ListTables', errorCode: 'InternalFailure', readOnly: true }),
      rec({ eventName: 'SharedSnapshotCopyInitiated', eventType: 'AwsServiceEvent' }),
      rec({ eventName: 'TerminateInstances', errorCode: 'UnauthorizedOperation' }),
    ].map((x) => JSON.stringify(x));
    const r = runText('cloudtrail', lines.join('\n'));
    expect(r.records.map((x) => [x.level, x.kindHint, classifyKind(x)])).toEqual([
      ['debug', 'log', 'log'],
      ['info', 'change', 'change'],
      ['info', 'change', 'change'],
      ['debug', 'log', 'log'],
      ['error', null, 'impact'],
      ['error', null, 'impact'],
      ['info', 'log', 'log'],
      ['error', 'log', 'log'],
    ]);
  });

  it('reads console sign-ins and assumed-role callers', () => {
    const signin = rec({
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      eventType: 'AwsConsoleSignIn',
      requestParameters: null,
      responseElements: { ConsoleLogin: 'Failure' },
      errorMessage: 'Failed authentication',
    });
    const role = rec({
      userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::1:assumed-role/Admin/carol' },
      requestParameters: { roleName: 'web', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
      eventName: 'AttachRolePolicy',
      eventSource: 'iam.amazonaws.com',
    });
    const r = runText('cloudtrail', `${JSON.stringify(signin)}\n${JSON.stringify(role)}`);
    expect(r.records.map((x) => [x.message, x.level, x.kindHint])).toEqual([
      ['ConsoleLogin on signin by bob: Failure — Failed authentication', 'warn', 'log'],
      ['AttachRolePolicy on iam by Admin/carol — web, policy/AdministratorAccess', 'info', 'change'],
    ]);
  });

  it('reads Athena rows with lowercase columns and string-encoded parameters', () => {
    const row = {
      eventversion: '1.08',
      useridentity: { type: 'IAMUser', username: 'dave', arn: 'arn:aws:iam::1:user/dave' },
      eventtime: '2024-05-02T08:00:00Z',
      eventsource: 'lambda.amazonaws.com',
      eventname: 'DeleteFunction20150331',
      awsregion: 'us-west-2',
      requestparameters: '{"functionName":"old-worker"}',
      readonly: 'false',
    };
    const r = runText('cloudtrail', JSON.stringify(row));
    expect(r.errors).toEqual([]);
    expect(r.records[0]).toMatchObject({
      message: 'DeleteFunction20150331 on lambda by dave — old-worker',
      region: 'us-west-2',
      kindHint: 'change',
    });
  });

  it('is detected from its head, and only then', () => {
    const cloudtrail = format('cloudtrail');
    for (const name of [USERGUIDE, 'cloudtrail_lookup_events.json', 'cloudtrail_lake.jsonl']) {
      const head = readFixture(name).slice(0, 1024);
      expect(cloudtrail.detect(head, name)).toBeGreaterThanOrEqual(0.9);
      expect(detectFormat(head, name).id).toBe('cloudtrail');
    }
    expect(cloudtrail.detect('{"time":"2024-01-01T00:00:00Z","eventName":"x"}', 'a.jsonl')).toBe(0);
    expect(cloudtrail.detect('{"eventVersion":"1"}', 'a.json')).toBe(0);
  });
});
