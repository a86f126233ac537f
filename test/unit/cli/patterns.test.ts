import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rootline } from './rootline';

interface PatternsDoc {
  patterns: {
    id: string;
    template: string;
    count: number;
    level: string | null;
    firstAt: string;
    lastAt: string;
    files: string[];
    lines?: { file: string; line: number }[];
  }[];
  stats: Record<string, unknown>;
}

let dir = '';
let api = '';
let db = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rootline-patterns-'));
  api = join(dir, 'api.log');
  db = join(dir, 'db.log');
  const apiLines: string[] = [];
  for (let i = 0; i < 6; i++) {
    apiLines.push(`2024-03-01T10:0${i}:00Z INFO request 10${i} served in ${20 + i} ms`);
    if (i % 2 === 0) apiLines.push(`2024-03-01T10:0${i}:30Z ERROR upstream 10.0.0.${i} timed out`);
  }
  apiLines.splice(3, 0, 'not a record line before… no, a continuation');
  writeFileSync(api, apiLines.join('\n'));
  writeFileSync(
    db,
    [
      '2024-03-01T10:02:10Z WARN slow query on table users took 900 ms',
      '2024-03-01T10:04:10Z INFO request 200 served in 5 ms',
    ].join('\n'),
  );
});

describe('rootline patterns', () => {
  it('prints one row per pattern, most frequent first', () => {
    const r = rootline('patterns', api, db);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^\s+\d+\s{2}/.test(l));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(
      /^\s+7\s+info\s+2024-03-01 10:00:00Z 2024-03-01 10:05:00Z request <\*> served in <\*> ms$/,
    );
    expect(rows[1]).toMatch(/^\s+3\s+error .* upstream <ip> timed out$/);
    expect(rows[2]).toMatch(/^\s+1\s+warn .* slow query on table users took <\*> ms$/);
  });

  it('prints JSON with the documented keys, and every record in exactly one pattern', () => {
    const r = rootline('patterns', api, db, '--json', '--with-lines');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as PatternsDoc;
    expect(Object.keys(doc)).toEqual(['patterns', 'stats']);
    expect(Object.keys(doc.patterns[0]!)).toEqual([
      'id',
      'template',
      'count',
      'level',
      'firstAt',
      'lastAt',
      'files',
      'lines',
    ]);
    const first = doc.patterns[0]!;
    expect(first.firstAt).toBe('2024-03-01T10:00:00.000Z');
    expect(first.files).toEqual(['api.log', 'db.log']);
    expect(first.lines!.filter((l) => l.file === 'db.log')).toEqual([{ file: 'db.log', line: 2 }]);
    // Line 4 of api.log continues the record of line 3 (the first error), so it is no record.
    const places = doc.patterns.flatMap((p) => p.lines!.map((l) => `${l.file}:${l.line}`));
    expect(new Set(places).size).toBe(places.length);
    expect(places).toHaveLength(doc.stats.records as number);
    expect(places).not.toContain('api.log:4');
    expect(doc.patterns.map((p) => p.count)).toEqual(doc.patterns.map((p) => p.lines!.length));
  });

  it('reads headers with a user format file (--format-file), so patterns are of message bodies', () => {
    const log = join(dir, 'acme.log');
    const fmt = join(dir, 'acme-format.json');
    writeFileSync(
      log,
      [
        '02.05.2024 08:00:00.008 *ERR* [w1] billing payment 17 declined',
        '02.05.2024 08:00:01.000 *INF* [w2] billing payment 18 declined',
        '02.05.2024 08:00:02.000 *INF* [w3] ledger retry ok',
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
        sample: [{ line: '02.05.2024 08:00:00.008 *ERR* [w1] billing payment 17 declined', level: 'error' }],
      },
    };
    writeFileSync(fmt, JSON.stringify(def));
    const r = rootline('patterns', log, '--format-file', fmt, '--format', 'acme_log', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as PatternsDoc;
    expect(doc.patterns.map((p) => [p.template, p.count])).toEqual([
      ['payment <*> declined', 2],
      ['retry ok', 1],
    ]);
    const unknown = rootline('patterns', log, '--format', 'acme_log');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown format "acme_log"/);
  });

  it('lists lines only with --with-lines', () => {
    const doc = JSON.parse(rootline('patterns', api, '--json').stdout) as PatternsDoc;
    expect(doc.patterns.every((p) => p.lines === undefined)).toBe(true);
  });

  it.each([
    [['patterns', '--with-lines', 'x.log'], /--with-lines needs --json/],
    [['patterns', 'x.log', '--format', 'nope'], /unknown format "nope"/],
    [['patterns'], /no input files/],
  ])('exits 2 with a one-line message for %j', (args, message) => {
    const r = rootline(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
