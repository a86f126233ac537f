import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../../../shared/domain';
import { createImport } from '../../../../shared/import/pipeline';
import { FIXTURES } from '../formats/run';

/** Imports a real file (lnav's test logs, BSD-2) with detection, as the app does. */
function importFile(name: string, year: number | null = null) {
  const records: LogRecord[] = [];
  const imp = createImport({ zone: 'UTC', year, onRecord: (r) => records.push(r) });
  const input = imp.addFile(name);
  input.push(readFileSync(join(FIXTURES, name), 'utf8'));
  input.end();
  const result = imp.finish();
  return { records, stats: result.stats, format: result.stats.perFile[0]?.format };
}

const iso = (at: number): string => new Date(at).toISOString();

describe('real files from other projects are read by the right definition', () => {
  it('glog/klog: level letters, thread ids, microsecond times', () => {
    const r = importFile('lnav_glog.log', 2024);
    expect(r.format).toBe('klog_log');
    expect(r.stats.errorCount).toBe(0);
    expect(r.records.map((x) => x.level)).toEqual(['error', 'info', 'info', 'warn', 'info', 'info', 'error']);
    expect(iso(r.records[0]!.at)).toBe('2024-05-17T15:04:22.619Z');
    expect(r.records[0]).toMatchObject({
      message: 'Log every 3, iteration 19',
      attrs: { thread: '1952452992' },
    });
  });

  it('HAProxy: HTTP lines take the backend as service and the status as level; other lines the program', () => {
    const r = importFile('lnav_haproxy.log', 2019);
    expect(r.format).toBe('haproxy_log');
    expect(r.stats.errorCount).toBe(0);
    const http = r.records.find((x) => x.service === 'bk_admin');
    expect(http).toMatchObject({ level: 'info', attrs: { status: 200, frontend: 'prod_http_in~' } });
    expect(iso(http!.at)).toBe('2019-02-25T16:19:48.143Z');
    expect(r.records[0]).toMatchObject({ service: 'haproxy', message: 'Proxy prod_http_in started.' });
  });

  it('MySQL 8 error log: level, subsystem as service, thread', () => {
    const r = importFile('lnav_mysql_error.log');
    expect(r.format).toBe('mysql_error_log');
    expect(r.records.map((x) => [x.level, x.service])).toEqual([
      ['info', 'InnoDB'],
      ['warn', 'Server'],
      ['info', 'Server'],
      ['info', 'Server'],
    ]);
  });

  it('PostgreSQL: every LOG/ERROR line is a record, indented statement lines attach to it', () => {
    const r = importFile('lnav_postgres.log');
    expect(r.format).toBe('postgresql_log');
    expect(r.stats.errorCount).toBe(0);
    expect(r.stats.records + r.stats.skipped).toBe(r.stats.lines);
    expect(r.records.every((x) => x.level !== null)).toBe(true);
    expect(r.records[0]?.message).toMatch(/^starting PostgreSQL 15\.4/);
  });

  it('Spark: every line with level and class', () => {
    const r = importFile('lnav_spark.log');
    expect(r.format).toBe('spark_log');
    expect(r.stats.errorCount).toBe(0);
    expect(r.records).toHaveLength(r.stats.lines);
    expect(r.records.every((x) => x.level !== null && x.service !== null)).toBe(true);
    expect(r.records[0]).toMatchObject({
      service: 'executor.CoarseGrainedExecutorBackend',
      message: 'Registered signal handlers for [TERM, HUP, INT]',
    });
  });

  it('syslog file with sudo: the command is a field, the program the service', () => {
    const r = importFile('lnav_syslog.log', 2024);
    expect(r.format).toBe('syslog_programs_log');
    const sudo = r.records.find((x) => x.service === 'sudo');
    expect(sudo?.attrs).toMatchObject({
      user: 'timstack',
      runas: 'root',
      command: '/usr/bin/tail /var/log/messages',
    });
  });

  it('zap console (production, lowercase levels): Go stack traces attach to their record', () => {
    const r = importFile('lnav_zap_console.log');
    expect(r.format).toBe('zap_console_log');
    expect(r.stats.errorCount).toBe(0);
    const failed = r.records.find((x) => x.level === 'error');
    expect(failed?.message.split('\n')[0]).toMatch(/^Exporting failed\. Dropping data\./);
    expect(failed?.message.split('\n').length).toBeGreaterThan(1);
    expect(failed?.attrs).toMatchObject({ caller: 'internal/queue_sender.go:128' });
  });
});
