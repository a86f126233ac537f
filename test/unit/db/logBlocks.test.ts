import { describe, expect, it } from 'vitest';
import { packLogBlock, type ImportedLog, type LogRecord } from '../../../shared/domain';
import {
  LOG_BLOCK_INDEXES,
  LOG_BLOCK_STORE,
  importIdOfBlock,
  logBlockId,
} from '../../../shared/import/blockStore';
import { addIncident } from '../../../renderer/db/repos/incidents';
import { findLogRecords, getLogBlocks, listLogBlocks } from '../../../renderer/db/repos/logBlocks';
import { loadIncidentSnapshot } from '../../../renderer/db/repos/snapshot';
import { freshDb } from './testDb';

const record = (at: number, line: number, attrs: LogRecord['attrs'] = {}): LogRecord => ({
  at,
  level: 'error',
  kind: 'log',
  service: 'api',
  region: null,
  message: `failure ${line}`,
  attrs,
  source: { file: 'app.log', line },
});

const importRow = (id: string, incidentId: string): ImportedLog => ({
  id,
  incidentId,
  fileName: 'app.log',
  format: 'jsonl',
  options: { format: 'jsonl', zone: 'UTC', year: null },
  stats: { lines: 2, records: 2, skipped: 0, errorCount: 0, bytes: 10, firstAt: 10, lastAt: 20 },
  errors: [],
  findings: [],
  blockCount: 1,
  importedAt: 1,
});

describe('the raw-block store', () => {
  it('is declared by the database exactly as the shared layout says', () => {
    const db = freshDb('block-layout');
    const table = db.table(LOG_BLOCK_STORE);
    const [primary, ...indexes] = LOG_BLOCK_INDEXES.split(',').map((s) => s.trim());
    expect(table.schema.primKey.name).toBe(primary);
    expect(table.schema.indexes.map((i) => i.name).sort()).toEqual(indexes.sort());
    expect(importIdOfBlock(logBlockId('imp:with:colons', 12))).toBe('imp:with:colons');
    expect(logBlockId('imp', 12)).toBe('imp:000012');
  });

  it('rows an older build stored one object per record are read back packed, records intact', async () => {
    const db = freshDb('block-upgrade');
    await addIncident({ id: 'INC', title: 'Old rows' }, 1);
    await db.imports.put(importRow('IMP', 'INC'));
    const records = [record(10, 1, { code: 'E1' }), record(20, 2)];
    const head = { id: logBlockId('IMP', 0), importId: 'IMP', incidentId: 'INC', seq: 0 };
    // Written as the first databases did: the old shape, straight into the table.
    await db.table(LOG_BLOCK_STORE).put({ ...head, firstAt: 10, lastAt: 20, records });
    const packed = packLogBlock(head, records);

    expect(await listLogBlocks('IMP', 0, 10)).toEqual([packed]);
    expect(await getLogBlocks([head.id])).toEqual([packed]);
    expect((await loadIncidentSnapshot('INC'))?.logBlocks).toEqual([packed]);
    const found = await findLogRecords({ incidentId: 'INC', fromAt: 0, toAt: 100, match: () => true });
    expect(found.records).toEqual(records);
  });
});
