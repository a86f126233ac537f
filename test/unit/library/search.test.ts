import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER,
  EMPTY_QUERY,
  incidentDocs,
  isSearching,
  LibraryIndex,
  libraryQueryString,
  parseLibraryQuery,
  SEARCH_INDEX_VERSION,
  searchWords,
  sectionBlocks,
  snippet,
  type LibraryQuery,
} from '../../../shared/library/search';
import { smallIncident } from './searchFixtures';

const q = (text: string, filter: Partial<LibraryQuery['filter']> = {}): LibraryQuery => ({
  text,
  filter: { ...EMPTY_FILTER, ...filter },
});

function indexOf(...texts: ReturnType<typeof smallIncident>[]): LibraryIndex {
  const idx = LibraryIndex.empty();
  for (const t of texts) idx.update(t, [], 1);
  return idx;
}

describe('what is indexed', () => {
  it('makes one document per place, each with its exact target', () => {
    const docs = incidentDocs(smallIncident('A', { summary: 'Payments were down', services: ['api'] }));
    const places = docs.map((d) => `${d.kind}:${d.targetId}:${d.field}`);
    expect(places).toEqual([
      'incident:A:title',
      'incident:A:overview',
      'incident:A:labels',
      'event:A-e1:event',
      'event:A-e1:event detail',
      'cause:A-c1:cause',
      'action:A-a1:action',
      'section:A-s1:document',
      'section:A-s1:document',
      'comment:A-m1:comment',
    ]);
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
  });

  it('splits a section into its top-level blocks and ignores text that is not a state', () => {
    const s = smallIncident('A').sections[0]!;
    expect(sectionBlocks(s.lexicalState)).toEqual(['First paragraph.', 'The queue backed up.']);
    expect(sectionBlocks('not json')).toEqual([]);
    expect(sectionBlocks(null)).toEqual([]);
  });
});

describe('search', () => {
  const idx = indexOf(
    smallIncident('A', { title: 'Payments outage' }, { event: 'deploy of build 4411' }),
    smallIncident(
      'B',
      { title: 'DNS resolution failures' },
      { section: 'Resolver cache poisoned by a deploy' },
    ),
    smallIncident('C', { title: 'Storage latency' }),
  );

  it('finds words by prefix and with a typo, grouped per incident', () => {
    expect(idx.query(q('deplo')).incidentIds.sort()).toEqual(['A', 'B']);
    expect(idx.query(q('resolutoin')).incidentIds).toEqual(['B']);
  });

  it('points each hit at its place, with the matched word marked', () => {
    const r = idx.query(q('4411'));
    expect(r.hits).toHaveLength(1);
    const hit = r.hits[0]!.hits[0]!;
    expect(hit).toMatchObject({ kind: 'event', targetId: 'A-e1', field: 'event' });
    expect(hit.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['4411']);
    const doc = idx.query(q('poisoned')).hits[0]!.hits[0]!;
    expect(doc).toMatchObject({ kind: 'section', targetId: 'B-s1', field: 'document' });
  });

  it('needs every word somewhere in the incident, not in one place', () => {
    expect(idx.query(q('payments 4411')).incidentIds).toEqual(['A']);
    expect(idx.query(q('payments poisoned')).incidentIds).toEqual([]);
  });

  it('does not match a last word still being typed that is too short to be a prefix', () => {
    expect(searchWords('Database c')).toEqual(['database']);
    expect(searchWords('d')).toEqual([]);
    expect(searchWords('db')).toEqual(['db']);
    // Something typed after it: the word is complete and matched whole.
    expect(searchWords('plan b ')).toEqual(['plan', 'b']);
    expect(searchWords('plan b,')).toEqual(['plan', 'b']);
    // "deploy b": the incidents of "deploy" while the next letter comes, not none.
    expect(idx.query(q('deploy b')).incidentIds.sort()).toEqual(['A', 'B']);
    expect(idx.query(q('deploy b ')).incidentIds).toEqual([]);
    // A lone letter narrows nothing yet; a filter does.
    expect(isSearching(q('d'))).toBe(false);
    expect(isSearching(q('d', { severity: ['SEV1'] }))).toBe(true);
    expect(isSearching(q('de'))).toBe(true);
    expect(idx.query(q('d')).incidentIds.sort()).toEqual(['A', 'B', 'C']);
  });

  it('without text, lists every incident that passes the filters', () => {
    expect(idx.query(EMPTY_QUERY).incidentIds.sort()).toEqual(['A', 'B', 'C']);
  });
});

describe('facets and filters', () => {
  const idx = indexOf(
    smallIncident('A', { severity: 'SEV1', services: ['api'], tags: ['db'], keyTimes: keyAt('2026-01-10') }),
    smallIncident('B', {
      severity: 'SEV2',
      services: ['api', 'dns'],
      status: 'published',
      keyTimes: keyAt('2026-02-20'),
    }),
    smallIncident('C', { severity: 'SEV2', services: ['storage'], regions: ['eu-west'] }),
  );

  it('filters by each facet; values of one facet are alternatives, facets combine', () => {
    const ids = (f: Partial<LibraryQuery['filter']>) => idx.query(q('', f)).incidentIds.sort();
    expect(ids({ severity: ['SEV1', 'SEV2'] })).toEqual(['A', 'B', 'C']);
    expect(ids({ severity: ['SEV2'], service: ['api'] })).toEqual(['B']);
    expect(ids({ status: ['published'] })).toEqual(['B']);
    expect(ids({ region: ['eu-west'] })).toEqual(['C']);
    expect(ids({ tag: ['db'] })).toEqual(['A']);
    expect(ids({ category: ['process'] })).toEqual(['A', 'B', 'C']);
    expect(ids({ category: ['people'] })).toEqual([]);
    expect(ids({ from: '2026-02-01', to: '2026-02-28' })).toEqual(['B']);
    expect(ids({ to: '2026-01-10' })).toEqual(['A']);
  });

  it('counts each facet over the incidents the other filters keep', () => {
    const r = idx.query(q('', { severity: ['SEV1'] }));
    expect(r.counts.severity).toEqual({ SEV1: 1, SEV2: 2 });
    expect(r.counts.service).toEqual({ api: 1 });
  });

  it('has open action items: done items do not count', () => {
    const done = smallIncident('D');
    done.actions = done.actions.map((a) => ({ ...a, status: 'done' as const }));
    const i = indexOf(smallIncident('A'), done);
    expect(i.query(q('', { openActions: true })).incidentIds).toEqual(['A']);
  });
});

describe('incremental update', () => {
  it('replaces only the changed table and drops deleted rows', () => {
    const a = smallIncident('A', {}, { event: 'deploy of build 4411' });
    const idx = indexOf(a);
    expect(idx.query(q('4411')).incidentIds).toEqual(['A']);
    // The event is renamed; only the events table is read again.
    idx.update({ ...a, events: [{ ...a.events[0]!, title: 'rollback of build 4412' }] }, ['events'], 2);
    expect(idx.query(q('4411')).incidentIds).toEqual([]);
    expect(idx.query(q('4412')).incidentIds).toEqual(['A']);
    // Other tables' words stay.
    expect(idx.query(q('canary')).incidentIds).toEqual(['A']);
    idx.update({ ...a, events: [] }, ['events'], 3);
    expect(idx.query(q('4412')).incidentIds).toEqual([]);
    expect(idx.indexedTimes().get('A')).toBe(3);
    idx.remove('A');
    expect(idx.query(q('canary')).incidentIds).toEqual([]);
    expect(idx.size).toBe(0);
  });

  it('recomputes facets on every update', () => {
    const a = smallIncident('A', { severity: 'SEV3' });
    const idx = indexOf(a);
    idx.update({ ...a, incident: { ...a.incident, severity: 'SEV1' } }, ['incidents'], 2);
    expect(idx.query(q('', { severity: ['SEV1'] })).incidentIds).toEqual(['A']);
  });

  it('leaves the hits after the first `hitsFor` results for a second answer, in rank order', () => {
    const idx = indexOf(
      smallIncident('A', {}, { event: 'disk full' }),
      smallIncident('B', { title: 'disk disk' }, { event: 'disk full on disk' }),
      smallIncident('C', {}, { event: 'disk' }),
    );
    const all = idx.query(q('disk'));
    expect(all.incidentIds).toHaveLength(3);
    const first = idx.tryQuery(q('disk'), 25, 1);
    expect(first.incidentIds).toEqual(all.incidentIds);
    expect(first.hits).toEqual(all.hits.slice(0, 1));
    expect(first.pendingHits).toEqual(all.incidentIds.slice(1));
  });

  it('survives a snapshot round trip and refuses another version', () => {
    const idx = indexOf(smallIncident('A', {}, { event: 'deploy of build 4411' }));
    const snap = idx.snapshot();
    expect(snap.incidents.A).not.toHaveProperty('docs');
    const places = idx.takeChangedPlaces();
    const back = LibraryIndex.fromSnapshot(JSON.parse(JSON.stringify(snap)) as typeof snap);
    // Places are stored apart and loaded when a query shows their incident.
    const early = back?.tryQuery(q('4411'));
    expect(early?.incidentIds).toEqual(['A']);
    expect(early?.hits).toEqual([]);
    expect(early?.pendingHits).toEqual(['A']);
    expect(() => back?.query(q('4411'))).toThrow(/Places not loaded for A/);
    back?.setPlaces('A', places.places.get('A')!);
    expect(back?.query(q('4411')).incidentIds).toEqual(['A']);
    expect(back?.query(q('4411')).hits[0]?.hits[0]?.kind).toBe('event');
    expect(back?.indexedTimes().get('A')).toBe(1);
    expect(LibraryIndex.fromSnapshot({ ...snap, version: SEARCH_INDEX_VERSION + 1 })).toBeNull();
    expect(LibraryIndex.fromSnapshot({ ...snap, index: '{broken' })).toBeNull();
  });
});

describe('URL state', () => {
  it('round-trips every filter', () => {
    const query: LibraryQuery = q('disk full', {
      severity: ['SEV1', 'SEV2'],
      status: ['in-review'],
      service: ['api, v2', 'db'],
      region: ['eu'],
      category: ['process'],
      tag: ['k8s'],
      from: '2026-01-01',
      to: '2026-03-31',
      openActions: true,
    });
    expect(parseLibraryQuery(libraryQueryString(query))).toEqual(query);
    expect(libraryQueryString(EMPTY_QUERY)).toBe('');
  });

  it('leaves out values that cannot be', () => {
    const r = parseLibraryQuery('?severity=SEV9&severity=SEV1&status=gone&from=2026-02-30&to=yesterday');
    expect(r.filter).toEqual({ ...EMPTY_FILTER, severity: ['SEV1'] });
  });
});

describe('snippet', () => {
  it('marks word starts only and shortens long text around the first match', () => {
    const text = `${'lorem '.repeat(60)}the disk filled up; redisk is not a match`;
    const parts = snippet(text, ['disk'], 80);
    expect(parts[0]).toEqual({ text: '…', hit: false });
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['disk']);
  });

  it('keeps markup as text (rendering never treats it as HTML)', () => {
    const parts = snippet('<img src=x onerror=alert(1)> disk', ['disk']);
    expect(parts.map((p) => p.text).join('')).toBe('<img src=x onerror=alert(1)> disk');
  });
});

function keyAt(day: string) {
  const t = Date.parse(`${day}T12:00:00Z`);
  return { impactStartAt: t, detectedAt: null, mitigatedAt: null, recoveredAt: null, resolvedAt: null };
}

describe('answers kept between keystrokes', () => {
  const WORDS = ['deploy', 'database', 'dns', 'timeout', 'canary', 'payments', 'resolver', 'cache'];
  const incidents = () =>
    WORDS.map((w, i) =>
      smallIncident(
        `I${i}`,
        { title: `${w} trouble`, severity: i % 2 === 0 ? 'SEV1' : 'SEV2' },
        {
          event: `${WORDS[(i + 1) % WORDS.length]!} ${w}`,
          section: `${WORDS[(i + 3) % WORDS.length]!} notes`,
        },
      ),
    );

  it('gives what an index built afresh gives, keystroke by keystroke, with and without a filter', () => {
    const typed = indexOf(...incidents());
    for (const text of ['database timeout deploy', 'dns cache', 'canray paymnets']) {
      for (const filter of [{}, { severity: ['SEV1' as const] }]) {
        for (let i = 1; i <= text.length; i++) {
          const query = q(text.slice(0, i), filter);
          expect(typed.query(query)).toEqual(indexOf(...incidents()).query(query));
        }
      }
    }
  });

  it('drops them when an incident changes or goes', () => {
    const idx = indexOf(...incidents());
    expect(idx.query(q('deploy')).incidentIds).toContain('I0');
    expect(idx.query(q('', { severity: ['SEV1'] })).counts.severity).toEqual({ SEV1: 4, SEV2: 4 });
    const changed = smallIncident(
      'I0',
      { title: 'quiet day', severity: 'SEV2' },
      { event: 'nothing', section: 'nothing' },
    );
    idx.update(changed, ['incidents', 'events', 'sections'], 2);
    expect(idx.query(q('deploy')).incidentIds).not.toContain('I0');
    expect(idx.query(q('', { severity: ['SEV1'] })).counts.severity).toEqual({ SEV1: 3, SEV2: 5 });
    idx.remove('I7');
    expect(idx.query(q('cache')).incidentIds).not.toContain('I7');
    expect(idx.query(q('')).incidentIds).toHaveLength(7);
  });
});
