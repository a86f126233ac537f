import { StringDecoder } from 'node:string_decoder';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../../shared/domain';
import { headOf, importInSegments, planSplit } from '../../../shared/import/parallel';
import type { SplitOptions } from '../../../shared/import/parallel';
import { createImport } from '../../../shared/import/pipeline';
import type { ImportResult } from '../../../shared/import/pipeline';
import { packBatch, unpackBatch } from '../../../shared/import/pack';
import { readSegment } from '../../../shared/import/segment';
import { patternKey } from '../../../shared/patterns/tokens';
import type { SegmentSource } from '../../../shared/import/segment';
import type { RawRecord } from '../../../shared/import/types';

const RUNS = Number(process.env.FC_RUNS ?? 200);

/** A file in memory, read in chunks of the given sizes (bytes), like a stream would. */
function memorySource(bytes: Buffer, chunk: number): SegmentSource {
  return {
    lineStart: (offset) => {
      if (offset <= 0) return Promise.resolve(0);
      const i = bytes.indexOf(10, offset - 1);
      return Promise.resolve(i < 0 ? bytes.length : i + 1);
    },
    text: (start, end, each) => {
      const decoder = new StringDecoder('utf8');
      const stop = end ?? bytes.length;
      for (let p = start; p < stop; p += chunk) {
        if (!each(decoder.write(bytes.subarray(p, Math.min(stop, p + chunk))))) return Promise.resolve();
      }
      const rest = decoder.end();
      if (rest.length > 0) each(rest);
      return Promise.resolve();
    },
  };
}

interface Run {
  json: string;
  records: LogRecord[];
}

/** An import that keeps its records (onRecord, as the app stores them), or none (a timeline). */
function importFor(options: SplitOptions, records: LogRecord[] | null) {
  return createImport(records === null ? options : { ...options, onRecord: (r) => records.push(r) });
}

function single(name: string, bytes: Buffer, chunk: number, options: SplitOptions, keep = true): Run {
  const records: LogRecord[] = [];
  const imp = importFor(options, keep ? records : null);
  const input = imp.addFile(name);
  const decoder = new StringDecoder('utf8');
  let atTop = true;
  // As the CLI decodes (TextDecoder drops a byte-order mark).
  for (let p = 0; p < bytes.length; p += chunk) {
    const text = decoder.write(bytes.subarray(p, p + chunk));
    input.push(atTop && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (text.length > 0) atTop = false;
  }
  input.push(decoder.end());
  input.end();
  return { json: JSON.stringify(imp.finish()), records };
}

async function parallel(
  name: string,
  bytes: Buffer,
  chunk: number,
  cuts: number[],
  options: SplitOptions,
  ahead = 2,
  keep = true,
): Promise<Run | null> {
  const records: LogRecord[] = [];
  const imp = importFor(options, keep ? records : null);
  const plan = planSplit(imp, name, headOf(bytes.subarray(0, 64 * 1024).toString('utf8')), options);
  if (plan === null) return null;
  const source = memorySource(bytes, chunk);
  const offsets = [0, ...cuts.map((c) => Math.floor(c * bytes.length)).sort((a, b) => a - b), bytes.length];
  // Segments finish in reverse order: the merge must still hand them over in file order.
  await importInSegments(
    imp,
    name,
    plan,
    source,
    offsets,
    async (index, from, to, onBatch) => {
      await new Promise((resolve) => setTimeout(resolve, (offsets.length - index) * 2));
      // Batches cross threads packed (typed arrays, strings once): the round trip loses nothing.
      return readSegment(source, plan.def, plan.rule, { ...plan.task, index }, from, to, (b) =>
        onBatch(structuredClone(packBatch(b, plan.task.keepAttrs)[0])),
      );
    },
    ahead,
  );
  return { json: JSON.stringify(imp.finish()), records };
}

const WORDS = ['alpha', 'béta', 'γάμμα', '漢字', 'emoji 🚀', 'x'];
const word = fc.constantFrom(...WORDS);
const n = fc.integer({ min: 0, max: 9_999 });
const stamp = fc
  .integer({ min: 0, max: 86_399 })
  .map((s) => new Date(Date.UTC(2024, 4, 1) + s * 1000).toISOString());
const level = fc.constantFrom('INFO', 'WARN', 'ERROR', 'DEBUG');

/** Plain text: records, stack traces (indented or not), blank lines, a stray line at the top. */
const textLine = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.tuple(stamp, level, word, n).map(([t, l, w, k]) => `${t} ${l} svc.${w}: job ${k} ${w}`),
  },
  { weight: 2, arbitrary: fc.tuple(word, n).map(([w, k]) => `    at ${w}.run (file.js:${k})`) },
  { weight: 1, arbitrary: word.map((w) => `Caused by: ${w} failed`) },
  { weight: 1, arbitrary: fc.constant('') },
);
const jsonLine = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(stamp, level, word, n)
      .map(([t, l, w, k]) => JSON.stringify({ time: t, level: l, service: w, msg: `req ${k} ${w}` })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(stamp, word).map(([t, w]) =>
      JSON.stringify([
        { time: t, msg: w },
        { time: t, msg: `${w} 2` },
      ]),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('{"time": broken', '', '# comment', '[]', '42') },
);
/* Types that are routine (heartbeat), say nothing of their kind (a WARN of one may burst),
 * steps, a resolution, impact; some carry a change. */
const CLOUD_TYPES = [
  'heartbeat',
  'heartbeat',
  'note',
  'deploy.started',
  'deploy.step',
  'incident.resolved',
  'vm.failed',
];
const cloudLine = fc
  .tuple(stamp, word, n, fc.constantFrom(...CLOUD_TYPES), fc.constantFrom('info', 'warn', 'error', undefined))
  .map(([t, w, k, type, lvl]) =>
    JSON.stringify({
      specversion: '1.0',
      id: `e${k}`,
      source: '/o',
      type: `com.x.${type}`,
      subject: w,
      time: t,
      data: {
        region: `r${k % 3}`,
        level: lvl,
        ...(k % 7 === 0 ? { change: `c${k % 4}`, targets: [{ component: w, region: 'r1' }] } : {}),
      },
    }),
  );
const logfmtLine = fc
  .tuple(stamp, level, word, n)
  .map(([t, l, w, k]) => `time=${t} level=${l} service=s${k % 3} msg="${w} ${k}"`);
const syslogLine = fc
  .tuple(fc.integer({ min: 1, max: 28 }), n, word)
  .map(
    ([d, k, w]) =>
      `May ${String(d).padStart(2, ' ')} 10:${String(k % 60).padStart(2, '0')}:00 host app[${k}]: ${w} ${k}`,
  );

function file(lines: fc.Arbitrary<string>, first: fc.Arbitrary<string>) {
  return fc
    .record({
      first,
      lines: fc.array(lines, { minLength: 0, maxLength: 60 }),
      crlf: fc.boolean(),
      bom: fc.boolean(),
      finalNewline: fc.boolean(),
    })
    .map((f) => {
      const eol = f.crlf ? '\r\n' : '\n';
      const text = [f.first, ...f.lines].join(eol) + (f.finalNewline ? eol : '');
      return Buffer.from((f.bom ? '\ufeff' : '') + text, 'utf8');
    });
}

const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 });
const chunk = fc.integer({ min: 1, max: 300 });
const OPTIONS: SplitOptions = {
  format: null,
  zone: 'Europe/Paris',
  year: null,
  mapping: null,
  keepAttrs: true,
};

async function same(name: string, bytes: Buffer, c: number, at: number[], given = OPTIONS): Promise<void> {
  // Half the runs keep every record (as the app stores them), half keep none and no attributes
  // (as the CLI's timeline reads a log).
  const keep = c % 2 === 0;
  const options = { ...given, keepAttrs: keep };
  const one = single(name, bytes, c, options, keep);
  const many = await parallel(name, bytes, c, at, options, (c % 3) + 1, keep);
  if (many === null) {
    // Only a head without one whole line is left unjudged (and so read whole).
    expect(bytes.subarray(0, 4096).includes(10)).toBe(false);
    return;
  }
  expect(many.json).toBe(one.json);
  expect(many.records).toEqual(one.records);
}

describe('parallel import: every split gives the single-parser result, byte for byte', () => {
  const cases: [string, fc.Arbitrary<Buffer>, SplitOptions?][] = [
    ['text with stack traces', file(textLine, textLine)],
    [
      'JSON lines',
      file(
        jsonLine,
        jsonLine.filter((l) => l.startsWith('{"time":"')),
      ),
    ],
    ['CloudEvents', file(cloudLine, cloudLine)],
    ['logfmt', file(logfmtLine, logfmtLine)],
    ['syslog with a year', file(syslogLine, syslogLine), { ...OPTIONS, year: 2024 }],
  ];
  for (const [label, arb, options] of cases) {
    // 200 files, each read whole and then split and merged: ~25 s on a quiet 2-core machine, so
    // the default 30 s would fail on load alone.
    it(label, { timeout: 180_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(arb, chunk, cuts, (bytes, c, at) => same('app.log', bytes, c, at, options)),
        { numRuns: RUNS },
      );
    });
  }

  it('an import that keeps no records sees what one parser sees (places, stream starts)', async () => {
    const at = (minute: number): string => new Date(Date.UTC(2024, 4, 1) + minute * 60_000).toISOString();
    const event = (minute: number, type: string, data: object): string =>
      JSON.stringify({
        specversion: '1.0',
        id: `e${minute}`,
        source: '/o',
        type,
        subject: 'api',
        time: at(minute),
        data,
      });
    const lines = [
      // Two hours of heartbeats: api is known in five regions, and the stream starts here.
      ...Array.from({ length: 120 }, (_, m) => event(m, 'com.x.heartbeat', { region: `r${m % 5}` })),
      // A burst of one WARN pattern with no earlier rate: impact, judged against the stream's start.
      ...Array.from({ length: 8 }, (_, k) =>
        event(120 + k / 10, 'com.x.note', { level: 'warn', message: 'disk slow' }),
      ),
      // One wave puts change c1 on two of api's five regions: more than a quarter of them.
      event(130, 'com.x.deploy.step', { change: 'c1', targets: [{ component: 'api', region: 'r0' }] }),
      event(130.1, 'com.x.deploy.step', { change: 'c1', targets: [{ component: 'api', region: 'r1' }] }),
      '',
    ];
    const bytes = Buffer.from(lines.join('\n'));
    const options = { ...OPTIONS, keepAttrs: false };
    const one = single('ce.jsonl', bytes, 4096, options, false);
    const result = JSON.parse(one.json) as ImportResult;
    expect(result.events.some((e) => e.kind === 'impact')).toBe(true);
    expect(result.findings.map((f) => f.code)).toContain('unstaged-rollout');
    for (const cuts of [[0.3], [0.1, 0.5, 0.9], [0.95]]) {
      const many = await parallel('ce.jsonl', bytes, 4096, cuts, options, 2, false);
      expect(many!.json).toBe(one.json);
    }
  });

  it('a record whose stack trace crosses every cut stays one record', async () => {
    const trace = Array.from({ length: 40 }, (_, i) => `    at frame${i} (x.js:${i})`);
    const text = ['2024-05-01T10:00:00Z ERROR boom', ...trace, '2024-05-01T10:00:01Z INFO next', ''].join(
      '\n',
    );
    const bytes = Buffer.from(text);
    await same('app.log', bytes, 17, [0.2, 0.4, 0.6, 0.8]);
    const many = await parallel('app.log', bytes, 17, [0.2, 0.4, 0.6, 0.8], OPTIONS);
    expect(many!.records.map((r) => r.message.split('\n').length)).toEqual([41, 1]);
  });
});

describe('files one parser must read stay whole', () => {
  const plan = (name: string, text: string, options = OPTIONS) =>
    planSplit(createImport(options), name, headOf(text), options);

  it('CSV (a quoted field may hold a newline) is not split', () => {
    expect(plan('a.csv', 'time,level,message\n2024-05-01T10:00:00Z,INFO,"two\nlines"\n')).toBeNull();
  });

  it('a JSON array document, or an object spanning lines, is not split', () => {
    const json = { ...OPTIONS, format: 'jsonl' };
    expect(plan('a.json', '[\n{"time":"2024-05-01T10:00:00Z","msg":"a"}\n]\n', json)).toBeNull();
    expect(plan('a.json', '{\n "time": "2024-05-01T10:00:00Z",\n "msg": "a"\n}\n', json)).toBeNull();
    expect(plan('a.jsonl', '\n{"time":"2024-05-01T10:00:00Z","msg":"a"}\n', json)).not.toBeNull();
  });

  it('yearless syslog is split only when the year is given', () => {
    const text = 'Dec 31 23:59:59 host app: a\nJan  1 00:00:01 host app: b\n';
    expect(plan('sys.log', text)).toBeNull();
    expect(plan('sys.log', text, { ...OPTIONS, year: 2024 })).not.toBeNull();
  });

  it('a head whose first line is cut is not judged', () => {
    expect(plan('a.jsonl', `{"time":"2024-05-01T10:00:00Z","msg":"${'x'.repeat(5000)}"}\n`)).toBeNull();
  });
});

describe('packed batches', () => {
  it('carry every field of a record (a new field must be packed too)', () => {
    const record: RawRecord = {
      at: 1_714_550_400_123,
      level: 'warn',
      message: 'deploy: change c1 on api',
      service: 'api',
      region: 'eu-west',
      attrs: { id: 'e1', n: 3, ok: true, none: null },
      source: { file: '', line: 42 },
      kindHint: 'change',
      type: 'com.x.deploy.started',
      change: {
        id: 'c1',
        changeKind: 'software',
        description: null,
        targets: [{ component: 'api', region: null, slice: 's1' }],
      },
      repeat: 3_000_000_000,
      endAt: 1_714_550_500_000,
      injected: true,
    };
    const empty: RawRecord = {
      ...record,
      level: null,
      service: null,
      region: null,
      attrs: {},
      kindHint: null,
      type: null,
      change: null,
      repeat: 1,
      endAt: null,
      injected: false,
    };
    const batch = { records: [record, empty], errors: [{ before: 1, line: 2, reason: 'bad' }], skipped: 4 };
    // Each record's pattern key comes along, worked out where the record was parsed.
    const keys = [patternKey(record.message, false), patternKey(empty.message, true)];
    expect(unpackBatch(structuredClone(packBatch(batch, true)[0]))).toEqual({ ...batch, keys });
    // Every key of a record is set by unpack: none is forgotten.
    expect(Object.keys(unpackBatch(packBatch(batch, true)[0]).records[0]!).sort()).toEqual(
      Object.keys(record).sort(),
    );
  });

  it('packs each string once, in order of first use, whatever repeats (keys included)', () => {
    const base = { ...memoryRecord(), attrs: {} };
    const rec = fc.record({
      message: fc.constantFrom('job 1 done', 'job 2 done', 'INFO svc: up', 'up', 'svc'),
      level: fc.constantFrom(null, 'info' as const, 'warn' as const),
      service: fc.constantFrom(null, 'svc', 'up', 'api'),
    });
    fc.assert(
      fc.property(fc.array(rec, { maxLength: 40 }), (parts) => {
        const records = parts.map((p) => ({ ...base, ...p }));
        const packed = packBatch({ records, errors: [], skipped: 0 }, false)[0];
        // The plain packing: every field of every record looked up in turn.
        const strings: string[] = [];
        const ref = (v: string | null): number => {
          if (v === null) return -1;
          const i = strings.indexOf(v);
          return i >= 0 ? i : strings.push(v) - 1;
        };
        const ints = records.flatMap((r) => [
          r.source.line,
          ref(r.message),
          ref(r.level),
          ref(r.service),
          ref(r.region),
          ref(r.type),
          ref(r.kindHint),
          r.injected ? 1 : 0,
          ref(patternKey(r.message, r.level === null)),
        ]);
        expect(packed.strings).toEqual(strings);
        expect([...packed.ints]).toEqual(ints);
      }),
      { numRuns: RUNS },
    );
  });
});

function memoryRecord(): RawRecord {
  return {
    at: 1_714_550_400_000,
    level: null,
    message: '',
    service: null,
    region: 'eu-west',
    attrs: {},
    source: { file: '', line: 7 },
    kindHint: null,
    type: 'com.x.job',
    change: null,
    repeat: 1,
    endAt: null,
    injected: false,
  };
}
