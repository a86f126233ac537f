import { describe, expect, it } from 'vitest';
import { createIncident } from '../../../../shared/domain';
import type { LogRecord } from '../../../../shared/domain';
import { serviceAliasesFor } from '../../../../renderer/features/import/hooks/useLogImport';
import type { FileEntry } from '../../../../renderer/features/import/plan';

function entry(services: string[]): FileEntry {
  const records = services.map((service, i): LogRecord => ({
    at: i,
    level: null,
    kind: 'log',
    service,
    region: null,
    message: 'm',
    attrs: {},
    source: { file: 'f', line: i + 1 },
  }));
  return {
    preview: {
      format: 'jsonl',
      confidence: 1,
      candidates: [],
      fields: [],
      records,
      errors: [],
      lines: 1,
      problem: null,
    },
  } as unknown as FileEntry;
}

describe('serviceAliasesFor', () => {
  it('guesses from the samples and the incident, keeps stored choices and applies the edits', () => {
    const incident = createIncident({
      id: 'i',
      now: 0,
      services: ['blob-fe'],
      serviceAliases: { 'tbl-fe': 'table-frontend' },
    });
    const files = [entry(['blob-frontend', 'blob-fe', 'blob-fe']), entry(['Deployment/blob-fe', 'table-fe'])];
    const view = serviceAliasesFor(files, incident, {});
    expect(view.applied).toEqual({
      'blob-frontend': 'blob-fe',
      'Deployment/blob-fe': 'blob-fe',
      'tbl-fe': 'table-frontend',
      'table-fe': 'table-frontend',
    });
    // Clearing a field keeps the name apart; typing another name maps it there.
    const edited = serviceAliasesFor(files, incident, { 'blob-frontend': '', 'table-fe': 'tables' });
    expect(edited.applied).toEqual({
      'Deployment/blob-fe': 'blob-fe',
      'tbl-fe': 'table-frontend',
      'table-fe': 'tables',
    });
    expect(edited.rows.find((r) => r.alias === 'blob-frontend')).toEqual({
      alias: 'blob-frontend',
      canonical: '',
    });
  });
});
