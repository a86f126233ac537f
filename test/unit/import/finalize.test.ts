import { describe, expect, it } from 'vitest';
import { finalizeImport, importIdFor } from '../../../shared/import/finalize';
import { importTexts } from '../../../shared/import/pipeline';

const log = [
  '{"specversion":"1.0","id":"1","source":"orch","type":"com.example.alert.fired","time":"2014-11-19T00:55:00Z","subject":"blob-fe","data":{"region":"us-east"}}',
  '{"specversion":"1.0","id":"2","source":"orch","type":"com.example.health.degraded","time":"2014-11-19T00:51:00Z","subject":"blob-fe","data":{"region":"us-east"}}',
].join('\n');

describe('finalizeImport', () => {
  it('scopes event ids to the incident and gives each file its own import row', () => {
    const result = importTexts([{ name: 'orch.jsonl', text: log }], { zone: 'UTC' });
    const files = [
      { importId: 'imp-a', fileName: 'orch.jsonl', format: 'cloudevents', bytes: log.length, blockCount: 1 },
    ];
    const a = finalizeImport(result, {
      incidentId: 'A',
      files,
      options: { zone: 'UTC', year: null },
      now: 1,
    });
    const b = finalizeImport(result, {
      incidentId: 'B',
      files,
      options: { zone: 'UTC', year: null },
      now: 1,
    });
    expect(a.events.length).toBe(result.events.length);
    expect(a.events.length).toBeGreaterThan(0);
    // The same file in two incidents must not collide on primary keys…
    expect(a.events.map((e) => e.id)).not.toEqual(b.events.map((e) => e.id));
    // …while re-importing into the same incident gives the same ids (no duplicates).
    const again = finalizeImport(result, {
      incidentId: 'A',
      files,
      options: { zone: 'UTC', year: null },
      now: 2,
    });
    expect(again.events.map((e) => e.id)).toEqual(a.events.map((e) => e.id));
    expect(a.events.every((e) => e.incidentId === 'A' && e.importId === 'imp-a')).toBe(true);
    expect(a.imports).toHaveLength(1);
    expect(a.imports[0]).toMatchObject({
      id: 'imp-a',
      incidentId: 'A',
      fileName: 'orch.jsonl',
      stats: { lines: 2, records: 2, skipped: 0, errorCount: 0 },
      blockCount: 1,
    });
  });

  it('keeps per-file errors on their own import', () => {
    const result = importTexts(
      [
        { name: 'a.jsonl', text: '{"time":"2014-11-19T00:51:00Z","msg":"ok","level":"error"}\nnot json\n' },
        { name: 'b.jsonl', text: 'also not json\n' },
      ],
      { zone: 'UTC', format: 'jsonl' },
    );
    const { imports } = finalizeImport(result, {
      incidentId: 'X',
      files: [
        { importId: 'ia', fileName: 'a.jsonl', format: 'jsonl', bytes: 1, blockCount: 1 },
        { importId: 'ib', fileName: 'b.jsonl', format: 'jsonl', bytes: 1, blockCount: 0 },
      ],
      options: { zone: 'UTC', year: null },
      now: 0,
    });
    expect(imports.map((i) => i.errors.map((e) => [e.file, e.line]))).toEqual([
      [['a.jsonl', 2]],
      [['b.jsonl', 1]],
    ]);
  });
});

describe('importIdFor', () => {
  it('is stable for the same file and incident, distinct otherwise', () => {
    expect(importIdFor('i', 'a.log', 10, 'h')).toBe(importIdFor('i', 'a.log', 10, 'h'));
    expect(importIdFor('i', 'a.log', 10, 'h')).not.toBe(importIdFor('j', 'a.log', 10, 'h'));
    expect(importIdFor('i', 'a.log', 10, 'h')).not.toBe(importIdFor('i', 'a.log', 11, 'h'));
  });
});
