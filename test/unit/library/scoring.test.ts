import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../shared/library/search/query';
import { WordScorer, type WordRules } from '../../../shared/library/search/scoring';

const RUNS = Number(process.env.FC_RUNS ?? 200);
const RULES: WordRules = { prefixFrom: 2, fuzzyFrom: 5, fuzzy: 0.2, maxFuzzy: 2 };
const SEP = '\u001f';
// Words sharing prefixes and a typo or two apart, so prefix and fuzzy expansions overlap.
const VOCABULARY = [
  'data',
  'database',
  'databases',
  'datum',
  'date',
  'node',
  'nodes',
  'node17',
  '17',
  '170',
  '1700',
  'connection',
  'connectoin',
  'connect',
  'timeout',
  'timeouts',
  'time',
  'latency',
  'latncy',
  'café',
  'cafe',
];

interface Doc {
  id: string;
  text: string;
}

/** What the engine did before the scorer: `search`, its results summed per group. */
function viaSearch(ms: MiniSearch<Doc>, word: string) {
  const out = new Map<string, { score: number; bits: number; terms: Set<string> }>();
  const found = ms.search(word, {
    prefix: (t) => t.length >= RULES.prefixFrom,
    fuzzy: (t) => (t.length >= RULES.fuzzyFrom ? RULES.fuzzy : false),
    maxFuzzy: RULES.maxFuzzy,
  });
  for (const r of found) {
    const [group, bit] = String(r.id).split(SEP) as [string, string];
    const had = out.get(group) ?? { score: 0, bits: 0, terms: new Set<string>() };
    had.score += r.score;
    had.bits |= Number(bit);
    for (const t of r.terms) had.terms.add(t);
    out.set(group, had);
  }
  return out;
}

const docArb = fc.record({
  group: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
  bit: fc.constantFrom(1, 2, 4),
  words: fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 12 }),
});

describe('scoring a word without MiniSearch result objects', () => {
  it('gives each group the score, documents and terms that search gives, also after replacements', () => {
    fc.assert(
      fc.property(
        fc.array(docArb, { minLength: 1, maxLength: 25 }),
        fc.array(docArb, { maxLength: 8 }),
        fc.constantFrom(...VOCABULARY, 'da', 'no', 'con', 'tim', 'lat', '1', 'x', 'databse'),
        (docs, replaced, word) => {
          const ms = new MiniSearch<Doc>({
            idField: 'id',
            fields: ['text'],
            storeFields: [],
            tokenize,
            autoVacuum: false,
          });
          const text = (d: { words: string[] }) => d.words.join(' ');
          const ids = new Set<string>();
          for (const d of docs) {
            const id = `${d.group}${SEP}${d.bit}`;
            if (ids.has(id)) continue;
            ids.add(id);
            ms.add({ id, text: text(d) });
          }
          // Replaced documents stay in the postings (discarded, not vacuumed): skipped by both.
          for (const d of replaced) {
            const id = `${d.group}${SEP}${d.bit}`;
            if (ms.has(id)) ms.discard(id);
            ms.add({ id, text: text(d) });
          }
          const scorer = new WordScorer(ms, 'text', (id) => {
            const [group, bit] = id.split(SEP) as [string, string];
            return { group, bit: Number(bit) };
          });
          // The scorer first: `search` drops the replaced documents' postings it meets.
          const got = scorer.score(word, RULES);
          const want = viaSearch(ms, word);
          expect(got.slots.map((s) => scorer.idOf(s)).sort()).toEqual([...want.keys()].sort());
          for (const [group, w] of want) {
            const slot = scorer.slotOf(group)!;
            expect(got.score[slot]).toBeCloseTo(w.score, 9);
            expect(got.bits[slot]).toBe(w.bits);
            expect(new Set(scorer.termsOf(got, slot))).toEqual(w.terms);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('refuses an index without the field it is asked to score', () => {
    const ms = new MiniSearch<Doc>({ idField: 'id', fields: ['text'] });
    expect(() => new WordScorer(ms, 'body', () => ({ group: 'A', bit: 1 }))).toThrow(/no field "body"/);
  });
});
