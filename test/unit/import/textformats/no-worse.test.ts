import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../../../shared/domain';
import { createImport } from '../../../../shared/import/pipeline';

// "Nothing that parses today may parse worse": a definition that matches a line but loses the
// level the generic reader finds (e.g. a syslog-style host field taking "ERROR") must not win.
describe('definition detection never loses what the generic reader reads', () => {
  it('keeps the level of "ISO-time LEVEL component: message" lines', () => {
    const lines = Array.from(
      { length: 20 },
      (_, i) => `2024-01-01T${String(i).padStart(2, '0')}:00:00.000Z ERROR api: request ${i} failed`,
    );
    const records: LogRecord[] = [];
    const imp = createImport({ zone: 'UTC', onRecord: (r) => records.push(r) });
    const input = imp.addFile('app.log');
    input.push(`${lines.join('\n')}\n`);
    input.end();
    const result = imp.finish();
    expect(records).toHaveLength(20);
    expect(records.every((r) => r.level === 'error')).toBe(true);
    expect(result.events.filter((e) => e.kind === 'impact')).toHaveLength(20);
  });
});
