import { describe, expect, it } from 'vitest';
import {
  importWorkers,
  isGzip,
  isZip,
  needsMapping,
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

  it('reads large files with a pool of two or more segment workers, one per core besides the import worker', () => {
    expect([undefined, 1, 2, 3, 4, 5, 64].map(importWorkers)).toEqual([0, 0, 0, 2, 3, 4, 4]);
  });
});
