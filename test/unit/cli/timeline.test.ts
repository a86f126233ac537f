import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rootline } from './rootline';

const FIXTURE = new URL('../../fixtures/scenarios/azure-2014-orchestrator.jsonl', import.meta.url).pathname;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('rootline CLI', () => {
  it('prints help and version', () => {
    const help = rootline('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('timeline');
    for (const command of ['new', 'export', 'templates']) expect(help.stdout).toContain(`  ${command} `);
    // For users, not developers: no note about where commands are registered.
    expect(help.stdout).not.toMatch(/cli\/commands|registered/);
    expect(help.stdout).toMatch(/md.*html.*stdout/);
    const version = rootline('--version');
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('applies --alias NAME=SERVICE and refuses a malformed one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rootline-alias-'));
    const file = join(dir, 'app.log');
    writeFileSync(file, 'time=2026-03-14T18:53:01Z level=error service=blob-frontend msg="upload failed"\n');
    const r = rootline('timeline', file, '--alias', 'blob-frontend=blob-fe', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { events: { service: string }[] }).events[0]?.service).toBe('blob-fe');
    const bad = rootline('timeline', file, '--alias', 'blob-frontend');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad alias "blob-frontend" (expected NAME=SERVICE');
  });

  it('the README examples name files that exist', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const root = new URL('../../../', import.meta.url).pathname;
    const logs = [...readme.matchAll(/npx rootline (?:timeline|new)[^\n]*?([\w./-]+\.jsonl)/g)].map(
      (m) => m[1]!,
    );
    const continued = [...readme.matchAll(/--logs\s+([\w./-]+\.jsonl)/g)].map((m) => m[1]!);
    const named = [...logs, ...continued];
    expect(named.length).toBeGreaterThan(0);
    for (const file of named) expect(() => readFileSync(join(root, file))).not.toThrow();
  });

  it('prints the timeline as JSON with the documented shape and key order', () => {
    const r = rootline('timeline', FIXTURE, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown> & {
      events: Record<string, unknown>[];
      phases: Record<string, string | null>;
      findings: Record<string, unknown>[];
      stats: Record<string, unknown> & { errors: Record<string, unknown>[] };
    };
    expect(Object.keys(doc)).toEqual(['events', 'phases', 'findings', 'stats']);
    const e = doc.events[0]!;
    expect(Object.keys(e)).toEqual([
      'id',
      'at',
      'endAt',
      'kind',
      'title',
      'service',
      'region',
      'count',
      'sources',
      'injected',
    ]);
    expect(e.at).toMatch(ISO);
    expect(Object.keys((e.sources as object[])[0]!)).toEqual(['file', 'line']);
    const ats = doc.events.map((x) => x.at as string);
    expect(ats).toEqual([...ats].sort());
    expect(Object.keys(doc.phases)).toEqual([
      'impactStartAt',
      'detectedAt',
      'mitigatedAt',
      'recoveredAt',
      'resolvedAt',
    ]);
    expect(doc.phases.resolvedAt).toBe('2014-11-19T11:45:00.000Z');
    const findingKeys = ['code', 'at', 'message', 'change', 'components', 'injected', 'eventIds'];
    // The two rollout mistakes, and the global enable as the change before impact.
    expect(doc.findings.map((f) => Object.keys(f))).toEqual([findingKeys, findingKeys, findingKeys]);
    expect(Object.keys(doc.stats)).toEqual(['files', 'lines', 'records', 'skipped', 'eventCap', 'errors']);
    expect(doc.stats.eventCap).toBeNull();
    expect(doc.stats.lines).toBe(600);
    expect(Object.keys(doc.stats.errors[0]!)).toEqual(['file', 'line', 'reason']);
  });

  it('reads gzip files and reports a truncated one with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rootline-'));
    const gz = gzipSync(readFileSync(FIXTURE));
    writeFileSync(join(dir, 'log.jsonl.gz'), gz);
    writeFileSync(join(dir, 'cut.jsonl.gz'), gz.subarray(0, gz.length >> 1));
    const ok = rootline('timeline', join(dir, 'log.jsonl.gz'), '--json');
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as { stats: { lines: number } }).stats.lines).toBe(600);
    const cut = rootline('timeline', join(dir, 'cut.jsonl.gz'));
    expect(cut.code).toBe(2);
    expect(cut.stderr.trim().split('\n')).toHaveLength(1);
    expect(cut.stderr).toMatch(/cut\.jsonl\.gz.*gzip/);
  });

  it('exits 0 with bad lines, and prints a readable timeline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rootline-'));
    const file = join(dir, 'app.log');
    writeFileSync(
      file,
      [
        '{"time":"2014-11-19T00:51:07Z","level":"error","service":"api","msg":"connection timeout"}',
        '{"time": broken',
        '{"time":"2014-11-19T01:10:00Z","level":"info","service":"api","msg":"alert fired"}',
      ].join('\n'),
    );
    const r = rootline('timeline', file, '--format', 'jsonl');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2014-11-19 00:51:07Z');
    expect(r.stdout).toMatch(/impact/);
    expect(r.stdout).toMatch(/app\.log:2: /);
  });

  it('reads logs with a user format file and says which format read each file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rootline-fmt-'));
    const log = join(dir, 'acme.log');
    const fmt = join(dir, 'acme-format.json');
    writeFileSync(
      log,
      [
        '02.05.2024 08:00:00.008 *ERR* [w1] billing payment declined',
        '02.05.2024 08:00:01.000 *INF* [w1] billing retry ok',
      ].join('\n'),
    );
    const def = {
      acme_log: {
        regex: {
          std: {
            pattern:
              '^(?<timestamp>\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}) \\*(?<level>\\w+)\\* \\[(?<thread>[^\\]]+)\\] (?<component>\\S+) (?<body>.*)$',
          },
        },
        'timestamp-format': ['%d.%m.%Y %H:%M:%S.%L'],
        level: { error: 'ERR', info: 'INF' },
        sample: [{ line: '02.05.2024 08:00:00.008 *ERR* [w1] billing payment declined', level: 'error' }],
      },
    };
    writeFileSync(fmt, JSON.stringify(def, null, 2));
    const r = rootline('timeline', log, '--format-file', fmt);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2024-05-02 08:00:00Z\s+impact\s+billing\s+payment declined/);
    expect(r.stdout).toContain('acme.log: read as acme_log');

    // A definition whose regex fails its own sample is refused by name, with file, line and path.
    def.acme_log.sample[0]!.line = 'not what the regex reads';
    writeFileSync(fmt, JSON.stringify(def, null, 2));
    const bad = rootline('timeline', log, '--format-file', fmt);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      `${fmt}: line 16: acme_log.sample[0]: format "acme_log" fails its own sample 1 ("not what the regex reads"): no regex matches it`,
    );
  });

  it.each([
    [['timeline', FIXTURE, '--bogus'], /bogus/],
    [['timeline', FIXTURE, '--tz', 'Mars/Olympus'], /time zone/],
    [['timeline', FIXTURE, '--year', '14'], /year/],
    [['timeline', FIXTURE, '--format', 'nope'], /unknown format "nope"/],
    [['timeline', '/no/such/file.log'], /cannot read/],
    [['timeline'], /no input files/],
    [['frobnicate'], /unknown command/],
  ])('exits 2 with a one-line message for %j', (args, message) => {
    const r = rootline(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
