import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definitionFormats, formatIds, getFormat } from '../../../shared/import/formats/index';
import type { ImportResult } from '../../../shared/import/importer';
import { createImport } from '../../../shared/import/pipeline';

/** FC_RUNS=1000 in CI (scripts/test/run.mjs sets it when CI=true). */
const RUNS = Number(process.env.FC_RUNS ?? 150);

const SAMPLES = [
  '{"time":"2024-01-01T00:00:00Z","msg":"deploy started","level":"info"}',
  '[{"time":"2024-01-01T00:00:00Z","msg":"a"},{"time":"2024-01-01T00:00:01Z","msg":"b"}]',
  '{"specversion":"1.0","type":"com.x.deploy.started","time":"2024-01-01T00:00:00Z","source":"s","id":"1"}',
  '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"1704067200000000000","body":{"stringValue":"a"}}]}]}]}',
  '{"__REALTIME_TIMESTAMP":"1704067200000000","MESSAGE":"m","_SYSTEMD_UNIT":"u"}',
  '{"kind":"EventList","items":[{"lastTimestamp":"2024-01-01T00:00:00Z","message":"m","reason":"r","count":2}]}',
  '{"log_entries":[{"created_at":"2024-01-01T00:00:00Z","type":"trigger_log_entry","summary":"s"}]}',
  '{"incident":{"name":"x","incident_updates":[{"created_at":"2024-01-01T00:00:00Z","status":"investigating","body":"b"}]}}',
  '<34>1 2024-01-01T00:00:00Z h a - - [x k="v"] m',
  'Jan  1 00:00:00 h t[1]: m',
  '2024-01-01 00:00:00,123 ERROR svc: boom',
  '[Mon Jan 01 00:00:00.000000 2024] [core:error] [pid 1] m',
  'time=2024-01-01T00:00:00Z level=info msg="x y"',
  '1.2.3.4 - - [01/Jan/2024:00:00:00 +0000] "GET / HTTP/1.1" 500 1',
  'time,message,level',
  '2024-01-01T00:00:00Z,"a, ""b""",warn',
  '{]!',
  '{',
  '}',
  '"',
  '\tat x.y(Z.java:1)',
  '# c',
  '',
];

const line = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SAMPLES) },
  { weight: 2, arbitrary: fc.string({ maxLength: 50, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 2 }) },
);
const fileText = fc
  .tuple(fc.array(line, { maxLength: 16 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([lines, eol, bom]) => (bom ? '\ufeff' : '') + lines.join(eol));

function importOnce(format: string, text: string, chunk: number): ImportResult {
  const imp = createImport({ zone: 'UTC', year: 2024, format });
  if (getFormat(format)?.mode === 'archive') {
    imp.addEntries('export.zip', [
      { path: 'users.json', text: '[{"id":"U1","name":"ann"}]' },
      { path: 'incident/2024-01-01.json', text },
    ]);
  } else {
    const input = imp.addFile('input.log');
    for (let i = 0; i < text.length; i += chunk) input.push(text.slice(i, i + chunk));
    input.end();
  }
  return imp.finish();
}

function summary(r: ImportResult) {
  return {
    ids: r.events.map((e) => e.id),
    phases: r.phases,
    stats: { ...r.stats, perFile: r.stats.perFile.map((f) => ({ ...f, bytes: 0 })) },
  };
}

describe('every importer on hostile input', () => {
  // The shipped text definitions share one engine: each still runs, with fewer cases apiece.
  const definitions = new Set(definitionFormats().map((f) => f.id));
  it('covers every format: the 23 hand-written readers and every shipped definition', () => {
    expect(formatIds().length - definitions.size).toBe(23);
    expect(definitions.size).toBeGreaterThanOrEqual(30);
  });

  for (const id of formatIds()) {
    const runs = definitions.has(id) ? Math.max(20, Math.ceil(RUNS / 10)) : RUNS;
    it(`${id}: never throws, keeps its books, and re-imports identically`, () => {
      fc.assert(
        fc.property(fileText, fc.integer({ min: 1, max: 97 }), (text, chunk) => {
          const first = importOnce(id, text, chunk);
          const s = first.stats;
          expect(s.errorCount).toBeGreaterThanOrEqual(0);
          expect(s.errors.every((e) => e.file !== '' && e.reason.length > 0 && e.line >= 0)).toBe(true);
          for (const e of first.events) expect(Number.isFinite(e.at)).toBe(true);
          // Same file again, fed in different chunks: same events, same ids, same counts.
          const again = importOnce(id, text, 4096);
          expect(summary(again)).toEqual(summary(first));
        }),
        { numRuns: runs },
      );
    });
  }
});
