import { describe, expect, it } from 'vitest';
import { formatProblemText } from '../../../../shared/import/textformats/compile';
import { loadFormatFile } from '../../../../shared/import/textformats/load';
import { definitionFormat } from '../../../../shared/import/textformats/engine';
import { parseLine } from '../../../../shared/import/textformats/parse';
import { pcreToJs } from '../../../../shared/import/textformats/pcre';
import { compileTimeFormat, parseWithFormat } from '../../../../shared/import/textformats/strptime';
import type { CompiledTimeFormat } from '../../../../shared/import/textformats/strptime';
import { runWith } from './helpers';

const ACME = {
  $schema: 'https://lnav.org/schemas/format-v1.schema.json',
  acme_log: {
    title: 'Acme',
    regex: {
      std: {
        pattern:
          '^(?P<timestamp>\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}) \\*(?<level>\\w+)\\* \\[(?<thread>[^\\]]+)\\] (?<component>\\S+) (?<body>.*)\\Z',
      },
    },
    'timestamp-format': ['%d.%m.%Y %H:%M:%S.%L'],
    level: { error: 'ERR', warning: 'WRN', info: 'INF' },
    value: { component: { kind: 'string', identifier: true } },
    sample: [
      {
        line: '02.05.2024 08:00:00.008 *ERR* [worker-1] billing payment declined',
        level: 'error',
        expect: {
          at: '2024-05-02T08:00:00.008Z',
          service: 'billing',
          thread: 'worker-1',
          body: 'payment declined',
        },
      },
    ],
  },
};

function load(obj: unknown, name = 'my-format.json') {
  return loadFormatFile(JSON.stringify(obj, null, 2), name);
}

function problems(obj: unknown): string[] {
  const r = load(obj);
  return r.ok ? [] : r.problems.map(formatProblemText);
}

describe('loadFormatFile', () => {
  it('compiles a valid user definition and reads its lines', () => {
    const r = load(ACME);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const f = r.formats[0]!;
    const p = parseLine(f, '02.05.2024 09:30:00.100 *WRN* [main] billing slow response', {
      zone: 'UTC',
      year: 2024,
    });
    expect(p).toMatchObject({ level: 'warn', service: 'billing', thread: 'main', body: 'slow response' });
    expect(new Date(p!.at!).toISOString()).toBe('2024-05-02T09:30:00.100Z');
  });

  it('names file, line, JSON path and reason for a schema error', () => {
    const bad = structuredClone(ACME) as unknown as Record<string, Record<string, unknown>>;
    bad.acme_log!.timestamp_format = ['%Y'];
    expect(problems(bad)).toEqual(['my-format.json: line 3: acme_log: Unrecognized key: "timestamp_format"']);
  });

  it('reports a level outside lnav level names with its path', () => {
    const bad = structuredClone(ACME) as unknown as Record<string, Record<string, unknown>>;
    bad.acme_log!.sample = [{ line: 'x', level: 'loud' }];
    const [p] = problems(bad);
    expect(p).toMatch(/^my-format\.json: line \d+: acme_log\.sample\[0\]\.level: /);
  });

  it('reports invalid JSON with its line', () => {
    const r = loadFormatFile('{\n  "a_log": {\n    "regex": ,\n  }\n}', 'broken.json');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(formatProblemText(r.problems[0]!)).toMatch(
        /^broken\.json: line 3: not valid JSON: Unexpected token ','$/,
      );
  });

  it('refuses by name a regex that fails its own sample', () => {
    const bad = structuredClone(ACME);
    bad.acme_log.sample[0]!.line = '2024-05-02 08:00:00 ERROR something else';
    expect(problems(bad)).toEqual([
      'my-format.json: line 25: acme_log.sample[0]: format "acme_log" fails its own sample 1 ("2024-05-02 08:00:00 ERROR something else"): no regex matches it',
    ]);
  });

  it('refuses a sample whose stated level, time or service differ', () => {
    const wrongLevel = structuredClone(ACME);
    wrongLevel.acme_log.sample[0]!.level = 'info';
    expect(problems(wrongLevel)[0]).toMatch(/its level parses as error, the sample says info$/);
    const wrongTime = structuredClone(ACME);
    wrongTime.acme_log.sample[0]!.expect.at = '2024-05-02T08:00:00Z';
    expect(problems(wrongTime)[0]).toMatch(/its time parses as 2024-05-02T08:00:00.008Z/);
    const wrongService = structuredClone(ACME);
    wrongService.acme_log.sample[0]!.expect.service = 'payments';
    expect(problems(wrongService)[0]).toMatch(/its service parses as billing, the sample says payments$/);
  });

  it('refuses an invalid regex, a pattern without a timestamp and a bad time format', () => {
    const badRegex = structuredClone(ACME);
    badRegex.acme_log.regex.std.pattern = '^(?<timestamp>\\d+(';
    expect(problems(badRegex)[0]).toMatch(/acme_log\.regex\.std\.pattern: not a valid regular expression/);
    const noTs = structuredClone(ACME);
    noTs.acme_log.regex.std.pattern = '^(?<body>.*)$';
    expect(problems(noTs)[0]).toMatch(/has no \(\?<timestamp>…\) capture/);
    const badTime = structuredClone(ACME);
    badTime.acme_log['timestamp-format'] = ['%Q'];
    expect(problems(badTime)[0]).toMatch(/acme_log\["timestamp-format"\]\[0\]: %Q is not supported/);
  });

  it('refuses JSON-lines definitions and files without formats', () => {
    expect(problems({ x_log: { ...ACME.acme_log, json: true } })[0]).toMatch(
      /JSON-lines formats are read by Rootline/,
    );
    expect(problems({ $schema: 'x' })).toEqual(['my-format.json: the file defines no format']);
  });
});

describe('definition line parser', () => {
  const r = load(ACME);
  if (!r.ok) throw new Error('ACME must load');
  const def = definitionFormat(r.formats[0]!);

  it('attaches continuation lines (stack traces) to their record', () => {
    const out = runWith(
      def,
      [
        '02.05.2024 08:00:00.008 *ERR* [w1] billing request failed',
        'java.lang.IllegalStateException: pool exhausted',
        '\tat com.acme.Pool.take(Pool.java:42)',
        '02.05.2024 08:00:01.000 *INF* [w1] billing retry ok',
      ].join('\n'),
    );
    expect(out.records.map((x) => x.message)).toEqual([
      'request failed\njava.lang.IllegalStateException: pool exhausted\n\tat com.acme.Pool.take(Pool.java:42)',
      'retry ok',
    ]);
    expect(out.skipped).toEqual([2, 3]);
    expect(out.records[0]?.attrs).toEqual({ thread: 'w1' });
  });

  it('falls back to the hand-written reader for timestamped lines it does not match', () => {
    const out = runWith(def, '2024-05-02 08:00:05,120 WARN  com.acme.Pool: pool 80% used');
    expect(out.records[0]).toMatchObject({
      level: 'warn',
      service: 'com.acme.Pool',
      message: 'pool 80% used',
    });
  });

  it('reports a line before any record that fits nothing', () => {
    const out = runWith(def, 'garbage first line');
    expect(out.errors).toEqual([
      { line: 1, reason: 'the line fits no regex of format "acme_log" and has no timestamp' },
    ]);
  });
});

describe('pcreToJs', () => {
  it.each([
    ['(?P<a>x)(?P=a)', '(?<a>x)\\k<a>'],
    ['\\Afoo\\Z', '^foo$'],
    ['a\\hb[\\h]', 'a[ \\t]b[ \\t]'],
    ['x++y*+z?+', 'x+y*z?'],
    ['(?>ab)', '(?:ab)'],
    ['[[:alpha:][:digit:]]+', '[A-Za-z0-9]+'],
    ['\\Q[a.b]\\E', '\\[a\\.b\\]'],
    ['a(?#note)b', 'ab'],
    ['\\x{41}', '\\u0041'],
    ['[]a]', '[\\]a]'],
  ])('%s → %s', (pcre, js) => {
    expect(pcreToJs(pcre)).toEqual({ ok: true, source: js, flags: '' });
  });

  it('turns leading inline flags into JavaScript flags and refuses others', () => {
    expect(pcreToJs('(?i)error')).toEqual({ ok: true, source: 'error', flags: 'i' });
    expect(pcreToJs('a(?i)b').ok).toBe(false);
    expect(pcreToJs('(?|a|b)').ok).toBe(false);
    expect(pcreToJs('(?R)').ok).toBe(false);
  });
});

describe('strptime formats', () => {
  const fmt = (f: string): CompiledTimeFormat => {
    const c = compileTimeFormat(f);
    if (typeof c === 'string') throw new Error(c);
    return c;
  };
  const at = (f: string, s: string, zone = 'UTC', year = 2024): string | null => {
    const v = parseWithFormat(fmt(f), s, { zone, year });
    return v === null ? null : new Date(v).toISOString();
  };

  it.each([
    ['%Y-%m-%d %H:%M:%S,%L', '2015-07-29 19:04:12,394', '2015-07-29T19:04:12.394Z'],
    ['%y%m%d %H%M%S', '081109 203615', '2008-11-09T20:36:15.000Z'],
    ['%a %b %d %H:%M:%S %Y', 'Sun Dec 04 04:47:44 2005', '2005-12-04T04:47:44.000Z'],
    ['%a %b %d %H:%M:%S.%f %Y', 'Wed Oct 11 14:32:52.123456 2000', '2000-10-11T14:32:52.123Z'],
    ['%d/%b/%Y:%H:%M:%S %z', '22/Jan/2019:03:56:14 +0330', '2019-01-22T00:26:14.000Z'],
    ['%Y-%m-%dT%H:%M:%S.%f%z', '2024-05-02T08:00:00.008123+02:00', '2024-05-02T06:00:00.008Z'],
    ['%b %e %H:%M:%S', 'Jun  4 15:16:01', '2024-06-04T15:16:01.000Z'],
    ['%m-%d %H:%M:%S.%L', '05-02 08:00:00.008', '2024-05-02T08:00:00.008Z'],
    ['%d %b %Y %H:%M:%S.%L', '02 May 2024 08:00:00.008', '2024-05-02T08:00:00.008Z'],
    ['%Y-%m-%d %H:%M:%S.%L %Z', '2024-05-02 08:00:00.008 UTC', '2024-05-02T08:00:00.008Z'],
    ['%m/%d/%Y %I:%M:%S %p', '05/02/2024 12:30:00 AM', '2024-05-02T00:30:00.000Z'],
    ['%s', '1714636800', '2024-05-02T08:00:00.000Z'],
    ['%i', '1714636800008', '2024-05-02T08:00:00.008Z'],
    ['%d-%b-%Y::%H:%M:%S', '2-May-2024::08:00:00', '2024-05-02T08:00:00.000Z'],
  ])('%s reads %s', (f, s, iso) => {
    expect(at(f, s)).toBe(iso);
  });

  it('reads naive times in the given zone and rejects text that does not fit', () => {
    expect(at('%Y-%m-%d %H:%M:%S', '2024-05-02 10:00:00', 'Europe/Berlin')).toBe('2024-05-02T08:00:00.000Z');
    expect(at('%Y-%m-%d %H:%M:%S', '2024-02-30 10:00:00')).toBeNull();
    expect(at('%Y-%m-%d', '2024-05-02 extra')).toBeNull();
    expect(compileTimeFormat('%Q')).toMatch(/%Q is not supported/);
  });
});
