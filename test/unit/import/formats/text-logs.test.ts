import { describe, expect, it } from 'vitest';
import { iso, runFixture, runText } from './run';
import { MAX_ROW_LINES } from '../../../../shared/import/formats/csv';

describe('text', () => {
  it('reads log4j, Apache, HDFS and ISO lines and folds stack traces into the record', () => {
    const r = runFixture('text', 'app_text.log');
    expect(r.errors).toEqual([]);
    expect(r.skipped).toEqual([4, 5, 6, 7]);
    expect(r.records.map((x) => [x.source.line, iso(x.at), x.level, x.service])).toEqual([
      [1, '2024-05-02T08:00:00.008Z', 'info', 'com.shop.checkout.Api'],
      [2, '2024-05-02T08:00:05.120Z', 'warn', 'com.shop.checkout.Pool'],
      [3, '2024-05-02T08:00:06.500Z', 'error', 'com.shop.checkout.Api'],
      [8, '2005-12-04T04:47:44.000Z', 'error', null],
      [9, '2000-10-11T14:32:52.123Z', 'error', 'core'],
      [10, '2008-11-09T20:36:15.000Z', 'info', 'dfs.DataNode$PacketResponder'],
      [11, '2024-05-02T06:01:00.000Z', null, null],
    ]);
    expect(r.records[2]?.message).toBe(
      'request failed\njava.lang.IllegalStateException: pool exhausted\n\tat com.shop.checkout.Pool.take(Pool.java:42)\n\tat com.shop.checkout.Api.handle(Api.java:17)',
    );
    expect(r.records[4]?.attrs).toEqual({ pid: '35708', client: '1.2.3.4' });
  });

  it('reports a line without a timestamp before any record', () => {
    const r = runFixture('text', 'text_orphan_first.log');
    expect(r.errors).toEqual([{ line: 1, reason: 'no timestamp at the start of the line' }]);
    expect(r.records.at(-1)?.message).toBe('plain message without level\nthis line has no timestamp');
  });

  it('reads naive times in the given zone and finds a timestamp after a prefix word', () => {
    const r = runText(
      'text',
      'nova-api.log 2017-05-16 00:00:00.008 2931 INFO nova.osapi_compute.wsgi.server [req-1] GET',
      {
        zone: 'Europe/Berlin',
      },
    );
    expect(iso(r.records[0]?.at ?? null)).toBe('2017-05-15T22:00:00.008Z');
    expect(r.records[0]).toMatchObject({
      level: 'info',
      service: 'nova.osapi_compute.wsgi.server',
      message: '[req-1] GET',
    });
    expect(r.records[0]?.attrs).toMatchObject({ prefix: 'nova-api.log', pid: '2931' });
  });

  it('apache-error shares the text parser', () => {
    const r = runText(
      'apache-error',
      '[Sun Dec 04 04:47:44 2005] [notice] jk2_init() Found child 6725 in scoreboard slot 10',
    );
    expect(r.records[0]).toMatchObject({
      level: 'notice',
      message: 'jk2_init() Found child 6725 in scoreboard slot 10',
    });
  });
});

describe('syslog', () => {
  it('reads RFC 5424 (structured data, BOM) and RFC 3164 examples', () => {
    const r = runFixture('syslog', 'rfc5424_rfc3164_examples.log', { year: 2024 });
    expect(r.records).toHaveLength(10);
    expect(r.errors).toEqual([
      { line: 9, reason: 'no syslog timestamp (expected "Mmm dd hh:mm:ss" or RFC 3339)' },
    ]);
    const [first, second, third] = r.records;
    expect(first).toMatchObject({
      level: 'fatal',
      service: 'su',
      message: "'su root' failed for lonvick on /dev/pts/8",
    });
    expect(iso(first?.at ?? null)).toBe('2003-10-11T22:14:15.003Z');
    expect(iso(second?.at ?? null)).toBe('2003-08-24T12:14:15.000Z');
    expect(third?.attrs['sd.exampleSDID@32473.eventID']).toBe('1011');
    expect(third?.message).toBe('An application event log entry...');
  });

  it('rolls the year over from Dec to Jan when no year is given, from the year the file was saved in', () => {
    // Saved on 2 January: its December lines are of the year that just ended, not of the
    // December to come.
    const r = runFixture('syslog', 'syslog_rollover.log', {
      year: null,
      capturedAt: Date.parse('2025-01-02T08:00:00Z'),
    });
    const y = 2024;
    expect(r.records.map((x) => iso(x.at))).toEqual([
      `${y}-12-31T23:59:58.000Z`,
      `${y}-12-31T23:59:59.000Z`,
      `${y + 1}-01-01T00:00:01.000Z`,
      `${y + 1}-01-01T00:00:05.000Z`,
      `${y}-12-31T23:59:59.000Z`,
    ]);
    expect(r.records[3]?.level).toBe('error');
    expect(r.records[0]).toMatchObject({ service: 'nginx', attrs: { host: 'web1', pid: '311' } });
    expect(r.errors.map((e) => e.line)).toEqual([6, 7]);
  });

  it('uses the context year when given', () => {
    const r = runText('syslog', 'Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure', {
      year: 2005,
    });
    expect(iso(r.records[0]?.at ?? null)).toBe('2005-06-14T15:16:01.000Z');
    expect(r.records[0]?.service).toBe('sshd(pam_unix)');
  });
});

describe('access-log', () => {
  it('reads the lnav combined log with +0330 offsets', () => {
    const r = runFixture('access-log', 'lnav_shop_access_log.combined.log');
    expect(r.records).toHaveLength(1000);
    expect(r.errors).toEqual([]);
    expect(iso(r.records[0]?.at ?? null)).toBe('2019-01-22T00:26:14.000Z');
    expect(r.records.filter((x) => x.level === 'warn')).toHaveLength(24);
    expect(r.records[0]?.attrs).toMatchObject({
      ip: '54.36.149.41',
      method: 'GET',
      status: 200,
      bytes: 30577,
    });
  });

  it('maps 5xx to error and builds a short message', () => {
    const r = runText(
      'access-log',
      '10.0.0.1 - bob [02/May/2024:08:00:00 +0000] "POST /pay HTTP/1.1" 503 - "-" "curl/8"\nnope',
    );
    expect(r.records[0]).toMatchObject({ level: 'error', message: 'POST /pay → 503' });
    expect(r.records[0]?.attrs).toMatchObject({ user: 'bob', bytes: 0, userAgent: 'curl/8', referer: null });
    expect(r.errors.map((e) => e.line)).toEqual([2]);
  });
});

describe('csv', () => {
  it('joins split date and time columns with comma decimals, CRLF, blank lines', () => {
    const r = runFixture('csv', 'zookeeper_split_time.csv');
    expect(r.skipped).toEqual([1, 4]);
    expect(r.errors).toEqual([{ line: 5, reason: 'unreadable time "2015-07-29 bad time"' }]);
    expect(r.records.map((x) => [iso(x.at), x.level, x.service, x.region, x.message])).toEqual([
      ['2015-07-29T17:41:44.747Z', 'info', 'QuorumPeer', 'westus', 'Notification time out: 3200'],
      ['2015-07-29T17:41:45.001Z', 'warn', 'QuorumPeer', 'westus', 'Connection broken, retrying'],
      ['2015-07-30T00:00:00.000Z', 'error', 'Leader', 'eastus', 'Shutdown called'],
    ]);
  });

  it('reads TSV with epoch seconds and ts/severity/app/msg columns', () => {
    const r = runFixture('csv', 'services.tsv');
    expect(r.records.map((x) => [iso(x.at), x.level, x.service, x.message])).toEqual([
      ['2024-05-02T08:00:00.000Z', 'error', 'checkout', 'payment declined'],
      ['2024-05-02T08:00:05.000Z', 'info', 'checkout', 'retry ok'],
    ]);
  });

  it('reads quoted fields that hold newlines, commas and doubled quotes', () => {
    const text = [
      'time,service,message',
      '2024-05-02T08:00:00Z,api,"first line',
      'second, with a comma',
      'and ""quoted"" third"',
      '2024-05-02T08:01:00Z,api,one line',
      '2024-05-02T08:02:00Z,db,"ends on',
      '',
      'a blank line in it"',
    ].join('\r\n');
    for (const chunk of [undefined, 7]) {
      const r = runText('csv', text, chunk === undefined ? {} : { chunk });
      expect(r.errors).toEqual([]);
      expect(r.records.map((x) => [x.source.line, x.service, x.message])).toEqual([
        [2, 'api', 'first line\nsecond, with a comma\nand "quoted" third'],
        [5, 'api', 'one line'],
        [6, 'db', 'ends on\n\na blank line in it'],
      ]);
      expect(r.skipped).toEqual([1, 3, 4, 7, 8]);
      expect(r.records.length + r.skipped.length + r.errors.length).toBe(r.lines);
    }
  });

  it('treats a quote inside a field as text, and names the line of a quote never closed', () => {
    const r = runText(
      'csv',
      'time,message\n2024-05-02T08:00:00Z,5" disk\n2024-05-02T08:01:00Z,"never closed\nmore\nand more',
    );
    expect(r.records.map((x) => x.message)).toEqual(['5" disk']);
    expect(r.errors).toEqual([
      { line: 3, reason: 'quoted field opened on this line is never closed (end of file)' },
    ]);
    expect(r.skipped).toEqual([1, 4, 5]);
    expect(r.records.length + r.skipped.length + r.errors.length).toBe(r.lines);
  });

  it('gives up on a row after MAX_ROW_LINES lines and reads on', () => {
    const body = Array.from({ length: MAX_ROW_LINES + 5 }, (_, i) => `x${i}`).join('\n');
    const r = runText('csv', `time,message\n2024-05-02T08:00:00Z,"${body}`);
    expect(r.errors[0]).toEqual({
      line: 2,
      reason: `quoted field opened on this line is still open ${MAX_ROW_LINES} lines later (a missing closing quote?)`,
    });
    expect(r.records.length + r.skipped.length + r.errors.length).toBe(r.lines);
  });

  it('follows a mapping', () => {
    const r = runText('csv', 'a,b,c\n2024-01-01T00:00:00Z,x,hello', {
      mapping: { time: 'a', time2: null, message: 'c', level: null, service: 'b', region: null },
    });
    expect(r.records[0]).toMatchObject({ service: 'x', message: 'hello' });
  });
});
