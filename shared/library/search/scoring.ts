import type MiniSearch from 'minisearch';

/*
 * Scores one search word over a MiniSearch index the way `MiniSearch#search` does (the same
 * term expansion, weights and BM25+), summed per group of documents (an incident's tables), into
 * typed arrays. `search` builds a result object per matching document, with an object and an
 * array per matching term: for a short prefix over a thousand incidents that was most of a
 * keystroke's time and garbage. The index's structures are read, never changed; a unit test
 * holds the scores equal to `search`'s, so an upgrade of the pinned MiniSearch that changes
 * them fails there.
 */

/** A term's postings: field id → document short id → term frequency. */
type Postings = Map<number, Map<number, number>>;

/** The parts of a MiniSearch instance the scorer reads (private in its types, stable in 7.x). */
interface Internals {
  _index: {
    get(term: string): Postings | undefined;
    atPrefix(prefix: string): Iterable<[string, Postings]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [Postings, number]>;
  };
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _fieldIds: Record<string, number>;
}

/** MiniSearch's default search weights and BM25+ parameters (our options keep them). */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** How a word is expanded: as a prefix from this length, with typos from that one. */
export interface WordRules {
  prefixFrom: number;
  fuzzyFrom: number;
  /** Allowed typos as a share of the word's length (rounded), at most `maxFuzzy`. */
  fuzzy: number;
  maxFuzzy: number;
}

/** An index term a word matches, with its weight and postings. */
interface Expansion {
  term: string;
  weight: number;
  postings: Map<number, number>;
}

/** What one search word matches, per group (by slot, see {@link WordScorer.idOf}). */
export interface WordScores {
  /** Slots of the groups with a match, each once. */
  slots: number[];
  /** Summed score by slot (0 where nothing matched). */
  score: Float64Array;
  /** Bits of the matching documents by slot (0 where nothing matched). */
  bits: Uint32Array;
  expansions: Expansion[];
  /** Index terms matched, per slot, worked out when first asked. */
  terms: Map<number, string[]>;
}

/** Where a document belongs: its group and its bit (e.g. incident and table). */
export interface DocPlace {
  group: string;
  bit: number;
}

/** Scores words over one MiniSearch instance with a single indexed field. */
export class WordScorer {
  private readonly ms: Internals;
  private readonly fieldId: number;
  private readonly slots = new Map<string, number>();
  private readonly ids: string[] = [];
  /** Per document short id: its group's slot + 1 (0: not looked up yet), and its bit. */
  private slotOfDoc = new Int32Array(1024);
  private bitOfDoc = new Uint32Array(1024);
  /** Per slot, the short ids of its documents met so far (some may since have gone). */
  private readonly docsOfSlot: number[][] = [];

  constructor(
    index: MiniSearch<{ id: string; text: string }>,
    field: string,
    private readonly place: (docId: string) => DocPlace,
  ) {
    this.ms = index as unknown as Internals;
    const id = this.ms._fieldIds[field];
    if (id === undefined || typeof this.ms._index?.atPrefix !== 'function')
      throw new Error(`The search index has no field "${field}" or is not a MiniSearch 7 index.`);
    this.fieldId = id;
  }

  /** The group of a slot. */
  idOf(slot: number): string {
    return this.ids[slot]!;
  }

  /** The slot of a group, or undefined when no document of it was scored yet. */
  slotOf(group: string): number | undefined {
    return this.slots.get(group);
  }

  /** Every group of the index term `word` leads to, scored as `MiniSearch#search(word)` scores. */
  score(word: string, rules: WordRules): WordScores {
    const expansions = this.expand(word, rules);
    // Slots first: a document met for the first time may add a group.
    for (const e of expansions) for (const docId of e.postings.keys()) this.slotFor(docId);
    const n = this.ids.length;
    const score = new Float64Array(n);
    const bits = new Uint32Array(n);
    const slots: number[] = [];
    const docs = this.ms._documentIds;
    const lengths = this.ms._fieldLength;
    const total = this.ms._documentCount;
    const avg = this.ms._avgFieldLength[this.fieldId]!;
    const { slotOfDoc, bitOfDoc, fieldId } = this;
    for (const { weight, postings } of expansions) {
      let matching = postings.size;
      // forEach, not for…of: no [key, value] array per posting.
      postings.forEach((freq, docId) => {
        // A document replaced or removed stays in the postings until vacuumed: skip it.
        if (!docs.has(docId)) {
          matching -= 1;
          return;
        }
        const length = lengths.get(docId)![fieldId]!;
        const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
        const raw =
          idf * (BM25.d + (freq * (BM25.k + 1)) / (freq + BM25.k * (1 - BM25.b + (BM25.b * length) / avg)));
        const slot = slotOfDoc[docId]! - 1;
        const had = bits[slot]!;
        if (had === 0) slots.push(slot);
        score[slot] = score[slot]! + weight * raw;
        bits[slot] = had | bitOfDoc[docId]!;
      });
    }
    return { slots, score, bits, expansions, terms: new Map() };
  }

  /** The index terms of `scores` found in the group of `slot` (those its documents hold). */
  termsOf(scores: WordScores, slot: number): string[] {
    let terms = scores.terms.get(slot);
    if (terms === undefined) {
      const docs = (this.docsOfSlot[slot] ?? []).filter((d) => this.ms._documentIds.has(d));
      terms = scores.expansions.filter((e) => docs.some((d) => e.postings.has(d))).map((e) => e.term);
      scores.terms.set(slot, terms);
    }
    return terms;
  }

  /** The index terms a word leads to, in the order and with the weights MiniSearch gives them. */
  private expand(word: string, rules: WordRules): Expansion[] {
    const index = this.ms._index;
    const out: Expansion[] = [];
    const add = (term: string, weight: number, data: Postings | undefined) => {
      const postings = data?.get(this.fieldId);
      if (postings !== undefined) out.push({ term, weight, postings });
    };
    add(word, 1, index.get(word));
    const maxDistance =
      word.length >= rules.fuzzyFrom ? Math.min(rules.maxFuzzy, Math.round(word.length * rules.fuzzy)) : 0;
    const fuzzy = maxDistance > 0 ? index.fuzzyGet(word, maxDistance) : null;
    if (word.length >= rules.prefixFrom) {
      for (const [term, data] of index.atPrefix(word)) {
        const distance = term.length - word.length;
        if (distance === 0) continue;
        // A term both a prefix and a typo away counts as a prefix match.
        fuzzy?.delete(term);
        add(term, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance), data);
      }
    }
    if (fuzzy !== null) {
      for (const [term, [data, distance]] of fuzzy) {
        if (distance === 0) continue;
        add(term, (FUZZY_WEIGHT * term.length) / (term.length + distance), data);
      }
    }
    return out;
  }

  private slotFor(docId: number): void {
    if (docId >= this.slotOfDoc.length) {
      const size = Math.max(docId + 1, this.slotOfDoc.length * 2);
      const slots = new Int32Array(size);
      slots.set(this.slotOfDoc);
      const bits = new Uint32Array(size);
      bits.set(this.bitOfDoc);
      this.slotOfDoc = slots;
      this.bitOfDoc = bits;
    }
    if (this.slotOfDoc[docId] !== 0) return;
    const id = this.ms._documentIds.get(docId);
    if (id === undefined) return;
    const { group, bit } = this.place(id);
    let slot = this.slots.get(group);
    if (slot === undefined) {
      slot = this.ids.length;
      this.slots.set(group, slot);
      this.ids.push(group);
      this.docsOfSlot.push([]);
    }
    this.docsOfSlot[slot]!.push(docId);
    this.slotOfDoc[docId] = slot + 1;
    this.bitOfDoc[docId] = bit;
  }
}
