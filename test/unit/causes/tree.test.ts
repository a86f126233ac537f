import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addChild,
  addSibling,
  applyEdit,
  buildTree,
  deleteSubtree,
  flattenTree,
  indent,
  invertEdit,
  moveAmongSiblings,
  outdent,
  pathToRoot,
  reparent,
  fiveWhys,
} from '../../../shared/causes';
import type { CauseNode } from '../../../shared/domain';
import { apply, node, rootOnly } from './helpers';

/** The outline as "depth:title" lines, the easiest shape to compare. */
function outline(nodes: CauseNode[]): string[] {
  return flattenTree(buildTree(nodes)).map((r) => `${r.depth}:${r.node.title}`);
}

/** A, B, C under the root. */
function abc(): CauseNode[] {
  let nodes = rootOnly();
  nodes = apply(nodes, addChild(nodes, 'root', { id: 'a', now: 1, title: 'A' }));
  nodes = apply(nodes, addSibling(nodes, 'a', { id: 'b', now: 2, title: 'B' }));
  nodes = apply(nodes, addSibling(nodes, 'b', { id: 'c', now: 3, title: 'C' }));
  return nodes;
}

describe('tree operations', () => {
  it('adds siblings after the focused node, keeping order', () => {
    let nodes = abc();
    nodes = apply(nodes, addSibling(nodes, 'a', { id: 'x', now: 4, title: 'X' }));
    expect(outline(nodes)).toEqual(['0:Loss', '1:A', '1:X', '1:B', '1:C']);
  });

  it('Enter on the top node adds its first child', () => {
    let nodes = abc();
    nodes = apply(nodes, addSibling(nodes, 'root', { id: 'x', now: 4, title: 'X' }));
    expect(outline(nodes)).toEqual(['0:Loss', '1:X', '1:A', '1:B', '1:C']);
  });

  it('indents under the previous sibling as its last child, and refuses the first child', () => {
    let nodes = abc();
    expect(indent(nodes, 'a', 5)).toBeNull();
    nodes = apply(nodes, indent(nodes, 'b', 5));
    nodes = apply(nodes, indent(nodes, 'c', 6));
    expect(outline(nodes)).toEqual(['0:Loss', '1:A', '2:B', '2:C']);
  });

  it('outdents to right after the parent, leaving later siblings where they were', () => {
    let nodes = abc();
    nodes = apply(nodes, indent(nodes, 'b', 5));
    nodes = apply(nodes, indent(nodes, 'c', 6));
    nodes = apply(nodes, outdent(nodes, 'b', 7));
    expect(outline(nodes)).toEqual(['0:Loss', '1:A', '2:C', '1:B']);
    expect(outdent(nodes, 'a', 8)).toBeNull();
    expect(outdent(nodes, 'root', 8)).toBeNull();
  });

  it('moves among siblings and stops at the ends', () => {
    let nodes = abc();
    nodes = apply(nodes, moveAmongSiblings(nodes, 'c', -1, 5));
    expect(outline(nodes)).toEqual(['0:Loss', '1:A', '1:C', '1:B']);
    nodes = apply(nodes, moveAmongSiblings(nodes, 'a', 1, 6));
    expect(outline(nodes)).toEqual(['0:Loss', '1:C', '1:A', '1:B']);
    expect(moveAmongSiblings(nodes, 'c', -1, 7)).toBeNull();
    expect(moveAmongSiblings(nodes, 'b', 1, 7)).toBeNull();
  });

  it('reparents a subtree at an index and refuses cycles and the top node', () => {
    let nodes = abc();
    nodes = apply(nodes, addChild(nodes, 'c', { id: 'c1', now: 4, title: 'C1' }));
    nodes = apply(nodes, addChild(nodes, 'a', { id: 'a1', now: 5, title: 'A1' }));
    nodes = apply(nodes, addChild(nodes, 'a', { id: 'a2', now: 6, title: 'A2' }));
    nodes = apply(nodes, reparent(nodes, 'c', 'a', 1, 7));
    expect(outline(nodes)).toEqual(['0:Loss', '1:A', '2:A1', '2:C', '3:C1', '2:A2', '1:B']);
    expect(reparent(nodes, 'a', 'c1', 0, 8)).toBeNull();
    expect(reparent(nodes, 'a', 'a', 0, 8)).toBeNull();
    expect(reparent(nodes, 'root', 'a', 0, 8)).toBeNull();
  });

  it('deletes a subtree, focuses a neighbour, and the inverse edit restores it exactly', () => {
    let nodes = abc();
    nodes = apply(nodes, addChild(nodes, 'b', { id: 'b1', now: 4, title: 'B1' }));
    const edit = deleteSubtree(nodes, 'b')!;
    expect(edit.remove.sort()).toEqual(['b', 'b1']);
    expect(edit.focusId).toBe('a');
    const after = applyEdit(nodes, edit);
    expect(outline(after)).toEqual(['0:Loss', '1:A', '1:C']);
    const undone = applyEdit(after, invertEdit(nodes, edit));
    expect(outline(undone)).toEqual(outline(nodes));
    expect(deleteSubtree(nodes, 'root')).toBeNull();
  });

  it('renumbers siblings when fractional orders run out, without changing the order', () => {
    let nodes = abc();
    // Insert 80 times right after A: halving the gap each time would underflow.
    for (let i = 0; i < 80; i++)
      nodes = apply(nodes, addSibling(nodes, 'a', { id: `n${i}`, now: 10 + i, title: `N${i}` }));
    const titles = outline(nodes).map((l) => l.slice(2));
    expect(titles.slice(0, 3)).toEqual(['Loss', 'A', 'N79']);
    expect(titles.slice(-3)).toEqual(['N0', 'B', 'C']);
    const orders = buildTree(nodes)
      .children.get('root')!
      .map((n) => n.order);
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('shows orphans and extra parentless nodes under the top node instead of losing them', () => {
    const nodes = [
      node('root', null, 1),
      node('x', 'missing', 1),
      node('y', null, 2),
      node('p', 'q', 1),
      node('q', 'p', 1),
    ];
    const rows = outline(nodes);
    expect(rows[0]).toBe('0:root');
    expect(rows.slice(1).sort()).toEqual(['1:p', '1:q', '1:x', '1:y']);
  });

  it('paths to the top node and the 5 whys chain read top-down', () => {
    let nodes = abc();
    nodes = apply(nodes, addChild(nodes, 'a', { id: 'a1', now: 4, title: 'A1' }));
    expect(pathToRoot(buildTree(nodes), 'a1').map((n) => n.id)).toEqual(['a1', 'a', 'root']);
    const whys = fiveWhys(nodes, 'a1');
    expect(whys.map((w) => `${w.n}:${w.effect.title}<-${w.cause.title}`)).toEqual(['1:Loss<-A', '2:A<-A1']);
  });

  it('random edits keep every node, one top node and no cycles; undo returns to the start', () => {
    const op = fc.oneof(
      fc.record({ t: fc.constant('sib' as const), at: fc.nat() }),
      fc.record({ t: fc.constant('child' as const), at: fc.nat() }),
      fc.record({ t: fc.constant('in' as const), at: fc.nat() }),
      fc.record({ t: fc.constant('out' as const), at: fc.nat() }),
      fc.record({ t: fc.constant('up' as const), at: fc.nat() }),
      fc.record({ t: fc.constant('down' as const), at: fc.nat() }),
      fc.record({ t: fc.constant('move' as const), at: fc.nat(), to: fc.nat(), i: fc.nat(5) }),
      fc.record({ t: fc.constant('del' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        let nodes = rootOnly();
        let next = 0;
        for (const o of ops) {
          const ids = nodes.map((n) => n.id).sort();
          const id = ids[o.at % ids.length]!;
          const now = 100 + next;
          const init = { id: `n${next++}`, now, title: `T${next}` };
          const edit =
            o.t === 'sib'
              ? addSibling(nodes, id, init)
              : o.t === 'child'
                ? addChild(nodes, id, init)
                : o.t === 'in'
                  ? indent(nodes, id, now)
                  : o.t === 'out'
                    ? outdent(nodes, id, now)
                    : o.t === 'up'
                      ? moveAmongSiblings(nodes, id, -1, now)
                      : o.t === 'down'
                        ? moveAmongSiblings(nodes, id, 1, now)
                        : o.t === 'move'
                          ? reparent(nodes, id, ids[o.to % ids.length]!, o.i, now)
                          : deleteSubtree(nodes, id);
          if (edit === null) continue;
          const after = applyEdit(nodes, edit);
          const tree = buildTree(after);
          expect(flattenTree(tree)).toHaveLength(after.length);
          expect(after.filter((n) => n.parentId === null)).toHaveLength(1);
          expect(applyEdit(after, invertEdit(nodes, edit)).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
            [...nodes].sort((a, b) => a.id.localeCompare(b.id)),
          );
          nodes = after;
        }
      }),
      { numRuns: 150 },
    );
  });
});
