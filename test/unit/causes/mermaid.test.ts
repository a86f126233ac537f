// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import mermaid from 'mermaid';
import { causeDiagram, mermaidLabel } from '../../../shared/causes';
import { node } from './helpers';

const HOSTILE = [
  'a"] --> evil["x',
  '%%{init: {"securityLevel": "loose", "theme": "dark"}}%%',
  'x\nclick c0 call alert(1)',
  'click c0 href "javascript:alert(1)"',
  '<img src=x onerror=alert(1)><script>alert(2)</script>',
  '`**markdown**` & #quot; #35; ;',
  'end',
  'subgraph X',
  'style c0 fill:#f00',
  '%% comment\nflowchart LR',
  'ishikawa',
  '\u202Ereversed 😀 ünïcödé {curly} [square] (round) |pipe| ->> -->',
];

interface Vertex {
  text?: string;
  classes?: string[];
}
interface FlowDb {
  getVertices(): Map<string, Vertex>;
  getClasses(): Map<string, unknown>;
  getTooltip(id: string): string | undefined;
}

beforeAll(() => {
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
});

/** Parses with mermaid itself and returns the flowchart's database. */
async function parseFlow(source: string): Promise<FlowDb> {
  await mermaid.parse(source);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
  return diagram.db as unknown as FlowDb;
}

describe('mermaidLabel', () => {
  it('keeps plain words and encodes everything that could be syntax', () => {
    expect(mermaidLabel('Config change (v2), tested - no!')).toBe('Config change (v2), tested - no!');
    expect(mermaidLabel('style x fill:#f00;')).toBe('style x fill#58;#35;f00#59;');
    expect(mermaidLabel('a"b')).toBe('a#34;b');
    expect(mermaidLabel('%%{')).toBe('#37;#37;#123;');
    expect(mermaidLabel('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}#8230;`);
  });
});

describe('causeDiagram', () => {
  it('parses for every hostile title, with generated ids, our classes only and no click handlers', async () => {
    const nodes = [
      node('root', null, 1, { title: HOSTILE[0]!, gate: 'AND' }),
      ...HOSTILE.map((title, i) =>
        node(`h${i}`, 'root', i + 1, { title, kind: i % 2 ? 'root-cause' : 'x"] click' }),
      ),
    ];
    const d = causeDiagram(nodes);
    // Every line is one of the statements we write; a label holds no quote, `%` or tag but ours.
    const statement =
      /^(flowchart TD| {2}c\d+[gm]?(\["[^"]*"\]|\(\("[^"]*"\)\))| {2}c\d+[gm]? (---|-\.-) c\d+[gm]?| {2}classDef [a-z_]+ [^"]+| {2}class c\d+[gm]? [a-z_]+|)$/;
    for (const line of d.source.split('\n')) expect(line).toMatch(statement);
    expect(d.source).not.toMatch(/%|<(?!br\/>)/);
    const db = await parseFlow(d.source);
    const vertices = db.getVertices();
    // One box per cause plus the root's gate: nothing injected, nothing lost.
    expect([...vertices.keys()].sort()).toEqual([...Object.keys(d.nodeIds), 'c0g'].sort());
    for (const id of vertices.keys()) expect(db.getTooltip(id)).toBeUndefined();
    expect([...db.getClasses().keys()].every((c) => /^(k_|r_|gate$|more$)/.test(c))).toBe(true);
    // The text comes back as written once mermaid decodes the entities (after parsing it keeps
    // them as its own placeholders, ﬂ°°<code>¶ß, and turns those into &#<code>; when drawing).
    const decoded = (s: string): string =>
      s.replace(/ﬂ°°(\d+)¶ß/g, (_, n: string) => String.fromCodePoint(Number(n)));
    for (const [mid, causeId] of Object.entries(d.nodeIds)) {
      const title = nodes
        .find((n) => n.id === causeId)!
        .title.replace(/\s+/g, ' ')
        .trim();
      const text = decoded(vertices.get(mid)!.text ?? '');
      expect(text).toContain(title.length > 80 ? [...title].slice(0, 79).join('') : title);
    }
  });

  it('draws gates only where two or more children meet, badges and review states', async () => {
    const nodes = [
      node('root', null, 1, { title: 'Outage', gate: 'OR' }),
      node('a', 'root', 1, {
        title: 'A',
        gate: 'AND',
        evidenceEventIds: ['e1', 'e2'],
        reviewState: 'disputed',
      }),
      node('a1', 'a', 1, { title: 'A1', reviewState: 'agreed' }),
      node('a2', 'a', 2, { title: 'A2' }),
      node('b', 'root', 2, { title: 'B' }),
      node('b1', 'b', 1, { title: 'B1' }),
    ];
    const d = causeDiagram(nodes, { openThreads: new Map([['a', 2]]) });
    expect(d.source).toContain('c0g(("OR"))');
    expect(d.source).toContain('c1g(("AND"))');
    expect(d.source).not.toContain('c4g');
    const withMitigation = causeDiagram([
      ...nodes.slice(0, 2),
      node('m', 'root', 3, { title: 'Tables fine', kind: 'mitigating-factor' }),
    ]);
    // One cause and one mitigating factor: no gate, a dotted line to the factor.
    expect(withMitigation.source).not.toContain('c0g');
    expect(withMitigation.source).toMatch(/c0 -\.- c\d+/);
    expect(d.source).toContain('evidence 2 · open threads 2 · disputed');
    expect(d.source).toContain('class c1 r_disputed');
    expect(d.source).toContain('class c2 r_agreed');
    await parseFlow(d.source);
  });

  it('collapses subtrees with +N beyond the budget, and the hash follows the content', async () => {
    const nodes = [node('root', null, 1)];
    for (let i = 0; i < 20; i++) {
      nodes.push(node(`p${i}`, 'root', i));
      for (let j = 0; j < 10; j++) nodes.push(node(`p${i}c${j}`, `p${i}`, j));
    }
    const d = causeDiagram(nodes);
    expect(Object.keys(d.nodeIds).length).toBeLessThanOrEqual(150);
    expect(d.hiddenCount).toBe(221 - Object.keys(d.nodeIds).length);
    expect(d.source).toMatch(/\+\d+ more/);
    await parseFlow(d.source);
    const folded = causeDiagram(nodes, { collapsed: new Set(['p0']) });
    expect(folded.source).toContain('c1m["+10 more"]');
    expect(folded.hash).not.toBe(d.hash);
    expect(causeDiagram(nodes).hash).toBe(d.hash);
  });
});
