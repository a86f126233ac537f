import { describe, expect, it } from 'vitest';
import { logRecordCount, unpackLogRecords, type LogBlock, type LogRecord } from '../../../shared/domain';
import { createBlockBuilder } from '../../../shared/import/blocks';

const record = (at: number, line: number): LogRecord => ({
  at,
  level: 'info',
  kind: 'log',
  service: null,
  region: null,
  message: `m${line}`,
  attrs: {},
  source: { file: 'a.log', line },
});

describe('createBlockBuilder', () => {
  it('groups records into fixed-size blocks with stable ids and time bounds', () => {
    const blocks: LogBlock[] = [];
    const builder = createBlockBuilder({
      importId: 'imp',
      incidentId: 'inc',
      size: 3,
      onBlock: (b) => blocks.push(b),
    });
    // Out of order on purpose: bounds are min/max, not first/last.
    [5, 1, 9, 4, 2, 8, 7].forEach((at, i) => builder.add(record(at, i + 1)));
    builder.flush();
    expect(blocks.map(logRecordCount)).toEqual([3, 3, 1]);
    expect(blocks.flatMap(unpackLogRecords)).toEqual([5, 1, 9, 4, 2, 8, 7].map((at, i) => record(at, i + 1)));
    expect(blocks.map((b) => b.id)).toEqual(['imp:000000', 'imp:000001', 'imp:000002']);
    expect(blocks.map((b) => [b.firstAt, b.lastAt])).toEqual([
      [1, 9],
      [2, 8],
      [7, 7],
    ]);
    expect(builder.blockCount).toBe(3);
    expect(blocks.every((b) => b.incidentId === 'inc' && b.importId === 'imp')).toBe(true);
  });

  it('emits nothing for an empty stream', () => {
    const blocks: LogBlock[] = [];
    const builder = createBlockBuilder({ importId: 'i', incidentId: 'n', onBlock: (b) => blocks.push(b) });
    builder.flush();
    expect(blocks).toEqual([]);
  });
});
