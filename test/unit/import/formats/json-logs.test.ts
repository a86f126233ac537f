import { describe, expect, it } from 'vitest';
import { iso, runFixture, runText } from './run';

describe('jsonl', () => {
  it('reads the bunyan corpus with its comments, bogus lines and numeric levels', () => {
    const r = runFixture('jsonl', 'bunyan_test_corpus_all.log');
    expect(r.lines).toBe(20);
    expect(r.records).toHaveLength(13);
    expect(r.skipped).toHaveLength(5);
    expect(r.errors.map((e) => e.line)).toEqual([19, 20]);
    expect(r.errors[0]?.reason).toMatch(/^not valid JSON/);
    expect(r.errors[1]?.reason).toMatch(/^no time field/);
    expect(r.records[0]).toMatchObject({ level: 'trace', service: 'myservice', message: 'My message' });
    expect(iso(r.records[0]?.at ?? null)).toBe('2012-02-08T22:56:50.856Z');
    expect(new Set(r.records.map((x) => x.level))).toEqual(
      new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']),
    );
  });

  it('reads pino (epoch ms, string level, dotted service.name)', () => {
    const [rec] = runFixture('jsonl', 'lnav_pino.jsonl').records;
    expect(rec).toMatchObject({ level: 'info', service: 'payment', message: 'Charge request received.' });
    expect(iso(rec?.at ?? null)).toBe('2025-04-24T22:08:37.537Z');
  });

  it('reads ECS (@timestamp, dotted log.level, critical → fatal)', () => {
    const r = runFixture('jsonl', 'lnav_ecs.jsonl');
    expect(r.records.map((x) => x.level)).toEqual(['debug', 'info', 'warn', 'error', 'fatal']);
    expect(iso(r.records[0]?.at ?? null)).toBe('2025-01-13T09:58:13.631Z');
    expect(r.records[0]?.attrs['log.origin.file.line']).toBe(42);
  });

  it('reads rust tracing (fields.message, upper-case levels)', () => {
    const r = runFixture('jsonl', 'lnav_rust_tracing.jsonl');
    expect(r.records).toHaveLength(5);
    expect(r.records[0]).toMatchObject({
      level: 'info',
      message: 'preparing to shave yaks',
      service: 'fmt_json',
    });
    expect(r.records.map((x) => x.level)).toContain('trace');
  });

  it('reads renovate bunyan output', () => {
    const r = runFixture('jsonl', 'lnav_bunyan_renovate.jsonl');
    expect(r.records).toHaveLength(10);
    expect(r.errors).toEqual([]);
    expect(r.records.every((x) => x.service === 'renovate')).toBe(true);
  });

  it('follows a field mapping and caps attrs', () => {
    const wide = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, 'v'.repeat(5000)]));
    const line = JSON.stringify({ when: '2024-01-01T00:00:00Z', body: 'hi', sev: 'ERR', svc: 'a', ...wide });
    const r = runText('jsonl', line, {
      mapping: { time: 'when', time2: null, message: 'body', level: 'sev', service: 'svc', region: null },
    });
    expect(r.records[0]).toMatchObject({ level: 'error', service: 'a', message: 'hi' });
    const attrs = r.records[0]?.attrs ?? {};
    expect(Object.keys(attrs).length).toBeLessThanOrEqual(40);
    expect(Math.max(...Object.values(attrs).map((v) => String(v).length))).toBeLessThanOrEqual(1000);
  });
});

describe('logfmt', () => {
  it('reads logrus output with quoted values and empty keys', () => {
    const r = runFixture('logfmt', 'lnav_logfmt.log');
    expect(r.records).toHaveLength(5);
    expect(r.errors).toEqual([]);
    expect(iso(r.records[0]?.at ?? null)).toBe('2021-09-15T21:17:10.220Z');
    expect(r.records[0]?.level).toBe('error');
    expect(r.records[0]?.attrs.reason).toBe('');
  });

  it('reports lines without pairs or time', () => {
    const r = runText(
      'logfmt',
      'just words\nlevel=info msg=hi\nts=2024-01-01T00:00:00Z msg="a \\"q\\"" service=api',
    );
    expect(r.errors.map((e) => e.line)).toEqual([1, 2]);
    expect(r.records[0]).toMatchObject({ message: 'a "q"', service: 'api' });
  });
});

describe('journald', () => {
  it('reads lnav entries (µs string stamps, PRIORITY, unit)', () => {
    const r = runFixture('journald', 'lnav_journald.json');
    expect(r.records).toHaveLength(2);
    expect(iso(r.records[0]?.at ?? null)).toBe('2018-08-21T14:04:21.221Z');
    expect(r.records[0]).toMatchObject({ level: 'fatal', service: 'medusa-GpsLocator.service' });
  });

  it('decodes MESSAGE byte arrays and reports entries without a time', () => {
    const r = runFixture('journald', 'journald_bytes.jsonl');
    expect(r.records.map((x) => [x.message, x.level, x.service])).toEqual([
      ['checkout ✗ failed', 'error', 'checkout.service'],
      ['Accepted publickey for deploy', 'info', 'sshd'],
    ]);
    expect(iso(r.records[0]?.at ?? null)).toBe('2024-05-02T08:00:00.123Z');
    expect(r.errors).toEqual([{ line: 3, reason: 'missing "__REALTIME_TIMESTAMP"' }]);
  });
});

describe('otlp', () => {
  it('reads the OTLP/JSON example (ns strings, resource service.name, AnyValue attrs)', () => {
    const r = runFixture('otlp', 'otlp_proto_examples_logs.json');
    expect(r.errors).toEqual([]);
    expect(r.records).toHaveLength(1);
    const rec = r.records[0];
    expect(rec).toMatchObject({ level: 'info', service: 'my.service', message: 'Example log record' });
    expect(iso(rec?.at ?? null)).toBe('2018-12-13T14:51:00.300Z');
    expect(rec?.attrs).toMatchObject({
      'string.attribute': 'some string',
      'boolean.attribute': true,
      'int.attribute': 10,
    });
  });

  it('reads one request per line and reports records without a time', () => {
    const req = (t: string | null): string =>
      JSON.stringify({
        resourceLogs: [
          {
            scopeLogs: [
              {
                logRecords: [
                  {
                    ...(t === null ? {} : { timeUnixNano: t }),
                    severityNumber: 17,
                    body: { stringValue: 'x' },
                  },
                ],
              },
            ],
          },
        ],
      });
    const r = runText('otlp', `${req('1700000000000000000')}\n${req(null)}`);
    expect(r.records).toHaveLength(1);
    expect(r.records[0]?.level).toBe('error');
    expect(r.errors).toEqual([
      { line: 2, reason: 'resourceLogs[0].scopeLogs[0].logRecords[0]: missing or unreadable "timeUnixNano"' },
    ]);
  });
});
