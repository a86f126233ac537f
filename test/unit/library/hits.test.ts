import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docId, packPlaces, type SearchDoc } from '../../../shared/library/search';
import { placesHolding } from '../../../shared/library/search/hits';

const RUNS = Number(process.env.FC_RUNS ?? 200);
const WORDS = ['data', 'database', 'Database', 'DATA', 'node', 'node17', '17', 'café', 'Café', 'x'];
const GLUE = [' ', ', ', '-', '\n', '.', ' (', 'é'];

const place = (i: number, text: string, kind: SearchDoc['kind'] = 'event'): SearchDoc => ({
  id: docId('A', kind, `t${i}`, 'title'),
  incidentId: 'A',
  kind,
  targetId: `t${i}`,
  field: 'event',
  text,
});

/** The distinct terms a place names as whole words, the slow way: split it into words. */
const named = (text: string, terms: readonly string[]) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => terms.includes(w)),
  );

describe('places holding the matched terms', () => {
  it('counts every place naming a term as a whole word and ranks by how many it names, then by order', () => {
    const textArb = fc
      .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...GLUE)), { maxLength: 8 })
      .map((parts) => parts.map(([w, g]) => w + g).join(''));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(textArb, fc.boolean()), { maxLength: 30 }),
        fc.subarray(['data', 'database', 'node', '17', 'café']),
        fc.integer({ min: 1, max: 4 }),
        (texts, terms, limit) => {
          const docs = texts.map(([t, isEvent], i) => place(i, t, isEvent ? 'event' : 'cause'));
          const take = (d: SearchDoc) => d.kind === 'event';
          const want = docs
            .map((d, i) => ({ d, i, n: named(d.text, terms).size }))
            .filter(({ d, n }) => take(d) && n > 0);
          const got = placesHolding(packPlaces(docs), terms, (i) => take(docs[i]!), limit);
          expect(got.count).toBe(want.length);
          expect(got.best).toEqual(
            want
              .sort((a, b) => b.n - a.n || a.i - b.i)
              .slice(0, limit)
              .map(({ i }) => i),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('does not take a word that only starts with a term, nor one joined across two places', () => {
    const docs = [place(0, 'databases are fine'), place(1, 'the data'), place(2, 'base layer')];
    const packed = packPlaces(docs);
    expect(placesHolding(packed, ['data'], () => true, 3)).toEqual({ count: 1, best: [1] });
    expect(placesHolding(packed, ['database'], () => true, 3)).toEqual({ count: 0, best: [] });
  });
});
