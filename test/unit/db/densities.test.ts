// Stored densities: written with the import, valid only while the import row matches, removed
// with the incident, and computed for imports made before they were kept (older databases).
import { readFileSync } from 'node:fs';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DensityAccumulator, mergeDensities, type DensitySeries } from '../../../shared/chart';
import { getDb, setDb } from '../../../renderer/db/db';
import { listImportDensities, putImportDensities } from '../../../renderer/db/repos/densities';
import { commitImport, listImports } from '../../../renderer/db/repos/imports';
import { listIncidentLogBlocks } from '../../../renderer/db/repos/logBlocks';
import { unpackLogRecords } from '../../../shared/domain';
import { insertSnapshot, deleteIncidentRows } from '../../../renderer/db/repos/snapshot';
import { RootlineDb } from '../../../renderer/db/schema';
import { countImportDensities } from '../../../renderer/features/timeline/model/countDensities';
import { richSnapshot } from '../bundle/richSnapshot';
import type { DbDump } from './dumpFormat';
import { freshDb } from './testDb';

const plain = (s: DensitySeries | null) =>
  s && { start: s.start, bucketMs: s.bucketMs, total: Array.from(s.total), impact: Array.from(s.impact) };

const rowFor = (i: { id: string; incidentId: string; importedAt: number; blockCount: number }) => ({
  importId: i.id,
  incidentId: i.incidentId,
  importedAt: i.importedAt,
  blockCount: i.blockCount,
});

describe('stored densities', () => {
  it('are written with the import and dropped when the import row no longer matches', async () => {
    freshDb('densities');
    const snap = richSnapshot('D');
    const imports = snap.imports;
    await insertSnapshot({ ...snap, imports: [] });
    const counted = await countImportDensities(imports.map(rowFor));
    await commitImport({
      incidentId: snap.incident.id,
      imports,
      events: [],
      phases: {
        impactStartAt: null,
        detectedAt: null,
        mitigatedAt: null,
        recoveredAt: null,
        resolvedAt: null,
      },
      densities: counted,
    });
    expect(await listImportDensities(await listImports(snap.incident.id))).toEqual(counted);
    // A row damaged in storage is left out like a stale one (and so counted again), never merged.
    const good = counted[0]!;
    const damages: Array<(r: typeof good) => unknown> = [
      (r) => ({ ...r, counts: { ...r.counts, bucketMs: 45_000 } }),
      (r) => ({ ...r, counts: { ...r.counts, total: [...r.counts.total, 1] } }),
      (r) => ({ ...r, counts: { ...r.counts, buckets: r.counts.buckets.map(() => 'x') } }),
      (r) => ({ ...r, counts: null }),
      (r) => ({ ...r, spans: [{ id: 'b', firstAt: 8.64e15 + 1, lastAt: 8.64e15 + 2 }] }),
      (r) => ({ ...r, importedAt: Number.NaN }),
    ];
    for (const damage of damages) {
      await getDb().densities.put(damage(good) as typeof good);
      const listed = await listImportDensities(await listImports(snap.incident.id));
      expect(listed.map((r) => r.importId)).not.toContain(good.importId);
      expect(() => mergeDensities(listed)).not.toThrow();
    }
    await putImportDensities([good]);
    expect(await listImportDensities(await listImports(snap.incident.id))).toEqual(counted);
    // The same import id imported again (another time, another size) is counted again.
    const again = imports.map((i) => ({ ...i, importedAt: i.importedAt + 1 }));
    expect(await listImportDensities(again)).toEqual([]);
    await deleteIncidentRows(snap.incident.id);
    expect(await listImportDensities(imports)).toEqual([]);
  });

  it('of an older database are counted from its raw blocks, as the strip counted them before', async () => {
    const dump = JSON.parse(
      readFileSync(new URL('../../fixtures/db/v3-dump.json', import.meta.url), 'utf8'),
    ) as DbDump;
    const db = new RootlineDb(`densities-v3-${Math.random()}`, { indexedDB, IDBKeyRange });
    setDb(db);
    await db.open();
    await db.transaction('rw', db.tables, async () => {
      for (const [table, rows] of Object.entries(dump.tables)) await db.table(table).bulkAdd(rows);
    });
    const incidentIds = [...new Set((await db.imports.toArray()).map((i) => i.incidentId))];
    expect(incidentIds.length).toBeGreaterThan(0);
    for (const incidentId of incidentIds) {
      const imports = await listImports(incidentId);
      expect(await listImportDensities(imports)).toEqual([]);
      const rows = await countImportDensities(imports.map(rowFor));
      await putImportDensities(rows);
      const acc = new DensityAccumulator(60_000);
      const blocks = await listIncidentLogBlocks(incidentId, 0, 10_000);
      for (const b of blocks) for (const r of unpackLogRecords(b)) acc.add(r.at, r.kind === 'impact');
      const merged = mergeDensities(await listImportDensities(imports));
      const old = acc.finish();
      expect(merged.records).toBe(acc.records);
      expect(merged.records).toBeGreaterThan(0);
      expect(plain(merged.density)).toEqual(plain(old));
      expect(merged.spans.map((s) => s.id)).toEqual(blocks.map((b) => b.id));
    }
    db.close();
  });
});
