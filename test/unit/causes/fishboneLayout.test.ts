import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FISHBONE_ROWS_PER_BONE,
  fishboneSvg,
  layoutFishbone,
  type FishboneBox,
  type FishboneLayout,
  type FishboneLine,
} from '../../../shared/causes';
import { textWidth, wrapText } from '../../../shared/chart/textMetrics';
import type { CauseNode } from '../../../shared/domain';
import { node } from './helpers';

/** Whether two boxes share any area (touching edges is not overlapping). */
function overlap(a: FishboneBox, b: FishboneBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether a segment enters the inside of a box (Liang–Barsky clipping). */
function crosses(l: FishboneLine, b: FishboneBox): boolean {
  const dx = l.x2 - l.x1;
  const dy = l.y2 - l.y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, l.x1 - b.x],
    [dx, b.x + b.width - l.x1],
    [-dy, l.y1 - b.y],
    [dy, b.y + b.height - l.y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
  }
  if (t0 >= t1) return false;
  // Inside, not merely along an edge: the clipped part's middle is strictly within the box.
  const mx = l.x1 + dx * ((t0 + t1) / 2);
  const my = l.y1 + dy * ((t0 + t1) / 2);
  return mx > b.x && mx < b.x + b.width && my > b.y && my < b.y + b.height;
}

/** The layout's promises, as a list of what is broken (empty when all hold). */
function problems(layout: FishboneLayout): string[] {
  const out: string[] = [];
  const { labels, lines, width, height } = layout;
  labels.forEach((a, i) => {
    const b = a.box;
    if (b.x < 0 || b.y < 0 || b.x + b.width > width || b.y + b.height > height)
      out.push(`label ${i} "${a.text}" leaves the ${width}×${height} canvas: ${JSON.stringify(b)}`);
    for (let j = i + 1; j < labels.length; j++)
      if (overlap(b, labels[j]!.box)) out.push(`labels "${a.text}" and "${labels[j]!.text}" overlap`);
    for (const l of lines) if (crosses(l, b)) out.push(`a ${l.kind} line crosses label "${a.text}"`);
  });
  for (const l of lines)
    for (const [x, y] of [
      [l.x1, l.y1],
      [l.x2, l.y2],
    ] as const)
      if (x < 0 || y < 0 || x > width || y > height) out.push(`a ${l.kind} line leaves the canvas`);
  return out;
}

const CATEGORIES = ['people', 'process', 'technology', 'environment', 'measurement', 'materials'];

/** Titles: words of any length (up to one long run with no space), wide characters, or nothing. */
const title = fc.oneof(
  fc
    .array(fc.stringMatching(/^[A-Za-z0-9.,:()-]{1,14}$/), { minLength: 0, maxLength: 30 })
    .map((w) => w.join(' ')),
  fc.stringMatching(/^[A-Za-z]{20,120}$/),
  fc
    .array(fc.constantFrom('障害', '設定', 'Überlast', 'WWWMMM', 'ill', '🔥', 'é'), { maxLength: 20 })
    .map((w) => w.join('')),
  fc.string({ maxLength: 200 }),
);

/** A random cause tree: each node hangs under an earlier one, with a category from a long list or none. */
const trees = fc
  .record({
    rootTitle: title,
    causes: fc.array(
      fc.record({
        parent: fc.nat(),
        title,
        category: fc.option(fc.integer({ min: 0, max: 14 }), { nil: null }),
      }),
      { minLength: 0, maxLength: 60 },
    ),
  })
  .map(({ rootTitle, causes }) => {
    const nodes: CauseNode[] = [node('c0', null, 0, { title: rootTitle })];
    causes.forEach((c, i) => {
      const parent = nodes[c.parent % nodes.length]!;
      nodes.push(
        node(`c${i + 1}`, parent.id, i, {
          title: c.title,
          category:
            c.category === null
              ? null
              : (CATEGORIES[c.category] ?? `category ${c.category} with a long name`),
        }),
      );
    });
    return nodes;
  });

describe('layoutFishbone', () => {
  it('never overlaps two labels, never crosses a label with a line, and keeps everything on the canvas', () => {
    fc.assert(
      fc.property(trees, (nodes) => {
        expect(problems(layoutFishbone(nodes, CATEGORIES.slice(0, 3)))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('holds for a deep chain and for a bone with more causes than it draws', () => {
    const chain = [node('c0', null, 0, { title: 'Top' })];
    for (let i = 1; i < 40; i++)
      chain.push(node(`c${i}`, `c${i - 1}`, 0, { title: `Cause ${i} `.repeat(i % 7), category: 'people' }));
    const deep = layoutFishbone(chain, CATEGORIES);
    expect(problems(deep)).toEqual([]);
    expect(deep.labels.at(-1)?.text).toMatch(/^\+\d+ deeper causes: see the outline$/);

    const wide = [node('r', null, 0)];
    for (let i = 0; i < FISHBONE_ROWS_PER_BONE + 5; i++)
      wide.push(node(`w${i}`, 'r', i, { title: `Wide ${i}`, category: 'process' }));
    const many = layoutFishbone(wide, CATEGORIES);
    expect(problems(many)).toEqual([]);
    expect(many.labels.filter((l) => l.kind === 'cause')).toHaveLength(FISHBONE_ROWS_PER_BONE);
    expect(many.labels.at(-1)?.text).toBe('+5 more causes: see the outline');
  });

  it('lays out a small tree: bones alternate around the spine, sub-causes indent, the head ends the spine', () => {
    const nodes = [
      node('root', null, 0, { title: 'Checkout outage' }),
      node('a', 'root', 0, { title: 'Deploy skipped the canary stage entirely', category: 'process' }),
      node('a1', 'a', 0, { title: 'Canary was optional', category: 'process' }),
      node('b', 'root', 1, { title: 'On-call paged late', category: 'people' }),
      node('c', 'root', 2, { title: 'Pool exhausted', category: 'technology' }),
    ];
    const layout = layoutFishbone(nodes, ['people', 'process', 'technology']);
    expect(problems(layout)).toEqual([]);
    const by = (text: string) => layout.labels.find((l) => l.text === text)!;
    expect(layout.labels.map((l) => [l.kind, l.text, l.depth])).toEqual([
      ['head', 'Checkout outage', 0],
      ['category', 'people', 0],
      ['cause', 'On-call paged late', 0],
      ['category', 'process', 0],
      ['cause', 'Deploy skipped the canary stage entirely', 0],
      ['cause', 'Canary was optional', 1],
      ['category', 'technology', 0],
      ['cause', 'Pool exhausted', 0],
    ]);
    const spine = layout.lines.find((l) => l.kind === 'spine')!;
    expect(layout.lines.filter((l) => l.kind === 'bone')).toHaveLength(3);
    // people and technology above the spine, process below; the head sits on the spine's end.
    expect(by('people').box.y + by('people').box.height).toBeLessThan(spine.y1);
    expect(by('technology').box.y + by('technology').box.height).toBeLessThan(spine.y1);
    expect(by('process').box.y).toBeGreaterThan(spine.y1);
    expect(by('Canary was optional').box.y).toBeGreaterThan(spine.y1);
    const head = by('Checkout outage').box;
    expect(spine.x2).toBe(head.x - 1);
    expect(head.y).toBeLessThan(spine.y1);
    expect(head.y + head.height).toBeGreaterThan(spine.y1);
    expect(by('Canary was optional').box.x).toBeGreaterThan(
      by('Deploy skipped the canary stage entirely').box.x,
    );
    expect(by('Canary was optional').box.y).toBeGreaterThan(
      by('Deploy skipped the canary stage entirely').box.y,
    );
    // Every box holds its widest line, and a long title wraps instead of widening its bone.
    for (const l of layout.labels)
      for (const line of l.lines) expect(textWidth(line, 12, l.bold)).toBeLessThanOrEqual(l.box.width);
    expect(by('Deploy skipped the canary stage entirely').lines.length).toBeGreaterThan(1);
    // The technology bone stands right of the people bone on the same side.
    expect(by('technology').box.x).toBeGreaterThan(by('people').box.x + by('people').box.width);
  });

  it('draws it as SVG: escaped text, a title and a description, each cause clickable', () => {
    const nodes = [
      node('root', null, 0, { title: 'Outage <b>&</b>' }),
      node('a', 'root', 0, { title: '<img src=x onerror=alert(1)>', category: 'process' }),
      node('a1', 'a', 0, { title: 'Sub', category: 'process' }),
      node('b', 'root', 1, { title: 'Late page', category: 'people' }),
    ];
    const svg = fishboneSvg(layoutFishbone(nodes, ['people', 'process']), 'Fishbone diagram: Outage');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).not.toMatch(/<img|<b>|onerror=alert\(1\)>/);
    expect(svg).toContain('<title>Fishbone diagram: Outage</title>');
    expect(svg).toContain(
      '<desc>people: Late page. process: &lt;img src=x onerror=alert(1)&gt; (Sub).</desc>',
    );
    expect(svg.match(/data-cause="(\w+)"/g)).toEqual(['data-cause="b"', 'data-cause="a"', 'data-cause="a1"']);
  });
});

describe('wrapText', () => {
  it('breaks at spaces, splits a word wider than a line, and ends a cut text with an ellipsis', () => {
    const opts = { maxWidth: 100, maxLines: 3, fontSize: 12 };
    expect(wrapText('a b c', opts).lines).toEqual(['a b c']);
    const long = wrapText('x'.repeat(60), opts);
    expect(long.lines).toHaveLength(3);
    expect(long.cut).toBe(true);
    expect(long.lines[2]).toMatch(/…$/);
    for (const line of long.lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(100);
    expect(wrapText('  ', opts)).toEqual({ lines: [''], width: 0, cut: false });
  });
});
