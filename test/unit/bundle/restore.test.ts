import { describe, expect, it } from 'vitest';
import { parseBundle } from '../../../shared/bundle/parse';
import { restoreBundle } from '../../../shared/bundle/restore';
import { Bundle } from '../../../shared/bundle/schema';

/** A minimal v1 bundle as a hand-written tool might produce it: only the essentials. */
function sparse(): Record<string, unknown> {
  return {
    format: 'rootline-bundle',
    version: 1,
    exportedAt: '2025-11-19T00:00:00Z',
    app: { name: 'Rootline', version: '0.0.1' },
    incident: {
      id: 'I1',
      title: 'Sparse',
      severity: 'SEV3',
      status: 'draft',
      keyTimes: { detectedAt: 1_700_000_000_000 },
      createdAt: 1,
      updatedAt: 2,
    },
    events: [{ id: 'E1', incidentId: 'I1', at: 5, kind: 'note', title: 'hello', createdAt: 1, updatedAt: 1 }],
    causes: [
      {
        id: 'C1',
        incidentId: 'I1',
        parentId: null,
        order: 0,
        kind: 'incident',
        gate: 'OR',
        title: 'x',
        createdAt: 1,
        updatedAt: 1,
      },
    ],
  };
}

describe('restoreBundle', () => {
  it('fills defaults for fields and collections left out', () => {
    const restored = restoreBundle(sparse());
    if (!restored.ok) throw new Error(restored.error);
    expect(restored.fromVersion).toBe(1);
    const bundle = Bundle.parse(restored.bundle);
    expect(bundle.imports).toEqual([]);
    expect(bundle.logBlocks).toEqual([]);
    expect(bundle.comments).toEqual([]);
    expect(bundle.actions).toEqual([]);
    expect(bundle.sections).toEqual([]);
    expect(bundle.incident.tags).toEqual([]);
    expect(bundle.incident.services).toEqual([]);
    expect(bundle.incident.keyTimes).toEqual({
      impactStartAt: null,
      detectedAt: 1_700_000_000_000,
      mitigatedAt: null,
      recoveredAt: null,
      resolvedAt: null,
    });
    expect(bundle.incident.displayZone).toBe('UTC');
    expect(bundle.events[0]).toMatchObject({
      endAt: null,
      count: 1,
      sources: [],
      key: false,
      tags: [],
      importId: null,
    });
    expect(bundle.causes[0]).toMatchObject({
      evidenceEventIds: [],
      reviewState: 'open',
      category: null,
      detail: '',
    });
  });

  it('does not share default arrays between rows', () => {
    const raw = sparse();
    raw.events = [1, 2].map((n) => ({
      id: `E${n}`,
      incidentId: 'I1',
      at: n,
      kind: 'note',
      title: '',
      createdAt: 1,
      updatedAt: 1,
    }));
    const restored = restoreBundle(raw);
    if (!restored.ok) throw new Error(restored.error);
    const events = Bundle.parse(restored.bundle).events;
    expect(events[0]!.tags).not.toBe(events[1]!.tags);
  });

  it('leaves present but wrong fields for the schema to reject', () => {
    const raw = sparse();
    (raw.incident as Record<string, unknown>).tags = 'not-a-list';
    const restored = restoreBundle(raw);
    if (!restored.ok) throw new Error(restored.error);
    expect(Bundle.safeParse(restored.bundle).success).toBe(false);
    const text = JSON.stringify(raw);
    const parsed = parseBundle(text, 's.rootline.json');
    expect(!parsed.ok && parsed.error).toMatch(/incident\.tags: expected array, received string/);
  });

  it('a sparse bundle opens through parseBundle', () => {
    const parsed = parseBundle(JSON.stringify(sparse()), 's.rootline.json');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.snapshot.incident.title).toBe('Sparse');
    expect(parsed.meta.exportedAt).toBe(Date.UTC(2025, 10, 19));
  });

  it('refuses future versions, other formats and bad versions', () => {
    expect(restoreBundle({ ...sparse(), version: 3 })).toEqual({
      ok: false,
      error:
        'was written by a newer Rootline (bundle version 3; this app reads up to 2). Update Rootline to open it.',
    });
    expect(restoreBundle({ ...sparse(), format: 'excalidraw' }).ok).toBe(false);
    expect(restoreBundle(null).ok).toBe(false);
    expect(restoreBundle([sparse()]).ok).toBe(false);
    for (const version of [0, -1, 1.5, '1', null])
      expect(restoreBundle({ ...sparse(), version }).ok).toBe(false);
  });

  it('does not modify its input', () => {
    const raw = sparse();
    const copy = JSON.parse(JSON.stringify(raw)) as unknown;
    restoreBundle(raw);
    expect(raw).toEqual(copy);
  });
});
