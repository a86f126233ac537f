import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repairTree, type TreeNodeInput } from '../../../shared/sync';

function n(
  id: string,
  parentId: string | null,
  extra: Partial<Omit<TreeNodeInput, 'id' | 'parentId'>> = {},
): TreeNodeInput {
  return { id, parentId, createdAt: 0, movedAt: null, live: true, ...extra };
}

const shown = (nodes: TreeNodeInput[]) => Object.fromEntries(repairTree(nodes).parent);

describe('repairTree', () => {
  it('leaves a sound tree as it is', () => {
    const tree = repairTree([n('top', null), n('a', 'top'), n('b', 'a')]);
    expect(tree.top).toBe('top');
    expect(Object.fromEntries(tree.parent)).toEqual({ top: null, a: 'top', b: 'a' });
    expect(tree.repaired.size).toBe(0);
  });

  it('hangs a child of a deleted cause under the nearest live ancestor of the tombstone chain', () => {
    const nodes = [
      n('top', null),
      n('a', 'top'),
      n('t1', 'a', { live: false }),
      n('t2', 't1', { live: false }),
      n('x', 't2'),
    ];
    const tree = repairTree(nodes);
    expect(tree.parent.get('x')).toBe('a');
    expect(tree.repaired.get('x')).toBe('deleted-parent');
    expect(tree.parent.has('t1')).toBe(false);
  });

  it('hangs a node whose parent nobody has under the top node', () => {
    expect(shown([n('top', null), n('x', 'ghost')])).toEqual({ top: null, x: 'top' });
  });

  it('hangs a child of a tombstone loop or of a parentless tombstone under the top node', () => {
    const nodes = [
      n('top', null),
      n('t1', 't2', { live: false }),
      n('t2', 't1', { live: false }),
      n('x', 't1'),
      n('t3', null, { live: false }),
      n('y', 't3'),
    ];
    expect(shown(nodes)).toEqual({ top: null, x: 'top', y: 'top' });
  });

  it('keeps the earliest-created parentless node on top and hangs the others under it', () => {
    const tree = repairTree([
      n('late', null, { createdAt: 5 }),
      n('early', null, { createdAt: 2 }),
      n('c', 'late'),
    ]);
    expect(tree.top).toBe('early');
    expect(Object.fromEntries(tree.parent)).toEqual({ early: null, late: 'early', c: 'late' });
    expect(tree.repaired.get('late')).toBe('second-top');
  });

  it('breaks a cycle at the node moved last and hangs it under the top node', () => {
    const nodes = [
      n('top', null),
      n('a', 'b', { movedAt: [10, 1] }),
      n('b', 'c', { movedAt: [30, 1] }),
      n('c', 'a', { movedAt: [20, 2] }),
      n('d', 'c'),
    ];
    const tree = repairTree(nodes);
    expect(Object.fromEntries(tree.parent)).toEqual({ top: null, a: 'b', b: 'top', c: 'a', d: 'c' });
    expect(tree.repaired.get('b')).toBe('cycle');
  });

  it('orders equal move times by client id, then by id', () => {
    const clients = repairTree([
      n('top', null),
      n('a', 'b', { movedAt: [10, 2] }),
      n('b', 'a', { movedAt: [10, 1] }),
    ]);
    expect(clients.parent.get('a')).toBe('top');
    const ids = repairTree([
      n('top', null),
      n('a', 'b', { movedAt: [10, 1] }),
      n('b', 'a', { movedAt: [10, 1] }),
    ]);
    expect(ids.parent.get('b')).toBe('top');
  });

  it('finds a top node when none is parentless: the earliest orphan, else the earliest node', () => {
    expect(repairTree([n('x', 'ghost', { createdAt: 3 }), n('y', 'gone', { createdAt: 1 })]).top).toBe('y');
    const loop = repairTree([n('a', 'b', { createdAt: 2 }), n('b', 'a', { createdAt: 1 })]);
    expect(Object.fromEntries(loop.parent)).toEqual({ b: null, a: 'b' });
    expect(loop.repaired.get('b')).toBe('cycle');
  });

  it('gives the same tree whatever order the nodes come in', () => {
    const nodes = [
      n('top', null, { createdAt: 1 }),
      n('top2', null, { createdAt: 2 }),
      n('a', 'b', { movedAt: [5, 1] }),
      n('b', 'a', { movedAt: [6, 1] }),
      n('t', 'a', { live: false }),
      n('c', 't'),
      n('d', 'nowhere'),
    ];
    const expected = shown(nodes);
    expect(shown([...nodes].reverse())).toEqual(expected);
    expect(shown([nodes[3]!, nodes[5]!, nodes[0]!, nodes[6]!, nodes[2]!, nodes[1]!, nodes[4]!])).toEqual(
      expected,
    );
  });

  it('is empty for no live node', () => {
    expect(repairTree([n('t', null, { live: false })])).toEqual({
      top: null,
      parent: new Map(),
      repaired: new Map(),
    });
  });

  it('handles 50,000-deep chains, 50,000 tombstones in a row and a 50,000-node cycle without recursion', () => {
    const deep: TreeNodeInput[] = [n('c0', null)];
    for (let i = 1; i < 50_000; i++)
      deep.push(n(`c${i}`, `c${i - 1}`, { live: i % 2 === 0 || i === 49_999 }));
    const tree = repairTree(deep);
    expect(tree.parent.get('c49999')).toBe('c49998');
    expect(tree.parent.get('c4')).toBe('c2');
    const buried: TreeNodeInput[] = [n('b0', null)];
    for (let i = 1; i < 50_000; i++) buried.push(n(`b${i}`, `b${i - 1}`, { live: i === 49_999 }));
    expect(repairTree(buried).parent.get('b49999')).toBe('b0');
    const ring: TreeNodeInput[] = [n('top', null)];
    for (let i = 0; i < 50_000; i++) ring.push(n(`r${i}`, `r${(i + 1) % 50_000}`, { movedAt: [i, 1] }));
    const broken = repairTree(ring);
    expect(broken.parent.get('r49999')).toBe('top');
    expect([...broken.repaired.values()]).toEqual(['cycle']);
  });
});

const RUNS = Number(process.env.FC_RUNS ?? 200);

/** Random merged cause tables: any parent pointers (cycles, unknown ids, tombstones, several tops). */
const graphs = fc
  .array(
    fc.record({
      parent: fc.option(fc.nat({ max: 14 }), { nil: null }),
      createdAt: fc.nat({ max: 5 }),
      movedAt: fc.option(fc.tuple(fc.nat({ max: 5 }), fc.nat({ max: 3 })), { nil: null }),
      live: fc.boolean(),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((rows) =>
    rows.map((r, i): TreeNodeInput => ({
      id: `n${i}`,
      parentId: r.parent === null ? null : `n${r.parent}`,
      createdAt: r.createdAt,
      movedAt: r.movedAt,
      live: r.live,
    })),
  );

describe('repairTree on any merged table', () => {
  it('shows every live node, once, under one top node, with no cycle, whatever the input order', () => {
    fc.assert(
      fc.property(
        graphs.chain((g) => fc.tuple(fc.constant(g), fc.shuffledSubarray(g, { minLength: g.length }))),
        ([nodes, shuffled]) => {
          const tree = repairTree(nodes);
          const live = nodes.filter((x) => x.live).map((x) => x.id);
          expect([...tree.parent.keys()].sort()).toEqual([...live].sort());
          expect([...tree.parent.values()].filter((p) => p === null)).toHaveLength(live.length > 0 ? 1 : 0);
          for (const id of live) {
            let cur: string | null = id;
            for (let steps = 0; cur !== null && steps <= live.length; steps++) cur = tree.parent.get(cur)!;
            expect(cur).toBeNull();
          }
          // Kept where the stored parent is live and nothing forces a repair.
          for (const [id, p] of tree.parent)
            if (!tree.repaired.has(id)) expect(p).toBe(nodes.find((x) => x.id === id)!.parentId);
          expect(repairTree(shuffled)).toEqual(tree);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
