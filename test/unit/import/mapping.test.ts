import { describe, expect, it } from 'vitest';
import { createImport } from '../../../shared/import/pipeline';
import type { LogRecord } from '../../../shared/domain';

describe('per-file field mapping', () => {
  it('reads each file with its own columns', () => {
    const records: LogRecord[] = [];
    const imp = createImport({ zone: 'UTC', onRecord: (r) => records.push(r) });
    const a = imp.addFile('a.csv', {
      format: 'csv',
      mapping: { time: 'when', time2: null, message: 'what', level: null, service: 'who', region: null },
    });
    a.push('when,what,who\n2014-11-19T00:51:00Z,blob front-end stuck,blob-fe\n');
    a.end();
    const b = imp.addFile('b.csv', {
      format: 'csv',
      mapping: { time: 'stamp', time2: null, message: 'text', level: 'sev', service: null, region: null },
    });
    b.push('stamp;text;sev\n2014-11-19T01:00:00Z;alert fired;error\n');
    b.end();
    const result = imp.finish();
    expect(result.stats.errorCount).toBe(0);
    expect(
      records.map((r) => [r.source.file, new Date(r.at).toISOString(), r.message, r.service, r.level]),
    ).toEqual([
      ['a.csv', '2014-11-19T00:51:00.000Z', 'blob front-end stuck', 'blob-fe', null],
      ['b.csv', '2014-11-19T01:00:00.000Z', 'alert fired', null, 'error'],
    ]);
  });
});
