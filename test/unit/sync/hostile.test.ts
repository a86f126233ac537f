import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CauseNode, createIncident } from '../../../shared/domain';
import { checkReviewChange, projectDocs, seedDocs, SYNC_TABLES, type SharedDocs } from '../../../shared/sync';
import { node } from '../causes/helpers';
import { author, expectOneTree, newDocs } from './docs';

const RUNS = Number(process.env.FC_RUNS ?? 200);

/** A write a modified or buggy peer could send: any value at any row, field or top-level name. */
type Forged =
  | { kind: 'field'; root: string; row: string; field: string; value: unknown }
  | { kind: 'row'; root: string; row: string; value: unknown }
  | { kind: 'text'; root: string; row: string; field: string };

const roots = fc.constantFrom(
  'causes',
  'events',
  'comments',
  'signoffs',
  'incident',
  'reviewStates',
  'other',
);
const rows = fc.constantFrom('top', 'a', 'b', 'x', '__proto__', 'constructor');
const fields = fc.constantFrom(
  'parentId',
  'title',
  'createdAt',
  'movedAt',
  'deleted',
  'order',
  'author',
  '__proto__',
);
const values = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('top', 'a', 'b', 'ghost', null, true, [1e308, 1], [-1, 'x']),
);
const forged: fc.Arbitrary<Forged> = fc.oneof(
  fc.record({ kind: fc.constant('field' as const), root: roots, row: rows, field: fields, value: values }),
  fc.record({ kind: fc.constant('row' as const), root: roots, row: rows, value: values }),
  fc.record({ kind: fc.constant('text' as const), root: roots, row: rows, field: fields }),
);

function apply(docs: SharedDocs, f: Forged): void {
  for (const doc of [docs.model, docs.review]) {
    const root = doc.getMap<unknown>(f.root);
    if (f.kind === 'row') root.set(f.row, f.value);
    else {
      let row = root.get(f.row);
      if (!(row instanceof Y.Map)) root.set(f.row, (row = new Y.Map<unknown>()));
      (row as Y.Map<unknown>).set(f.field, f.kind === 'text' ? new Y.Text('t') : f.value);
    }
  }
}

describe('documents written by a hostile or buggy peer', () => {
  it('project without throwing into rows that pass their schemas and one sound tree, and are refused to a reviewer', () => {
    fc.assert(
      fc.property(fc.array(forged, { maxLength: 12 }), (script) => {
        const docs = newDocs();
        const causes = [node('top', null, 0), node('a', 'top', 1), node('b', 'a', 1)];
        seedDocs(docs, { incident: createIncident({ id: 'inc', now: 1 }), tables: { causes } }, author());
        const before = new Y.Doc();
        Y.applyUpdate(before, Y.encodeStateAsUpdate(docs.review));
        for (const f of script) apply(docs, f);
        const out = projectDocs(docs, 'inc');
        for (const [table, list] of Object.entries(out.rows)) {
          const schema = SYNC_TABLES[table as keyof typeof SYNC_TABLES].schema;
          for (const row of list) expect(schema.safeParse(row).success).toBe(true);
        }
        const shown = out.rows.causes;
        for (const c of shown) expect(CauseNode.safeParse(c).success).toBe(true);
        expectOneTree(shown);
        // Every forged write reaches the review document too; none is a reviewer's to make.
        expect(checkReviewChange(before, docs.review, 'Rita').ok).toBe(script.length === 0);
      }),
      { numRuns: RUNS },
    );
  });
});
