import { describe, expect, it, vi } from 'vitest';
import {
  analyseCauses,
  buildTree,
  causeCoverage,
  causeDiagram,
  FISHBONE_MAX_DEPTH,
  layoutFishbone,
  fiveWhys,
  flattenTree,
  MAX_INDENT_DEPTH,
  minimalCutSets,
  pathToRoot,
} from '../../../shared/causes';
import type { FaultTree } from '../../../shared/causes';
import {
  checkSectionState,
  documentOutline,
  lexicalPlainText,
  lexicalStateToHtml,
  lexicalStateToMarkdown,
  markdownToLexicalState,
  MAX_SECTION_DEPTH,
} from '../../../shared/document';
import type { CauseNode, IncidentSnapshot } from '../../../shared/domain';
import { exportHtml, exportMarkdown } from '../../../shared/export';
import { node } from '../causes/helpers';
import { sampleSnapshot } from '../export/helpers';

/*
 * Depth set by the input: a bundle can hold a cause chain or a section text nested as deep as
 * its author likes. Every walk must be iterative and linear: these depths overflowed recursive
 * walks (RangeError) and took minutes in quadratic ones (the test times out).
 */
const DEEP = 50_000;
// Generous: the machine may be busy. Quadratic walks take minutes here, so they still fail.
vi.setConfig({ testTimeout: 60_000 });

/** A chain root → c1 → … → c(n-1), categories alternating so every fishbone item nests. */
function chain(n: number): CauseNode[] {
  const nodes = [node('c0', null, 1)];
  for (let i = 1; i < n; i++)
    nodes.push(node(`c${i}`, `c${i - 1}`, 1, { category: i % 2 === 0 ? 'a' : 'b' }));
  nodes[n - 1] = { ...nodes[n - 1]!, kind: 'root-cause' };
  return nodes;
}

/** A stored section state whose text sits `depth` quotes deep (built as text: JSON.stringify recurses). */
function deepState(depth: number, tag = 'quote'): string {
  return (
    `{"root":{"type":"root","children":[${`{"type":"${tag}","children":[`.repeat(depth)}` +
    `{"type":"text","text":"bottom of the well","format":0}${']}'.repeat(depth)}]}}`
  );
}

describe('a 50,000-deep cause chain', () => {
  const nodes = chain(DEEP);

  it('builds, flattens and walks the tree', () => {
    const tree = buildTree(nodes);
    const rows = flattenTree(tree);
    expect(rows).toHaveLength(DEEP);
    expect(rows.at(-1)?.depth).toBe(DEEP - 1);
    expect(pathToRoot(tree, `c${DEEP - 1}`)).toHaveLength(DEEP);
    expect(fiveWhys(nodes, `c${DEEP - 1}`)).toHaveLength(DEEP - 1);
  });

  it('keeps a cycle below the top node without walking it once per node', () => {
    const looped = chain(DEEP);
    looped[1] = { ...looped[1]!, parentId: `c${DEEP - 1}` };
    const tree = buildTree(looped);
    // c1's chain never ends, so c1 hangs under the top node, and the whole chain is still shown.
    expect(tree.parent.get('c1')).toBe('c0');
    expect(flattenTree(tree)).toHaveLength(DEEP);
  });

  it('analyses, draws and covers it', () => {
    const analysis = analyseCauses(nodes);
    expect(analysis.singlePoints.map((n) => n.id)).toEqual([`c${DEEP - 1}`]);
    const diagram = causeDiagram(nodes);
    expect(diagram.hiddenCount).toBe(DEEP - 150);
    expect(diagram.source).toContain(`+${DEEP - 150} more`);
    expect(causeCoverage(nodes, []).needing.map((n) => n.id)).toEqual([`c${DEEP - 1}`]);
  });

  it('solves a deep fault tree', () => {
    let ft: FaultTree = { event: 'bottom' };
    for (let i = 0; i < DEEP; i++) ft = { gate: i % 2 === 0 ? 'AND' : 'OR', children: [ft] };
    expect(minimalCutSets(ft).cutSets).toEqual([['bottom']]);
  });

  it('draws a fishbone nested at most FISHBONE_MAX_DEPTH levels, and says how many it left out', () => {
    const { labels } = layoutFishbone(nodes, ['a', 'b']);
    expect(Math.max(...labels.map((l) => l.depth))).toBe(FISHBONE_MAX_DEPTH);
    expect(labels.filter((l) => /^\+\d+ deeper causes: see the outline$/.test(l.text))).not.toHaveLength(0);
    expect(labels.length).toBeLessThan(100);
  });

  it('exports HTML and Markdown with a bounded indent, each level written out', () => {
    const snap: IncidentSnapshot = sampleSnapshot('azure-rca-2014');
    const causes = chain(DEEP).map((c) => ({ ...c, incidentId: snap.incident.id }));
    const section = snap.sections[0]!;
    section.lexicalState = markdownToLexicalState('{{live:cause-list}}\n\n{{live:cause-diagram}}');
    const deep = { ...snap, causes, sections: [section] };
    const html = exportHtml(deep, { audience: 'internal' });
    const margins = [...html.matchAll(/margin-left:([\d.]+)em/g)].map((m) => Number(m[1]));
    expect(margins).toHaveLength(DEEP);
    expect(Math.max(...margins)).toBe(MAX_INDENT_DEPTH * 1.25);
    expect(html).toContain(`(level ${(DEEP - 1).toLocaleString('en-US')})`);
    const md = exportMarkdown(deep, { audience: 'internal' });
    const indents = md.split('\n').map((l) => l.length - l.trimStart().length);
    expect(Math.max(...indents)).toBeLessThanOrEqual(2 * MAX_INDENT_DEPTH + 2);
    // Linear size: a few hundred bytes a cause, not a growing indent per level.
    expect(md.length).toBeLessThan(DEEP * 200);
  });
});

describe('a 5,000-deep section text', () => {
  const state = deepState(5_000);

  it('is written as HTML with its text, nesting capped at MAX_SECTION_DEPTH', () => {
    const result = lexicalStateToHtml(state, () => '');
    expect(result.ok).toBe(true);
    const html = result.ok ? result.html : '';
    expect(html).toContain('bottom of the well');
    expect(html.split('<blockquote>').length - 1).toBe(MAX_SECTION_DEPTH);
    expect(html.split('</blockquote>').length - 1).toBe(MAX_SECTION_DEPTH);
  });

  it('is read for plain text and the outline', () => {
    expect(lexicalPlainText(state)).toBe('bottom of the well');
    const outline = documentOutline(
      [
        {
          id: 's',
          incidentId: 'i',
          key: 'k',
          title: 'Deep',
          order: 1,
          internalOnly: false,
          lexicalState: state,
          updatedAt: 0,
        },
      ],
      [],
    );
    expect(outline[0]?.words).toBe(4);
  });

  it('is refused by the editor check with the depth and the limit, and exported to Markdown as plain text', () => {
    const checked = checkSectionState(state);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.depth).toBe(5_001);
      expect(checked.message).toContain('5,001 levels deep');
      expect(checked.message).toContain(`up to ${MAX_SECTION_DEPTH} levels`);
    }
    const md = lexicalStateToMarkdown(state, () => '');
    expect(md).toEqual({ ok: true, markdown: expect.stringContaining('bottom of the well') as string });
    expect(md.ok && md.markdown).toContain('exported as plain text');
  });

  it('at the limit still opens with its structure', () => {
    expect(checkSectionState(deepState(MAX_SECTION_DEPTH - 1)).ok).toBe(true);
  });
});

describe('an invalid heading tag', () => {
  for (const tag of ['h9', 'script', 'h1 onclick=alert(1)', '<img>', '']) {
    it(`"${tag}" is repaired to h1 before the editor sees it`, () => {
      const state = JSON.stringify({
        root: {
          type: 'root',
          children: [{ type: 'heading', tag, children: [{ type: 'text', text: 'Heading text' }] }],
        },
      });
      const checked = checkSectionState(state);
      expect(checked).toMatchObject({ ok: true, repaired: 1 });
      const repaired = checked.ok ? JSON.parse(checked.state!) : null;
      expect(repaired.root.children[0].tag).toBe('h1');
      expect(lexicalStateToHtml(state, () => '')).toEqual({ ok: true, html: '<h3>Heading text</h3>' });
      expect(lexicalStateToMarkdown(state, () => '')).toEqual({ ok: true, markdown: '### Heading text' });
    });
  }
});
