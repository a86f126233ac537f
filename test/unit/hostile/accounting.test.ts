import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allFormats } from '../../../shared/import/formats/index';
import { runText, type Outcome } from '../import/formats/run';

const RUNS = Number(process.env.FC_RUNS ?? 200);

/** Lines that look like logs in every format, plus JSON fragments that switch parsers' modes. */
const LINE = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      '{"time":"2024-01-01T00:00:00Z","msg":"x"}',
      '[{"time":"2024-01-01T00:00:00Z","msg":"a"},{"time":"2024-01-01T00:00:01Z","msg":"b"}]',
      '{"specversion":"1.0","type":"a.deploy.started","time":"2024-01-01T00:00:00Z","source":"s","id":"1"}',
      '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"1","body":{"stringValue":"a"}},{"timeUnixNano":"2"}]}]}]}',
      '{"__REALTIME_TIMESTAMP":"1704067200000000","MESSAGE":"m"}',
      '{"kind":"Event","lastTimestamp":"2024-01-01T00:00:00Z","message":"m","reason":"r"}',
      '<34>1 2024-01-01T00:00:00Z h a - - [x k="v"] m',
      'Jan  1 00:00:00 h t[1]: m',
      '2024-01-01 00:00:00 INFO x',
      '[Mon Jan 01 00:00:00.000000 2024] [core:error] [pid 1] m',
      'time=2024-01-01T00:00:00Z level=info msg=x',
      '1.2.3.4 - - [01/Jan/2024:00:00:00 +0000] "GET / HTTP/1.1" 200 1',
      'time,message',
      '2024-01-01T00:00:00Z,"a ""b"""',
      '{]!',
      '{',
      '[',
      ']',
      '}',
      '},{',
      '"',
      '\t at x',
      '# comment',
      '',
      '\ufeff{"time":"2024-01-01T00:00:00Z","msg":"bom"}',
    ),
  },
);
const FILE = fc
  .tuple(fc.array(LINE, { maxLength: 14 }), fc.constantFrom('\n', '\r\n'))
  .map(([ls, eol]) => ls.join(eol));

/** Per line: which outcomes it got. Exact accounting means exactly one kind per line. */
function ledger(r: Outcome): string[] {
  const problems: string[] = [];
  const kinds = new Map<number, { records: number; skips: number; errors: number }>();
  const at = (line: number) => {
    let k = kinds.get(line);
    if (!k) kinds.set(line, (k = { records: 0, skips: 0, errors: 0 }));
    return k;
  };
  for (const rec of r.records) at(rec.source.line).records++;
  for (const line of r.skipped) at(line).skips++;
  for (const e of r.errors) at(e.line).errors++;
  for (let line = 1; line <= r.lines; line++) {
    const k = kinds.get(line);
    if (!k) problems.push(`line ${line}: no outcome`);
    else if ((k.records > 0 ? 1 : 0) + k.skips + k.errors !== 1)
      problems.push(`line ${line}: ${k.records} records, ${k.skips} skips, ${k.errors} errors`);
  }
  for (const line of kinds.keys())
    if (line < 1 || line > r.lines) problems.push(`line ${line}: out of range`);
  return problems;
}

describe('line accounting is exact for every line format', () => {
  for (const f of allFormats().filter((x) => x.mode === 'lines')) {
    it(`${f.id}: every line is exactly one record line, one skip or one error`, () => {
      fc.assert(
        fc.property(FILE, fc.integer({ min: 1, max: 64 }), (text, chunk) => {
          const r = runText(f.id, text, { chunk });
          expect(ledger(r)).toEqual([]);
          // Lines holding several records (a JSON array or OTLP batch) count once as record lines.
          const recordLines = new Set(r.records.map((x) => x.source.line)).size;
          expect(recordLines + r.skipped.length + r.errors.length).toBe(r.lines);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('reports one error, not two, for "{]!" as the first line', () => {
    for (const id of ['jsonl', 'cloudevents', 'otlp', 'journald']) {
      const r = runText(id, '{]!\n{"time":"2024-01-01T00:00:00Z","msg":"x"}');
      expect(ledger(r), id).toEqual([]);
      expect(
        r.errors.filter((e) => e.line === 1),
        id,
      ).toHaveLength(1);
    }
  });
});
