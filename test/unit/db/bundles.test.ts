import { describe, expect, it } from 'vitest';
import { parseBundle } from '../../../shared/bundle/parse';
import { serializeBundle } from '../../../shared/bundle/serialize';
import { exportBundleText, openBundleText } from '../../../renderer/db/repos/bundles';
import { insertSnapshot, loadIncidentSnapshot } from '../../../renderer/db/repos/snapshot';
import { richSnapshot } from '../bundle/richSnapshot';
import { dumpAll, freshDb } from './testDb';

const OPTS = { now: Date.UTC(2025, 11, 1, 12, 0, 0), appVersion: '0.1.0' };

describe('bundle round trip through the database', () => {
  it('export → open in a fresh profile → export is byte-identical', async () => {
    freshDb('rt-a');
    await insertSnapshot(richSnapshot());
    const first = await exportBundleText('A-INC', OPTS);

    freshDb('rt-b');
    const opened = await openBundleText(first, 'checkout.rootline.json');
    expect(opened).toEqual({ ok: true, incidentId: 'A-INC', asCopy: false, notices: [] });
    const second = await exportBundleText('A-INC', OPTS);
    expect(second).toBe(first);

    // The bytes carry every hostile string intact and escape nothing into HTML.
    expect(first).toContain('</script><img src=x onerror=alert(1)>');
    expect(first.endsWith('}\n')).toBe(true);
    const parsed = parseBundle(first, 'checkout.rootline.json');
    expect(parsed.ok && parsed.snapshot.incident.summary).toBe(richSnapshot().incident.summary);
  });

  it('the exported snapshot equals the inserted one, apart from row order', async () => {
    freshDb('rt-eq');
    const original = richSnapshot();
    await insertSnapshot(original);
    const parsed = parseBundle(await exportBundleText('A-INC', OPTS), 'x.rootline.json');
    if (!parsed.ok) throw new Error(parsed.error);
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(parsed.snapshot.incident).toEqual(original.incident);
    for (const key of [
      'events',
      'imports',
      'logBlocks',
      'causes',
      'comments',
      'actions',
      'sections',
    ] as const) {
      expect(byId(parsed.snapshot[key] as { id: string }[])).toEqual(byId(original[key] as { id: string }[]));
    }
    expect(parsed.meta).toEqual({ version: 2, exportedAt: OPTS.now, appVersion: '0.1.0', notices: [] });
  });

  it('opening into the same profile makes a copy with new ids and rewritten references', async () => {
    const db = freshDb('copy');
    await insertSnapshot(richSnapshot());
    const before = await dumpAll(db);
    const originalBefore = await loadIncidentSnapshot('A-INC');
    const text = await exportBundleText('A-INC', OPTS);

    let n = 0;
    const result = await openBundleText(text, 'checkout.rootline.json', {
      now: OPTS.now,
      makeId: () => `NEW${String(++n).padStart(3, '0')}`,
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.asCopy).toBe(true);
    expect(result.incidentId).toMatch(/^NEW/);

    expect(await loadIncidentSnapshot('A-INC')).toEqual(originalBefore);
    const after = await dumpAll(db);
    for (const [table, rows] of Object.entries(before)) {
      // Every original row is still there, unchanged; the copy only added rows.
      for (const row of rows) expect(after[table]).toContainEqual(row);
      expect(after[table]!.length).toBe(table === 'prefs' ? 0 : rows.length * 2);
    }
    const copy = await loadIncidentSnapshot(result.incidentId);
    if (!copy) throw new Error('copy missing');
    expect(copy.incident.title).toBe(`${richSnapshot().incident.title} (copy)`);

    const all = [
      copy.incident,
      ...copy.events,
      ...copy.imports,
      ...copy.logBlocks,
      ...copy.causes,
      ...copy.comments,
    ];
    for (const row of [...all, ...copy.actions, ...copy.sections]) expect(row.id).toMatch(/^NEW/);
    const ids = new Set([...all, ...copy.actions, ...copy.sections].map((r) => r.id));
    const mustResolve = [
      ...copy.causes.flatMap((c) => [...c.evidenceEventIds, ...(c.parentId === null ? [] : [c.parentId])]),
      ...copy.comments.flatMap((c) => [c.targetId, ...(c.parentId === null ? [] : [c.parentId])]),
      ...copy.actions.flatMap((a) => a.causeIds),
      ...copy.imports.flatMap((i) => i.findings.flatMap((f) => f.eventIds)),
      ...copy.logBlocks.map((b) => b.importId),
      ...copy.events.flatMap((e) => (e.importId === null ? [] : [e.importId])),
      ...[...copy.events, ...copy.causes, ...copy.comments, ...copy.actions, ...copy.sections].map(
        (r) => r.incidentId,
      ),
    ];
    expect(mustResolve.length).toBeGreaterThan(20);
    for (const ref of mustResolve) expect(ids.has(ref), `reference ${ref} points into the copy`).toBe(true);
    expect(copy.events.length).toBe(4);
    expect(copy.logBlocks.length).toBe(2);

    // The copy's own export differs from the original only in ids, title and incident times.
    const again = await exportBundleText(result.incidentId, OPTS);
    expect(again).not.toBe(text);
    expect(parseBundle(again, 'copy.rootline.json').ok).toBe(true);
  });

  it('opens as a copy when only a row id (not the incident) is already taken', async () => {
    freshDb('row-clash');
    const other = richSnapshot('B');
    other.events.push({ ...richSnapshot().events[0]!, incidentId: 'B-INC' });
    await insertSnapshot(other);
    const text = serializeBundle(richSnapshot(), { exportedAt: OPTS.now, appVersion: '0.1.0' });
    const result = await openBundleText(text, 'a.rootline.json');
    expect(result.ok && result.asCopy).toBe(true);
    const b = await loadIncidentSnapshot('B-INC');
    expect(b?.events.find((e) => e.id === 'A-E3')?.incidentId).toBe('B-INC');
  });

  it('a title at the length limit still fits after " (copy)"', async () => {
    freshDb('long-title');
    const s = richSnapshot();
    s.incident.title = 'x'.repeat(500);
    await insertSnapshot(s);
    const result = await openBundleText(await exportBundleText('A-INC', OPTS), 'a.rootline.json');
    if (!result.ok) throw new Error(result.error);
    const copy = await loadIncidentSnapshot(result.incidentId);
    expect(copy?.incident.title).toHaveLength(500);
    expect(copy?.incident.title.endsWith(' (copy)')).toBe(true);
    expect(parseBundle(await exportBundleText(result.incidentId, OPTS), 'c.rootline.json').ok).toBe(true);
  });

  it('staged blocks of an unfinished import are not exported', async () => {
    const db = freshDb('staged');
    await insertSnapshot(richSnapshot());
    const clean = await exportBundleText('A-INC', OPTS);
    const block = { ...richSnapshot().logBlocks[0]!, id: 'A-STAGED', importId: 'A-IMP-PENDING' };
    // What the importer's staging step writes before the import row exists.
    await db.logBlocks.put(block);
    expect(await exportBundleText('A-INC', OPTS)).toBe(clean);
  });

  it('export of a missing incident rejects with a clear message', async () => {
    freshDb('missing');
    await expect(exportBundleText('nope', OPTS)).rejects.toThrow(/no longer exists/);
  });
});

describe('opening a bad bundle changes nothing', () => {
  const cases: [string, (good: string) => string, RegExp][] = [
    [
      'truncated JSON',
      (g) => g.slice(0, Math.floor(g.length / 2)),
      /bad\.rootline\.json is not valid JSON at line \d+, column \d+/,
    ],
    ['not JSON', () => 'PK\u0003\u0004 this is a zip', /bad\.rootline\.json is not valid JSON/],
    [
      'another app',
      () => '{"type":"excalidraw","version":2,"elements":[]}',
      /bad\.rootline\.json is not a Rootline bundle/,
    ],
    [
      'future version',
      (g) => g.replace('"version": 2', '"version": 7'),
      /newer Rootline \(bundle version 7; this app reads up to 2\)/,
    ],
    [
      'schema violation',
      (g) => g.replace(/"at": \d+/, '"at": "yesterday"'),
      /events\[0\]\.at: expected number, received string/,
    ],
    [
      'referential violation',
      (g) => g.replace('"parentId": "A-C0"', '"parentId": "A-GONE"'),
      /causes\[\d\]\.parentId: parent cause "A-GONE" is not in the bundle/,
    ],
  ];
  for (const [name, corrupt, message] of cases) {
    it(name, async () => {
      const db = freshDb(`bad-${name}`);
      await insertSnapshot(richSnapshot('B'));
      const good = serializeBundle(richSnapshot(), { exportedAt: OPTS.now, appVersion: '0.1.0' });
      const before = await dumpAll(db);
      const result = await openBundleText(corrupt(good), 'bad.rootline.json');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
      expect(await dumpAll(db)).toEqual(before);
    });
  }

  it('an id clash discovered while writing rolls back every row', async () => {
    const db = freshDb('rollback');
    await insertSnapshot(richSnapshot('B'));
    const before = await dumpAll(db);
    const text = serializeBundle(richSnapshot(), { exportedAt: OPTS.now, appVersion: '0.1.0' });
    // A makeId that collides with an existing row forces bulkAdd to fail half-way.
    await insertSnapshot(richSnapshot());
    const mid = await dumpAll(db);
    const result = await openBundleText(text, 'a.rootline.json', { makeId: () => 'B-E1' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatch(/a\.rootline\.json could not be opened; nothing was changed/);
    expect(await dumpAll(db)).toEqual(mid);
    expect(before).not.toEqual(mid);
  });
});
