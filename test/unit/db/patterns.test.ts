import { describe, expect, it } from 'vitest';
import type { ImportedLog, LogPattern } from '../../../shared/domain';
import { importTexts } from '../../../shared/import/pipeline';
import { finalizeImport } from '../../../shared/import/finalize';
import { commitImport } from '../../../renderer/db/repos/imports';
import { addIncident } from '../../../renderer/db/repos/incidents';
import { listPatterns } from '../../../renderer/db/repos/patterns';
import { deleteIncidentRows } from '../../../renderer/db/repos/snapshot';
import { freshDb } from './testDb';

const LOG = [
  '2024-03-01T10:00:00Z INFO request 1 served in 20 ms',
  '2024-03-01T10:01:00Z ERROR upstream 10.0.0.1 timed out',
  '2024-03-01T10:02:00Z INFO request 2 served in 21 ms',
  '2024-03-01T10:03:00Z ERROR upstream 10.0.0.2 timed out',
  '2024-03-01T10:04:00Z INFO request 3 served in 22 ms',
].join('\n');

function rows(incidentId: string, text: string): { imports: ImportedLog[]; patterns: LogPattern[] } {
  const result = importTexts([{ name: 'app.log', text }], { zone: 'UTC' });
  const { imports, patterns } = finalizeImport(result, {
    incidentId,
    files: [{ importId: 'imp-app', fileName: 'app.log', format: 'text', bytes: text.length, blockCount: 0 }],
    options: { zone: 'UTC', year: null },
    now: 1,
  });
  return { imports, patterns };
}

describe('stored patterns', () => {
  it('are written with the import, listed most frequent first, and replaced by a re-import', async () => {
    freshDb('patterns');
    const incident = await addIncident({ title: 'X' });
    const first = rows(incident.id, LOG);
    await commitImport({
      incidentId: incident.id,
      events: [],
      phases: importTexts([], { zone: 'UTC' }).phases,
      ...first,
    });
    const listed = await listPatterns(incident.id);
    expect(listed.map((p) => [p.template, p.count, p.level])).toEqual([
      ['request <*> served in <*> ms', 3, 'info'],
      ['upstream <ip> timed out', 2, 'error'],
    ]);
    expect(listed[0]).toMatchObject({
      importId: 'imp-app',
      files: ['app.log'],
      firstAt: Date.UTC(2024, 2, 1, 10, 0),
      rangeToAt: Date.UTC(2024, 2, 1, 10, 4),
    });

    // The same file again, changed: the old batch's patterns do not linger.
    const again = rows(incident.id, LOG.replace(/upstream/g, 'backend'));
    await commitImport({
      incidentId: incident.id,
      events: [],
      phases: importTexts([], { zone: 'UTC' }).phases,
      ...again,
    });
    expect((await listPatterns(incident.id)).map((p) => p.template)).toEqual([
      'request <*> served in <*> ms',
      'backend <ip> timed out',
    ]);

    await deleteIncidentRows(incident.id);
    expect(await listPatterns(incident.id)).toEqual([]);
  });
});
