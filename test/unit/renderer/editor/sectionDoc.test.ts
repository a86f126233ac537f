import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { markdownToLexicalState } from '../../../../shared/document/headless';
import { lexicalPlainText } from '../../../../shared/document/text';
import { contrastRatio } from '../../../../shared/chart/contrast';
import { CURSOR_COLORS, cursorColor } from '../../../../renderer/editor/collab/sharing';
import {
  sectionDocIsEmpty,
  sectionDocState,
  sectionSeedUpdate,
  seedSectionDoc,
} from '../../../../renderer/editor/collab/sectionDoc';

const RICH = markdownToLexicalState(
  [
    '### What happened',
    '',
    'The **primary** database [failed over](https://example.com/runbook) at `00:51`.',
    '',
    '- first',
    '- second',
    '',
    '1. one',
    '',
    '> quoted',
    '',
    '{{live:timeline}}',
    '',
    '| a | b |',
    '| --- | --- |',
    '| 1 | 2 |',
  ].join('\n'),
);

function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('section documents', () => {
  it('seeds the stored text and projects exactly that text back', () => {
    const doc = new Y.Doc();
    expect(sectionDocIsEmpty(doc)).toBe(true);
    expect(sectionDocState(doc)).toBeNull();
    expect(seedSectionDoc(doc, 's1', RICH)).toEqual({ seeded: true });
    expect(sectionDocIsEmpty(doc)).toBe(false);
    const back = sectionDocState(doc);
    expect(back).not.toBeNull();
    expect(JSON.parse(back ?? '')).toEqual(JSON.parse(RICH));
  });

  it('a joiner reads the seeded text through the server copy', () => {
    const author = new Y.Doc();
    seedSectionDoc(author, 's1', RICH);
    const joiner = new Y.Doc();
    exchange(author, joiner);
    expect(lexicalPlainText(sectionDocState(joiner))).toBe(lexicalPlainText(RICH));
  });

  it('seeds a document that already holds text never again', () => {
    const doc = new Y.Doc();
    seedSectionDoc(doc, 's1', RICH);
    const before = Y.encodeStateAsUpdate(doc);
    expect(seedSectionDoc(doc, 's1', markdownToLexicalState('other text'))).toEqual({ seeded: false });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('two seeds of the same text (two windows of the author) merge into one copy', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    seedSectionDoc(a, 's1', RICH);
    seedSectionDoc(b, 's1', RICH);
    exchange(a, b);
    expect(JSON.parse(sectionDocState(a) ?? '')).toEqual(JSON.parse(RICH));
    expect(sectionDocState(b)).toBe(sectionDocState(a));
  });

  it('the seed of one text is the same bytes every time, and differs by section and text', () => {
    const one = sectionSeedUpdate('s1', RICH);
    const two = sectionSeedUpdate('s1', RICH);
    const other = sectionSeedUpdate('s2', RICH);
    if (!one.ok || !two.ok || !other.ok) throw new Error('not seeded');
    expect(two.update).toEqual(one.update);
    expect(other.update).not.toEqual(one.update);
  });

  it('an empty section seeds one empty paragraph, the same one on every replica', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    seedSectionDoc(a, 's1', null);
    seedSectionDoc(b, 's1', null);
    exchange(a, b);
    const state = JSON.parse(sectionDocState(a) ?? '') as { root: { children: { type: string }[] } };
    expect(state.root.children.map((c) => c.type)).toEqual(['paragraph']);
  });

  it('refuses text it cannot seed, naming why, and leaves the document empty', () => {
    let deep = '{"type":"paragraph","children":[]}';
    for (let i = 0; i < 150; i++) deep = `{"type":"quote","children":[${deep}]}`;
    const tooDeep = `{"root":{"type":"root","children":[${deep}]}}`;
    const doc = new Y.Doc();
    const r = seedSectionDoc(doc, 's1', tooDeep);
    expect(r.seeded).toBe(false);
    expect(r.reason).toMatch(/151 levels deep/);
    expect(sectionDocIsEmpty(doc)).toBe(true);
    const garbage = seedSectionDoc(doc, 's1', '{"root":{"type":"nonsense"}}');
    expect(garbage.seeded).toBe(false);
    expect(garbage.reason).toMatch(/not an editor state/);
    expect(sectionDocIsEmpty(doc)).toBe(true);
  });
});

describe('cursor colours', () => {
  it('keep the white name label legible (4.5:1) and are the same for a name everywhere', () => {
    for (const c of CURSOR_COLORS) expect(contrastRatio(c, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(cursorColor('Ana Author')).toBe(cursorColor('Ana Author'));
    expect(new Set(['Ana', 'Bo', 'Rita', 'Sam', 'Kim', 'Lee'].map(cursorColor)).size).toBeGreaterThan(1);
  });
});
