import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyseCauses, minimalCutSets } from '../../../shared/causes';
import type { FaultTree } from '../../../shared/causes';
import { node } from './helpers';

const e = (event: string): FaultTree => ({ event });
const and = (...children: FaultTree[]): FaultTree => ({ gate: 'AND', children });
const or = (...children: FaultTree[]): FaultTree => ({ gate: 'OR', children });

describe('minimal cut sets (MOCUS)', () => {
  it('Fault Tree Handbook (NUREG-0492) example: T = (A + (B + C)) · (C + A·B) → {C}, {A,B}', () => {
    const t = and(or(e('A'), or(e('B'), e('C'))), or(e('C'), and(e('A'), e('B'))));
    expect(minimalCutSets(t).cutSets).toEqual([['C'], ['A', 'B']]);
  });

  it('distributive absorption: (A + B) · (A + C) → {A}, {B,C}', () => {
    expect(minimalCutSets(and(or(e('A'), e('B')), or(e('A'), e('C')))).cutSets).toEqual([['A'], ['B', 'C']]);
  });

  it('two-out-of-three voting: AB + AC + BC', () => {
    const t = or(and(e('A'), e('B')), and(e('A'), e('C')), and(e('B'), e('C')));
    expect(minimalCutSets(t).cutSets).toEqual([
      ['A', 'B'],
      ['A', 'C'],
      ['B', 'C'],
    ]);
  });

  it('pump system example: T = A + B·(C + D) → {A}, {B,C}, {B,D}', () => {
    expect(minimalCutSets(or(e('A'), and(e('B'), or(e('C'), e('D'))))).cutSets).toEqual([
      ['A'],
      ['B', 'C'],
      ['B', 'D'],
    ]);
  });

  it('a repeated event under AND collapses: A · (A + B) → {A}', () => {
    expect(minimalCutSets(and(e('A'), or(e('A'), e('B')))).cutSets).toEqual([['A']]);
  });

  it('stops at the limit and says so', () => {
    const wide = and(...Array.from({ length: 12 }, (_, i) => or(e(`a${i}`), e(`b${i}`))));
    const r = minimalCutSets(wide, 100);
    expect(r.truncated).toBe(true);
    expect(r.cutSets.length).toBeLessThanOrEqual(100);
    expect(minimalCutSets(wide).cutSets).toHaveLength(4096);
  });

  it('agrees with a brute-force truth table on random trees', () => {
    const events = ['A', 'B', 'C', 'D', 'E'];
    const tree: fc.Arbitrary<FaultTree> = fc.letrec<{ t: FaultTree }>((tie) => ({
      t: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom(...events).map(e),
        fc.record({
          gate: fc.constantFrom('AND' as const, 'OR' as const),
          children: fc.array(tie('t'), { minLength: 1, maxLength: 3 }),
        }),
      ),
    })).t;
    const holds = (t: FaultTree, on: Set<string>): boolean =>
      'event' in t
        ? on.has(t.event)
        : t.gate === 'AND'
          ? t.children.every((c) => holds(c, on))
          : t.children.some((c) => holds(c, on));
    fc.assert(
      fc.property(tree, (t) => {
        // Every subset that makes the top event true, keeping only the minimal ones.
        const subsets: string[][] = [];
        for (let m = 0; m < 1 << events.length; m++) subsets.push(events.filter((_, i) => m & (1 << i)));
        const sufficient = subsets.filter((s) => holds(t, new Set(s)));
        const minimal = sufficient.filter(
          (s) => !sufficient.some((o) => o.length < s.length && o.every((x) => s.includes(x))),
        );
        const want = minimal.map((s) => s.join(',')).sort();
        expect(
          minimalCutSets(t)
            .cutSets.map((s) => s.join(','))
            .sort(),
        ).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });
});

describe('cause tree analysis', () => {
  it('Azure 2014: the config change AND the untested front-ends were both needed; the loop alone was enough', () => {
    const nodes = [
      node('root', null, 1, { title: 'Azure Storage outage', gate: 'OR' }),
      node('loop', 'root', 1, { title: 'Blob front-ends entered an infinite loop', gate: 'AND' }),
      node('cfg', 'loop', 1, { title: 'Config change enabled everywhere at once', kind: 'root-cause' }),
      node('test', 'loop', 2, { title: 'Blob front-ends never tested with the change', kind: 'root-cause' }),
      node('mit', 'root', 2, { title: 'Table storage unaffected', kind: 'mitigating-factor' }),
    ];
    const a = analyseCauses(nodes);
    expect(a.cutSets.map((s) => s.causes.map((c) => c.id).sort())).toEqual([['cfg', 'test']]);
    expect(a.singlePoints).toEqual([]);
    const or = analyseCauses(nodes.map((n) => (n.id === 'loop' ? { ...n, gate: 'OR' as const } : n)));
    expect(or.singlePoints.map((n) => n.id).sort()).toEqual(['cfg', 'test']);
  });

  it('does not make detection and response gaps necessary under an AND gate', () => {
    const nodes = [
      node('root', null, 1, { gate: 'AND' }),
      node('cause', 'root', 1, { title: 'Config enabled everywhere at once', kind: 'root-cause' }),
      node('dg', 'root', 2, { title: 'Status page hosted on the failing storage', kind: 'detection-gap' }),
      node('rg', 'root', 3, { title: 'Rollback needed a restart per region', kind: 'response-gap' }),
    ];
    const a = analyseCauses(nodes);
    expect(a.cutSets.map((s) => s.causes.map((c) => c.id))).toEqual([['cause']]);
    expect(a.singlePoints.map((n) => n.id)).toEqual(['cause']);
  });

  it('treats leaves with the same title as one basic event', () => {
    const nodes = [
      node('root', null, 1, { gate: 'AND' }),
      node('g1', 'root', 1, { gate: 'OR' }),
      node('x1', 'g1', 1, { title: 'Operator error' }),
      node('y', 'g1', 2, { title: 'Y' }),
      node('g2', 'root', 2, { gate: 'OR' }),
      node('x2', 'g2', 1, { title: ' operator  ERROR ' }),
      node('z', 'g2', 2, { title: 'Z' }),
    ];
    const a = analyseCauses(nodes);
    expect(a.cutSets.map((s) => s.causes.map((c) => c.title).sort())).toEqual([
      ['Operator error'],
      ['Y', 'Z'],
    ]);
    expect(a.singlePoints.map((n) => n.id)).toEqual(['x1']);
  });

  it('has nothing to say about a tree with only its top node', () => {
    expect(analyseCauses([node('root', null, 1)])).toEqual({
      cutSets: [],
      singlePoints: [],
      truncated: false,
    });
  });
});
