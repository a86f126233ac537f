import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addChild, createRootCause, deleteSubtree } from '../../../shared/causes';
import { createIncident, eventDefaults, type Incident, type TimelineEvent } from '../../../shared/domain';
import {
  addTouched,
  applyRowChanges,
  noneTouched,
  projectDocs,
  projectTouched,
  seedDocs,
  tableMap,
  type RowChange,
  type SharedDocs,
  type TouchedRows,
} from '../../../shared/sync';
import { author, newDocs, pull } from './docs';
import { comment } from './review';

const RUNS = Number(process.env.FC_RUNS ?? 100);

function event(id: string, title = id): TimelineEvent {
  return {
    ...eventDefaults(),
    id,
    incidentId: 'inc',
    at: 1,
    kind: 'note',
    title,
    createdAt: 1,
    updatedAt: 1,
  };
}

/** A replica that records what each transaction touched. */
function watched(docs: SharedDocs): { touched: () => TouchedRows } {
  let touched = noneTouched();
  for (const doc of [docs.model, docs.review])
    doc.on('afterTransaction', (tr: Y.Transaction) => addTouched(docs, tr, touched));
  return {
    touched: () => {
      const out = touched;
      touched = noneTouched();
      return out;
    },
  };
}

function start(): { a: SharedDocs; b: SharedDocs; incident: Incident } {
  const a = newDocs(1);
  const incident = createIncident({ id: 'inc', now: 1 });
  const top = createRootCause('inc', 'Loss', 'top', 1);
  seedDocs(a, { incident, tables: { causes: [top], events: [event('e1'), event('e2')] } }, author());
  const b = newDocs(2);
  pull(b, a);
  return { a, b, incident };
}

describe('projectTouched', () => {
  it('projects only the rows a remote change touched', () => {
    const { a, b } = start();
    const w = watched(b);
    applyRowChanges(a, [{ table: 'events', type: 'put', row: event('e2', 'renamed') }], author());
    pull(b, a);
    const patch = projectTouched(b, 'inc', w.touched());
    expect(patch).toEqual({
      put: { events: [event('e2', 'renamed')] },
      delete: { events: [] },
      problems: [],
    });
  });

  it('names deleted rows and deleted causes, and projects every cause when a review state changes', () => {
    const { a, b } = start();
    const w = watched(b);
    const causes = projectDocs(a, 'inc').rows.causes;
    const edit = addChild(causes, 'top', { id: 'c1', now: 2, title: 'c1' })!;
    applyRowChanges(
      a,
      edit.put.map((row): RowChange => ({ table: 'causes', type: 'put', row })),
      author(),
    );
    pull(b, a);
    w.touched();
    applyRowChanges(
      a,
      [
        { table: 'events', type: 'delete', id: 'e1' },
        { table: 'causes', type: 'delete', id: 'c1' },
      ],
      author(),
    );
    pull(b, a);
    const patch = projectTouched(b, 'inc', w.touched());
    expect(patch.delete).toEqual({ events: ['e1'], causes: ['c1'] });
    expect(patch.put.causes!.map((c) => c.id)).toEqual(['top']);
    applyRowChanges(
      a,
      [{ table: 'causes', type: 'put', row: { ...causes[0]!, reviewState: 'agreed' } }],
      author(),
    );
    pull(b, a);
    const states = projectTouched(b, 'inc', w.touched());
    expect(states.put.causes!.map((c) => [c.id, c.reviewState])).toEqual([['top', 'agreed']]);
  });

  it('leaves a malformed row alone (not deleted) and names it', () => {
    const { a, b } = start();
    const w = watched(b);
    (tableMap(a, 'events').get('e1') as Y.Map<unknown>).set('at', 'yesterday');
    pull(b, a);
    const patch = projectTouched(b, 'inc', w.touched());
    expect(patch.put.events).toEqual([]);
    expect(patch.delete.events).toEqual([]);
    expect(patch.problems).toEqual(['events row e1: at: expected number, received string']);
  });

  it('applied patch by patch, keeps the same rows as a full projection', () => {
    type Op =
      | { kind: 'event'; n: number; del: boolean }
      | { kind: 'cause'; n: number; del: boolean }
      | { kind: 'comment'; n: number; del: boolean }
      | { kind: 'title'; n: number }
      | { kind: 'pull' };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({
        kind: fc.constantFrom('event' as const, 'cause' as const, 'comment' as const),
        n: fc.nat({ max: 5 }),
        del: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('title' as const), n: fc.nat({ max: 5 }) }),
      fc.constant({ kind: 'pull' as const }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const { a, b, incident } = start();
        const w = watched(b);
        const full = projectDocs(b, 'inc');
        const local = new Map<string, Map<string, unknown>>(
          Object.entries(full.rows).map(([t, rows]) => [t, new Map(rows.map((r) => [r.id, r]))]),
        );
        let shownIncident: Incident | null = full.incident;
        const sync = () => {
          pull(b, a);
          const patch = projectTouched(b, 'inc', w.touched());
          if (patch.incident !== undefined) shownIncident = patch.incident;
          for (const [t, rows] of Object.entries(patch.put)) for (const r of rows) local.get(t)!.set(r.id, r);
          for (const [t, ids] of Object.entries(patch.delete)) for (const id of ids) local.get(t)!.delete(id);
        };
        for (const [i, o] of ops.entries()) {
          const now = 10 + i;
          const causes = projectDocs(a, 'inc').rows.causes;
          let changes: RowChange[] = [];
          if (o.kind === 'pull') sync();
          else if (o.kind === 'title')
            changes = [{ table: 'incidents', type: 'put', row: { ...incident, title: `t${o.n}` } }];
          else if (o.kind === 'event')
            changes = [
              o.del
                ? { table: 'events', type: 'delete', id: `e${o.n}` }
                : { table: 'events', type: 'put', row: event(`e${o.n}`, `t${now}`) },
            ];
          else if (o.kind === 'comment')
            changes = [
              o.del
                ? { table: 'comments', type: 'delete', id: `m${o.n}` }
                : {
                    table: 'comments',
                    type: 'put',
                    row: comment(`m${o.n}`, { body: `b${now}`, incidentId: 'inc' }),
                  },
            ];
          else {
            const target = causes[o.n % causes.length]!.id;
            const edit = o.del
              ? deleteSubtree(causes, target)
              : addChild(causes, target, { id: `c${now}`, now, title: 'c' });
            changes = [
              ...(edit?.put ?? []).map((row): RowChange => ({ table: 'causes', type: 'put', row })),
              ...(edit?.remove ?? []).map((id): RowChange => ({ table: 'causes', type: 'delete', id })),
            ];
          }
          applyRowChanges(a, changes, author(now));
        }
        sync();
        const expected = projectDocs(b, 'inc');
        expect(shownIncident).toEqual(expected.incident);
        for (const [t, rows] of Object.entries(expected.rows)) {
          expect(
            [...local.get(t)!.values()].sort((x, y) =>
              (x as { id: string }).id < (y as { id: string }).id ? -1 : 1,
            ),
          ).toEqual(rows);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
