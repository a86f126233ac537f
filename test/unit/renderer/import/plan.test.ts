import { describe, expect, it } from 'vitest';
import {
  isGzip,
  isZip,
  needsMapping,
  planFiles,
  uniqueNames,
  type FileEntry,
} from '../../../../renderer/features/import/plan';

const entry = (over: Partial<FileEntry>): FileEntry => ({
  key: 'k',
  picked: { name: 'x', size: 0, stream: () => new ReadableStream(), text: () => Promise.resolve('') },
  name: 'x.csv',
  size: 0,
  gzip: false,
  zip: false,
  format: null,
  mapping: null,
  preview: null,
  head: new Uint8Array(),
  ...over,
});

describe('import plan', () => {
  it('makes file names unique within a batch', () => {
    expect(uniqueNames(['app.log', 'app.log', 'b.log', 'app.log'])).toEqual([
      'app.log',
      'app.log (2)',
      'b.log',
      'app.log (3)',
    ]);
  });

  it("passes each file's last-modified time on as its capture time (null when the platform has none)", () => {
    const picked = (lastModified?: number) => ({
      name: 'events.ndjson',
      size: 0,
      lastModified,
      stream: () => new ReadableStream<Uint8Array>(),
      text: () => Promise.resolve(''),
    });
    const [known, unknown] = planFiles(
      'inc',
      [
        entry({ picked: picked(Date.UTC(2026, 2, 14, 16)), name: 'a.ndjson' }),
        entry({ picked: picked(undefined), name: 'b.ndjson' }),
      ],
      1,
    );
    expect(known?.capturedAt).toBe(Date.UTC(2026, 2, 14, 16));
    expect(unknown?.capturedAt).toBeNull();
  });

  it('recognises gzip and zip by magic bytes or name', () => {
    expect(isGzip(new Uint8Array([0x1f, 0x8b]), 'x')).toBe(true);
    expect(isGzip(new Uint8Array([0x7b]), 'x.log.gz')).toBe(true);
    expect(isGzip(new Uint8Array([0x7b]), 'x.log')).toBe(false);
    expect(isZip(new Uint8Array([0x50, 0x4b]), 'export')).toBe(true);
  });

  it('asks for a field mapping only when a mappable format yields no record', () => {
    const preview = {
      format: 'csv',
      confidence: 0.5,
      candidates: [],
      fields: ['when', 'what'],
      lines: 3,
      problem: null,
    };
    const failing = {
      ...preview,
      records: [],
      errors: [{ file: 'x.csv', line: 2, reason: 'no time column' }],
    };
    expect(needsMapping(entry({ preview: failing }))).toBe(true);
    expect(needsMapping(entry({ preview: { ...failing, format: 'syslog' } }))).toBe(false);
    expect(needsMapping(entry({ preview: { ...failing, errors: [] } }))).toBe(false);
  });
});
