import { describe, expect, it } from 'vitest';
import { packLogBlock, type ImportedLog, type LogBlock, type TimelineEvent } from '../../../shared/domain';
import { logBlockId } from '../../../shared/import/blockStore';
import { getDb } from '../../../renderer/db/db';
import { commitImport } from '../../../renderer/db/repos/imports';
import { discardStagedBlocks, sweepOrphanBlocks } from '../../../renderer/db/repos/logBlocks';
import { addIncident, getIncident, updateIncident } from '../../../renderer/db/repos/incidents';
import { freshDb } from './testDb';

const block = (importId: string, incidentId: string, seq: number): LogBlock =>
  packLogBlock({ id: logBlockId(importId, seq), importId, incidentId, seq }, []);

const importRow = (id: string, incidentId: string): ImportedLog => ({
  id,
  incidentId,
  fileName: 'a.log',
  format: 'jsonl',
  options: { format: 'jsonl', zone: 'UTC', year: null },
  stats: { lines: 1, records: 1, skipped: 0, errorCount: 0, bytes: 10, firstAt: 5, lastAt: 5 },
  errors: [],
  findings: [],
  blockCount: 2,
  importedAt: 1,
});

const event = (incidentId: string): TimelineEvent => ({
  id: 'ev-1',
  incidentId,
  at: 5,
  endAt: null,
  kind: 'impact',
  title: 'down',
  detail: '',
  service: null,
  region: null,
  count: 1,
  sources: [{ file: 'a.log', line: 1 }],
  key: true,
  tags: [],
  importId: 'imp-1',
  createdAt: 1,
  updatedAt: 1,
});

describe('import commit and staged blocks', () => {
  it('sweeps blocks whose import never committed and keeps committed ones', async () => {
    freshDb('sweep');
    const incident = await addIncident({ title: 'X' });
    await getDb().logBlocks.bulkPut([
      block('imp-1', incident.id, 0),
      block('imp-1', incident.id, 1),
      block('crashed', incident.id, 0),
    ]);
    await commitImport({
      incidentId: incident.id,
      imports: [importRow('imp-1', incident.id)],
      events: [event(incident.id)],
      phases: { impactStartAt: 5, detectedAt: null, mitigatedAt: null, recoveredAt: null, resolvedAt: null },
    });
    expect(await sweepOrphanBlocks()).toBe(1);
    expect((await getDb().logBlocks.toArray()).map((b) => b.id)).toEqual(['imp-1:000000', 'imp-1:000001']);
  });

  it('stores the alias map the import used on the incident, and leaves it when none is given', async () => {
    freshDb('aliases');
    const incident = await addIncident({ title: 'A' });
    const phases = {
      impactStartAt: null,
      detectedAt: null,
      mitigatedAt: null,
      recoveredAt: null,
      resolvedAt: null,
    };
    await commitImport({
      incidentId: incident.id,
      imports: [importRow('imp-1', incident.id)],
      events: [event(incident.id)],
      phases,
      serviceAliases: { 'blob-frontend': 'blob-fe' },
    });
    expect((await getIncident(incident.id))?.serviceAliases).toEqual({ 'blob-frontend': 'blob-fe' });
    await commitImport({ incidentId: incident.id, imports: [], events: [], phases });
    expect((await getIncident(incident.id))?.serviceAliases).toEqual({ 'blob-frontend': 'blob-fe' });
  });

  it('discards the staged blocks of one import only', async () => {
    freshDb('discard');
    await getDb().logBlocks.bulkPut([block('a', 'i', 0), block('a', 'i', 1), block('b', 'i', 0)]);
    await discardStagedBlocks(['a']);
    expect((await getDb().logBlocks.toArray()).map((b) => b.id)).toEqual(['b:000000']);
  });

  it('fills only the key times the user has not set by hand', async () => {
    freshDb('phases');
    const incident = await addIncident({ title: 'Y' });
    await updateIncident(incident.id, {
      keyTimes: { ...incident.keyTimes, detectedAt: 99 },
      keyTimeOrigins: { detectedAt: 'manual' },
    });
    await commitImport({
      incidentId: incident.id,
      imports: [],
      events: [],
      phases: { impactStartAt: 5, detectedAt: 7, mitigatedAt: null, recoveredAt: null, resolvedAt: null },
    });
    const after = await getIncident(incident.id);
    expect(after?.keyTimes).toMatchObject({ impactStartAt: 5, detectedAt: 99 });
    expect(after?.keyTimeOrigins).toEqual({ detectedAt: 'manual', impactStartAt: 'import' });
  });

  it('remembers the change window and makes the incident a game day when every fault was injected', async () => {
    freshDb('gameday');
    const incident = await addIncident({ title: 'G' });
    const phases = {
      impactStartAt: 5,
      detectedAt: null,
      mitigatedAt: null,
      recoveredAt: null,
      resolvedAt: null,
    };
    const fault = { ...event(incident.id), id: 'ev-fault', kind: 'change' as const, injected: true };
    await commitImport({
      incidentId: incident.id,
      imports: [],
      events: [fault, event(incident.id)],
      phases,
      changeWindowMinutes: 25,
    });
    let after = await getIncident(incident.id);
    expect(after).toMatchObject({
      changeWindowMinutes: 25,
      incidentType: 'game-day',
      incidentTypeOrigin: 'import',
    });

    // A later import with a real deploy: some fault was not injected, so it is an incident again.
    const deploy = { ...event(incident.id), id: 'ev-deploy', kind: 'change' as const };
    await commitImport({ incidentId: incident.id, imports: [], events: [deploy], phases });
    after = await getIncident(incident.id);
    expect(after).toMatchObject({
      changeWindowMinutes: 25,
      incidentType: 'incident',
      incidentTypeOrigin: 'import',
    });
  });

  it('never overrides an incident type the user chose', async () => {
    freshDb('gameday-manual');
    const incident = await addIncident({ title: 'M' });
    await updateIncident(incident.id, { incidentType: 'incident', incidentTypeOrigin: 'manual' });
    const fault = { ...event(incident.id), id: 'ev-fault', kind: 'change' as const, injected: true };
    await commitImport({
      incidentId: incident.id,
      imports: [],
      events: [fault],
      phases: {
        impactStartAt: null,
        detectedAt: null,
        mitigatedAt: null,
        recoveredAt: null,
        resolvedAt: null,
      },
    });
    expect(await getIncident(incident.id)).toMatchObject({
      incidentType: 'incident',
      incidentTypeOrigin: 'manual',
    });
    // An import that finds no injected fault leaves a never-set type unset (old bundles stay byte-equal).
    const plain = await addIncident({ title: 'P' });
    await commitImport({
      incidentId: plain.id,
      imports: [],
      events: [{ ...event(plain.id), id: 'ev-p' }],
      phases: {
        impactStartAt: null,
        detectedAt: null,
        mitigatedAt: null,
        recoveredAt: null,
        resolvedAt: null,
      },
    });
    expect((await getIncident(plain.id))?.incidentType).toBeUndefined();
  });
});
