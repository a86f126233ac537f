import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  EMPTY_QUERY,
  INDEXED_TABLES,
  type ChangedPlaces,
  type IncidentText,
  type IndexedTable,
  type IndexSnapshot,
  type KeyedRow,
  type LibraryResult,
  type PackedPlaces,
  type RowTable,
} from '../../../shared/library/search';
import type { SearchReply } from '../../../renderer/features/library/search/worker/protocol';
import {
  FIRST_SCREEN_HITS,
  SearchService,
  type SearchSource,
} from '../../../renderer/features/library/search/worker/service';
import { smallIncident } from './searchFixtures';

/** Incidents in memory, counting what the service reads. */
class MemorySource implements SearchSource {
  readonly incidents = new Map<string, IncidentText>();
  stored: IndexSnapshot | null = null;
  /** Stored places by incident (a structured copy, as IndexedDB keeps them). */
  places = new Map<string, PackedPlaces>();
  placeReads: string[] = [];
  reads: string[] = [];

  incidentIds() {
    return Promise.resolve([...this.incidents.keys()]);
  }
  read(id: string, tables: readonly IndexedTable[]) {
    this.reads.push(`${id}:${tables.join(',')}`);
    const t = this.incidents.get(id);
    return Promise.resolve(t === undefined ? null : { ...t });
  }
  readRows(id: string, table: RowTable, keys: readonly string[]) {
    this.reads.push(`${id}:${table}[${keys.join(',')}]`);
    const t = this.incidents.get(id);
    if (t === undefined) return Promise.resolve(null);
    return Promise.resolve([...(t[table] as readonly KeyedRow[])].filter((r) => keys.includes(r.id)));
  }
  load() {
    return Promise.resolve(this.stored);
  }
  readPlaces(ids: readonly string[]) {
    this.placeReads.push(...ids);
    return Promise.resolve(
      new Map(ids.flatMap((id) => (this.places.has(id) ? [[id, this.places.get(id)!] as const] : []))),
    );
  }
  save(snap: IndexSnapshot, changed: ChangedPlaces, fresh: boolean) {
    this.stored = structuredClone(snap);
    if (fresh) this.places.clear();
    for (const id of changed.removed) this.places.delete(id);
    for (const [id, places] of changed.places) this.places.set(id, structuredClone(places));
    return Promise.resolve();
  }
}

async function run(source: MemorySource, changes: Record<string, number> = {}) {
  const replies: SearchReply[] = [];
  const service = new SearchService(source, (r) => replies.push(r), 60_000);
  await service.handle({ type: 'start', dbName: 'x', changes });
  let seq = 0;
  const search = async (text: string): Promise<LibraryResult> => {
    const s = ++seq;
    await service.handle({ type: 'query', seq: s, query: { ...EMPTY_QUERY, text }, limit: 10 });
    const r = replies.find((m) => m.type === 'result' && m.seq === s && m.final);
    if (r?.type !== 'result') throw new Error('no result');
    return r.result;
  };
  return { service, replies, search };
}

describe('the search service', () => {
  it('builds a missing index once, then starts from the stored one, reading only what changed since', async () => {
    const source = new MemorySource();
    source.incidents.set('A', smallIncident('A', {}, { event: 'deploy of build 4411' }));
    source.incidents.set('B', smallIncident('B'));
    const first = await run(source);
    expect(source.reads.sort()).toEqual([`A:${INDEXED_TABLES.join(',')}`, `B:${INDEXED_TABLES.join(',')}`]);
    await first.service.save();
    expect(first.replies.at(-1)?.type).toBe('saved');

    // Restart: B changed while the app was closed (the change log says so), A did not; C is new; nothing else is read.
    source.reads = [];
    const b = source.incidents.get('B')!;
    source.incidents.set('B', { ...b, incident: { ...b.incident, title: 'Kafka lag' } });
    source.incidents.set('C', smallIncident('C'));
    source.incidents.delete('A');
    const second = await run(source, { B: Date.now() + 1_000 });
    expect(source.reads.map((r) => r.split(':')[0]).sort()).toEqual(['B', 'C']);
    expect((await second.search('kafka')).incidentIds).toEqual(['B']);
    expect((await second.search('4411')).incidentIds).toEqual([]);
  });

  it('applies a change of single rows by reading just those rows', async () => {
    const source = new MemorySource();
    const a = smallIncident('A', {}, { event: 'deploy of build 4411' });
    source.incidents.set('A', a);
    const { service, search, replies } = await run(source);
    source.reads = [];
    const renamed = { ...a.events[0]!, title: 'rollback of build 4412' };
    const extra = { ...a.events[0]!, id: 'A-e2', title: 'pager fired' };
    source.incidents.set('A', { ...a, events: [renamed, extra] });
    await service.handle({ type: 'changed', incidentId: 'A', table: 'events', keys: ['A-e1', 'A-e2'] });
    expect(source.reads).toEqual(['A:events[A-e1,A-e2]']);
    expect(replies.some((r) => r.type === 'updated' && r.incidentId === 'A')).toBe(true);
    expect((await search('4412')).incidentIds).toEqual(['A']);
    expect((await search('4411')).incidentIds).toEqual([]);
    expect((await search('pager')).hits[0]?.hits[0]).toMatchObject({ kind: 'event', targetId: 'A-e2' });
    // The row is deleted: its key is written, the row is gone.
    source.incidents.set('A', { ...a, events: [renamed] });
    await service.handle({ type: 'changed', incidentId: 'A', table: 'events', keys: ['A-e2'] });
    expect((await search('pager')).incidentIds).toEqual([]);
    expect((await search('canary')).incidentIds).toEqual(['A']);
  });

  it('takes rows the page sent as written without reading them; reads only those it was not sent', async () => {
    const source = new MemorySource();
    const a = smallIncident('A', {}, { event: 'deploy of build 4411' });
    source.incidents.set('A', a);
    const { service, search } = await run(source);
    source.reads = [];
    const renamed = { ...a.events[0]!, title: 'rollback of build 4412' };
    const extra = { ...a.events[0]!, id: 'A-e2', title: 'pager fired' };
    source.incidents.set('A', { ...a, events: [renamed, extra] });
    await service.handle({
      type: 'changed',
      incidentId: 'A',
      table: 'events',
      keys: ['A-e1', 'A-e2'],
      rows: [renamed, extra],
    });
    expect(source.reads).toEqual([]);
    expect((await search('4412')).incidentIds).toEqual(['A']);
    expect((await search('4411')).incidentIds).toEqual([]);
    // A row sent under another incident, or another key, is not trusted: it is read.
    const stray = { ...extra, title: 'pager silenced' };
    source.incidents.set('A', { ...a, events: [renamed, stray] });
    await service.handle({
      type: 'changed',
      incidentId: 'A',
      table: 'events',
      keys: ['A-e1', 'A-e2'],
      rows: [renamed, { ...stray, incidentId: 'B' }],
    });
    expect(source.reads).toEqual(['A:events[A-e2]']);
    expect((await search('silenced')).hits[0]?.hits[0]).toMatchObject({ kind: 'event', targetId: 'A-e2' });

    // The incident's own row: its words and its facets change; those of its causes stay.
    source.reads = [];
    const retitled = { ...a.incident, title: 'Kafka lag in eu-west', severity: 'SEV1' as const };
    await service.handle({
      type: 'changed',
      incidentId: 'A',
      table: 'incidents',
      keys: ['A'],
      rows: [retitled],
    });
    expect(source.reads).toEqual([]);
    const found = await search('kafka');
    expect(found.incidentIds).toEqual(['A']);
    expect(found.counts.severity).toMatchObject({ SEV1: 1 });
    const categories = a.causes.flatMap((c) => (c.category === null ? [] : [c.category]));
    expect(Object.keys(found.counts.category).sort()).toEqual([...new Set(categories)].sort());
    expect((await search('rollback')).incidentIds).toEqual(['A']);
  });

  it('a change of a whole table or an unknown one re-reads it; a deleted incident leaves the index', async () => {
    const source = new MemorySource();
    source.incidents.set('A', smallIncident('A'));
    const { service, search } = await run(source);
    source.reads = [];
    await service.handle({ type: 'changed', incidentId: 'A', table: 'causes' });
    expect(source.reads).toEqual(['A:causes']);
    source.incidents.delete('A');
    await service.handle({ type: 'changed', incidentId: 'A', table: null });
    expect((await search('canary')).incidentIds).toEqual([]);
    expect((await search('')).indexed).toBe(0);
  });

  it('starts without reading any places; loads them for the incidents a query shows, or re-indexes one whose row is gone', async () => {
    const source = new MemorySource();
    source.incidents.set('A', smallIncident('A', {}, { event: 'deploy of build 4411' }));
    source.incidents.set('B', smallIncident('B', {}, { event: 'rollback of build 4411' }));
    source.incidents.set('C', smallIncident('C', {}, { event: 'pager fired' }));
    const first = await run(source);
    await first.service.save();
    expect([...source.places.keys()].sort()).toEqual(['A', 'B', 'C']);

    source.reads = [];
    source.places.delete('B');
    const second = await run(source);
    expect(source.placeReads).toEqual([]);
    const found = await second.search('4411');
    expect(found.incidentIds.sort()).toEqual(['A', 'B']);
    // A's places came from storage; B's row was gone, so B was read from its rows again.
    expect(source.placeReads.sort()).toEqual(['A', 'B']);
    expect(source.reads).toEqual([`B:${INDEXED_TABLES.join(',')}`]);
    expect(found.hits.map((h) => h.hits[0]?.kind)).toEqual(['event', 'event']);
    // Once loaded they stay: the same query reads nothing more.
    source.placeReads = [];
    await second.search('4411');
    expect(source.placeReads).toEqual([]);
    // A change to part of an incident read back from storage loads its places first.
    const c = source.incidents.get('C')!;
    source.incidents.set('C', { ...c, causes: [] });
    await second.service.handle({ type: 'changed', incidentId: 'C', table: 'causes' });
    expect(source.placeReads).toEqual(['C']);
    expect((await second.search('pager')).incidentIds).toEqual(['C']);
    // The next save stores B's places again (re-indexed) and C's (changed).
    source.places.clear();
    await second.service.save();
    expect([...source.places.keys()].sort()).toEqual(['B', 'C']);
  });

  it("answers with the first screen's hits at once, then the rest once their places are read; a newer query cuts that short", async () => {
    const source = new MemorySource();
    const ids = Array.from({ length: FIRST_SCREEN_HITS + 3 }, (_, i) => `I${String(i).padStart(2, '0')}`);
    for (const id of ids) source.incidents.set(id, smallIncident(id, {}, { event: 'disk full on db-7' }));
    const first = await run(source);
    await first.service.save();

    const second = await run(source);
    const ask = async (seq: number) => {
      await second.service.handle({ type: 'query', seq, query: { ...EMPTY_QUERY, text: 'disk' }, limit: 20 });
      return second.replies.flatMap((m) => (m.type === 'result' && m.seq === seq ? [m] : []));
    };
    const answers = await ask(1);
    expect(answers.map((m) => m.final)).toEqual([false, true]);
    const [early, all] = [answers[0]!.result, answers[1]!.result];
    // The first answer: every incident, hits for the first screen, the others named as pending.
    expect(all.incidentIds).toHaveLength(ids.length);
    expect(early.incidentIds).toEqual(all.incidentIds);
    expect(early.hits.map((h) => h.incidentId)).toEqual(all.incidentIds.slice(0, FIRST_SCREEN_HITS));
    expect(early.pendingHits).toEqual(all.incidentIds.slice(FIRST_SCREEN_HITS));
    // The complete one: hits for every incident shown, none pending.
    expect(all.hits.map((h) => h.incidentId)).toEqual(all.incidentIds);
    expect(all.pendingHits).toEqual([]);
    // Once loaded, the first screen still comes first (the page draws it alone), with no read.
    source.placeReads = [];
    const again = await ask(2);
    expect(again.map((m) => m.final)).toEqual([false, true]);
    expect(again[0]!.result.pendingHits).toEqual(all.incidentIds.slice(FIRST_SCREEN_HITS));
    expect(again[1]!.result).toEqual(all);
    expect(source.placeReads).toEqual([]);
    // A query with no more results than the first screen holds is answered once, complete.
    await second.service.handle({
      type: 'query',
      seq: 3,
      query: { ...EMPTY_QUERY, text: 'disk' },
      limit: FIRST_SCREEN_HITS,
    });
    expect(
      second.replies
        .filter((m) => m.type === 'result' && m.seq === 3)
        .map((m) => m.type === 'result' && m.final),
    ).toEqual([true]);

    // A query overtaken by a newer one before its other places were read: its answer is final
    // with hits pending, and those places are left for whoever shows them.
    const third = await run(source);
    source.placeReads = [];
    const slow = third.service.handle({
      type: 'query',
      seq: 1,
      query: { ...EMPTY_QUERY, text: 'disk' },
      limit: 20,
    });
    void third.service.handle({ type: 'query', seq: 2, query: { ...EMPTY_QUERY, text: 'zzz' }, limit: 20 });
    await slow;
    const cut = third.replies.filter((m) => m.type === 'result' && m.seq === 1);
    expect(cut.map((m) => m.type === 'result' && m.final)).toEqual([true]);
    expect(cut[0]?.type === 'result' && cut[0].result.pendingHits?.length).toBe(3);
    expect(source.placeReads).toHaveLength(FIRST_SCREEN_HITS);

    // Overtaken once its first answer is out (the next keystroke came while it was drawn): the
    // rest is not read, and the answer that follows is final with those hits still pending.
    source.placeReads = [];
    const fourthReplies: SearchReply[] = [];
    let next: Promise<void> | undefined;
    const fourth = new SearchService(
      source,
      (r) => {
        fourthReplies.push(r);
        if (r.type === 'result' && r.seq === 1 && !r.final)
          next = fourth.handle({ type: 'query', seq: 2, query: { ...EMPTY_QUERY, text: 'zzz' }, limit: 20 });
      },
      60_000,
    );
    await fourth.handle({ type: 'start', dbName: 'x', changes: {} });
    await fourth.handle({ type: 'query', seq: 1, query: { ...EMPTY_QUERY, text: 'disk' }, limit: 20 });
    await next;
    const overtaken = fourthReplies.flatMap((m) => (m.type === 'result' && m.seq === 1 ? [m] : []));
    expect(overtaken.map((m) => m.final)).toEqual([false, true]);
    expect(overtaken[1]!.result.pendingHits).toHaveLength(3);
    expect(source.placeReads).toHaveLength(FIRST_SCREEN_HITS);
  });

  describe('storing the index', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('waits while queries keep coming, then stores once they stop', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
      const source = new MemorySource();
      source.incidents.set('A', smallIncident('A', {}, { event: 'deploy of build 4411' }));
      const replies: SearchReply[] = [];
      const service = new SearchService(source, (r) => replies.push(r), 1_000);
      await service.handle({ type: 'start', dbName: 'x', changes: {} });
      const saved = () => replies.filter((r) => r.type === 'saved').length;
      // Someone types for three seconds, a key every 200 ms: the index is not stored meanwhile.
      for (let i = 0; i < 15; i++) {
        await service.handle({
          type: 'query',
          seq: i,
          query: { ...EMPTY_QUERY, text: 'deploy'.slice(0, 1 + (i % 6)) },
          limit: 10,
        });
        await vi.advanceTimersByTimeAsync(200);
      }
      expect(saved()).toBe(0);
      // Once the typing stops it is stored.
      await vi.advanceTimersByTimeAsync(2_500);
      expect(saved()).toBe(1);
      expect(source.stored).not.toBeNull();
    });
  });
});
