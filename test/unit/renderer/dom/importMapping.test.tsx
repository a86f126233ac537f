// @vitest-environment happy-dom
// The import dialog's column mapping: choices made faster than the worker answers previews.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createIncident } from '../../../../shared/domain/incident';
import type { FieldMapping } from '../../../../shared/import/types';
import { pickedFile } from '../../../../renderer/platform/index.testing';
import type { PreviewResult } from '../../../../renderer/workers/importProtocol';
import { freshDb } from '../../db/testDb';
import { acting, renderHook, until } from './render';

interface Pending {
  mapping: FieldMapping | null;
  resolve(): void;
}
const pending: Pending[] = [];

// The worker answers previews only when the test says so, in any order.
vi.mock('../../../../renderer/features/import/workerClient', () => ({
  ImportWorkerClient: class {
    preview(msg: { mapping: FieldMapping | null }): Promise<PreviewResult> {
      return new Promise((resolve) => {
        const result: PreviewResult = {
          format: 'csv',
          confidence: 0,
          candidates: [],
          fields: ['when', 'what'],
          records: [],
          errors: [],
          lines: 2,
          problem: `mapped ${JSON.stringify(msg.mapping)}`,
        };
        pending.push({ mapping: msg.mapping, resolve: () => resolve(result) });
      });
    }
    terminate(): void {}
  },
}));

const { useLogImport } = await import('../../../../renderer/features/import/hooks/useLogImport');

const timeOnly: FieldMapping = {
  time: 'when',
  time2: null,
  message: '',
  level: null,
  service: null,
  region: null,
};
const timeAndMessage: FieldMapping = { ...timeOnly, message: 'what' };

beforeEach(() => {
  pending.length = 0;
  freshDb('import-mapping');
});

describe('useLogImport column mapping', () => {
  it('shows each choice at once and keeps only the newest choice’s preview', async () => {
    const incident = createIncident({ id: 'inc-1', now: 0, title: 'Mapping' });
    const hook = renderHook(() => useLogImport(incident));
    const adding = hook
      .current()
      .addFiles([pickedFile('export.csv', 'when;what\n2014-11-19T00:51:00Z;loop\n')]);
    await until(() => expect(pending).toHaveLength(1));
    await acting(async () => {
      pending[0]!.resolve();
      await adding;
    });
    const key = hook.current().entries[0]!.key;

    // Two choices in a row while neither preview has come back.
    let first: Promise<void> = Promise.resolve();
    let second: Promise<void> = Promise.resolve();
    await acting(async () => {
      first = hook.current().updateEntry(key, { mapping: timeOnly });
    });
    expect(hook.current().entries[0]!.mapping).toEqual(timeOnly);
    await acting(async () => {
      second = hook.current().updateEntry(key, { mapping: timeAndMessage });
    });
    expect(hook.current().entries[0]!.mapping).toEqual(timeAndMessage);
    await until(() => expect(pending).toHaveLength(3));

    // The newer preview answers first; the older one, arriving late, must not replace it.
    await acting(async () => {
      pending[2]!.resolve();
      await second;
      pending[1]!.resolve();
      await first;
    });
    const entry = hook.current().entries[0]!;
    expect(entry.mapping).toEqual(timeAndMessage);
    expect(entry.preview?.problem).toBe(`mapped ${JSON.stringify(timeAndMessage)}`);
  });
});
