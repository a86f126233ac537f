import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createImportWith } from '../../../shared/import/importer';
import { importTexts } from '../../../shared/import/pipeline';
import type { LogRecord } from '../../../shared/domain';
import { MIN, T0, pipeRegistry } from './helpers';

const RUNS = Number(process.env.FC_RUNS ?? 200);

function importPipe(files: { name: string; text: string }[], chunk = Infinity) {
  const records: LogRecord[] = [];
  const imp = createImportWith(pipeRegistry, { zone: 'UTC', onRecord: (r) => records.push(r) });
  for (const f of files) {
    const input = imp.addFile(f.name);
    for (let i = 0; i < f.text.length; i += Math.min(chunk, f.text.length))
      input.push(f.text.slice(i, i + chunk));
    input.end();
  }
  return { result: imp.finish(), records };
}

describe('createImportWith', () => {
  it('accounts for every line and names file, line and reason of errors', () => {
    const text = [`${T0}|error|api|eu|boom`, '', '# comment', 'garbage', `${T0 + 1}|info|api|eu|ok`].join(
      '\n',
    );
    const { result, records } = importPipe([{ name: 'a.log', text }], 3);
    expect(result.stats).toMatchObject({ files: 1, lines: 5, records: 2, skipped: 2, errorCount: 1 });
    expect(result.stats.errors).toEqual([{ file: 'a.log', line: 4, reason: 'expected 5 fields' }]);
    expect(records.map((r) => r.kind)).toEqual(['impact', 'log']);
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({
      kind: 'impact',
      count: 1,
      sources: [{ file: 'a.log', line: 1 }],
      key: true,
    });
    expect(result.phases.impactStartAt).toBe(T0);
  });

  it('merges files given newest first into one time-sorted timeline', () => {
    const a = [3, 2, 1].map((i) => `${T0 + i * MIN}|error|api|eu|timeout to db`).join('\n');
    const b = [`${T0 + 4 * 3_600_000}|info|api|eu|alert fired`, `${T0 - MIN}|info|api|eu|deployed v2`].join(
      '\n',
    );
    const { result } = importPipe([
      { name: 'a.log', text: a },
      { name: 'b.log', text: b },
    ]);
    expect(result.events.map((e) => [e.kind, e.count])).toEqual([
      ['change', 1],
      ['impact', 3],
      ['detection', 1],
    ]);
    expect(result.events[1]!.sources[0]).toEqual({ file: 'a.log', line: 3 });
    expect(result.stats.perFile.map((f) => f.records)).toEqual([3, 2]);
  });

  it('reports an unknown format and a throwing parser instead of throwing', () => {
    const imp = createImportWith(
      {
        getFormat: (id) =>
          id === 'boom'
            ? {
                id,
                label: id,
                mode: 'lines',
                detect: () => 1,
                lines: () => ({
                  line: () => {
                    throw new Error('kaput');
                  },
                  end: () => {},
                }),
              }
            : undefined,
        detectFormat: () => ({ id: 'nope', confidence: 0 }),
      },
      { zone: 'UTC' },
    );
    const a = imp.addFile('a.log');
    a.push('x\n');
    a.end();
    const b = imp.addFile('b.log', { format: 'boom' });
    b.push('x\ny');
    b.end();
    const { stats } = imp.finish();
    expect(stats.errors).toEqual([
      { file: 'a.log', line: 0, reason: 'unknown format "nope"' },
      { file: 'b.log', line: 1, reason: 'could not read: kaput' },
      { file: 'b.log', line: 2, reason: 'could not read: kaput' },
    ]);
  });

  it('never throws on arbitrary input, and lines = records + skipped + errors', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.integer({ min: 1, max: 50 }),
        (text, chunk) => {
          const { result } = importPipe([{ name: 'x.log', text }], chunk);
          const s = result.stats;
          expect(s.lines).toBe(s.records + s.skipped + s.errorCount);
          const counted = result.events.reduce((n, e) => n + e.count, 0);
          expect(counted).toBeLessThanOrEqual(s.records);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('gives the same event ids when the same file is imported twice', () => {
    const line = fc.tuple(
      fc.integer({ min: 0, max: 50 }),
      fc.constantFrom('error', 'info', ''),
      fc.constantFrom('timeout 1', 'deploy 2', 'alert 3', 'ok'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (rows) => {
        const text = rows.map(([m, level, msg]) => `${T0 + m * MIN}|${level}|api|eu|${msg}`).join('\n');
        const first = importPipe([{ name: 'same.log', text }]).result.events.map((e) => e.id);
        const second = importPipe([{ name: 'same.log', text }], 7).result.events.map((e) => e.id);
        expect(second).toEqual(first);
        expect(new Set(first).size).toBe(first.length);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('importTexts (real formats)', () => {
  // Exact equality does not hold for JSON formats: several values on one line (a batch, or junk
  // like `{]!`) are several outcomes of one line. Every line must still be accounted for.
  it('never throws on arbitrary text with detection, and accounts for every line', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.constantFrom('x.log', 'x.jsonl', 'x.csv', 'syslog'),
        (text, name) => {
          const { stats } = importTexts([{ name, text }], { zone: 'UTC' });
          expect(stats.records + stats.skipped + stats.errorCount).toBeGreaterThanOrEqual(stats.lines);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
