import { describe, expect, it } from 'vitest';
import type { Comment, DocumentSection } from '../../../shared/domain';
import { documentOutline, markdownToLexicalState } from '../../../shared/document';
import { createExportContext, liveBlockHasContent } from '../../../shared/export';
import { starterTexts } from '../../../shared/templates';
import { sampleSnapshot, template } from '../export/helpers';

const section = (
  id: string,
  order: number,
  markdown: string | null,
  internalOnly = false,
): DocumentSection => ({
  id,
  incidentId: 'inc',
  key: id,
  title: id.toUpperCase(),
  order,
  internalOnly,
  lexicalState: markdown === null ? null : markdownToLexicalState(markdown),
  updatedAt: 1,
});

const comment = (id: string, targetId: string, over: Partial<Comment> = {}): Comment => ({
  id,
  incidentId: 'inc',
  targetType: 'section',
  targetId,
  parentId: null,
  author: 'R',
  body: 'why?',
  createdAt: 1,
  editedAt: null,
  resolved: false,
  resolvedAt: null,
  resolvedBy: null,
  ...over,
});

describe('documentOutline', () => {
  it('lists sections in order with written words, internal marks and open threads', () => {
    const items = documentOutline(
      [
        section('impact', 2, '- seven regions\n- VMs restarted', true),
        section('summary', 1, 'Blob front-ends looped after a config change.'),
        section('lessons', 3, null),
      ],
      [
        comment('c1', 'summary'),
        comment('c2', 'summary', { parentId: 'c1' }),
        comment('c3', 'summary', { resolved: true }),
        comment('c4', 'impact'),
        comment('c5', 'impact', { targetType: 'action' }),
      ],
    );
    expect(items.map((i) => [i.title, i.words, i.internalOnly, i.openThreads])).toEqual([
      ['SUMMARY', 7, false, 1],
      ['IMPACT', 4, true, 1],
      ['LESSONS', 0, false, 0],
    ]);
  });

  it('counts live blocks apart from written words', () => {
    const [item] = documentOutline(
      [section('timeline', 1, '{{live:timeline}}\n\nSee the chart.\n\n{{live:actions}}')],
      [],
    );
    expect(item?.words).toBe(3);
    expect(item?.blocks).toEqual(['Timeline', 'Action items']);
    const [empty] = documentOutline([section('x', 1, '{{live:nonsense}}')], []);
    expect(empty?.blocks).toEqual([]);
  });
});

describe('documentOutline with the incident data', () => {
  const snapshot = sampleSnapshot('google-sre');
  const withBlocks = [section('next', 1, '{{live:actions}}'), section('when', 2, '{{live:timeline}}')];
  it('does not count a live block that shows nothing as filling its section', () => {
    const bare = { ...snapshot, actions: [], events: snapshot.events.map((e) => ({ ...e, key: false })) };
    const ctx = createExportContext(bare, { audience: 'internal' });
    const items = documentOutline(withBlocks, [], (spec) => liveBlockHasContent(ctx, spec));
    expect(items.map((i) => [i.blocks, i.emptyBlocks])).toEqual([
      [[], ['Action items']],
      [[], ['Timeline']],
    ]);
  });
  it('counts it once the incident has what it shows', () => {
    const ctx = createExportContext(snapshot, { audience: 'internal' });
    expect(snapshot.actions.length).toBeGreaterThan(0);
    const items = documentOutline(withBlocks, [], (spec) => liveBlockHasContent(ctx, spec));
    expect(items.map((i) => [i.blocks, i.emptyBlocks])).toEqual([
      [['Action items'], []],
      [['Timeline'], []],
    ]);
  });

  it("counts a section holding only its template's starter scaffold as not written yet", () => {
    const t = template('google-sre');
    const starters = starterTexts(t);
    const scaffold = t.sections.find((x) => x.key === 'hypothesis')!.starter;
    const untouched = section('hypothesis', 0, scaffold);
    const written = section('hypothesis', 0, `${scaffold}zone loss is survived`);
    const [before, after] = [untouched, written].map(
      (s) =>
        documentOutline(
          [s],
          [],
          () => true,
          (key) => starters.get(key) ?? null,
        )[0]!,
    );
    expect(before?.words).toBe(0);
    expect(after?.words).toBeGreaterThan(3);
    // Without the starters (no template) the scaffold's words count as written.
    expect(documentOutline([untouched], [])[0]?.words).toBe(3);
  });
});
