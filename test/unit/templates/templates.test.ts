import { describe, expect, it } from 'vitest';
import type { DocumentSection } from '../../../shared/domain';
import { markdownToLexicalState } from '../../../shared/document';
import {
  applyTemplate,
  BUILTIN_TEMPLATE_IDS,
  documentNeedsTypeSync,
  sectionForType,
  formatTemplateProblem,
  parseTemplate,
} from '../../../shared/templates';
import { builtinTemplates, template } from '../export/helpers';

describe('built-in templates', () => {
  it('ships the five templates, each valid, with guidance on every section', () => {
    const ids = builtinTemplates().map((t) => t.id);
    expect(ids).toEqual([...BUILTIN_TEMPLATE_IDS]);
    for (const t of builtinTemplates()) {
      for (const s of t.sections) expect(s.guidance.length, `${t.id}/${s.key}`).toBeGreaterThan(20);
    }
  });

  it('has the sections each postmortem style asks for', () => {
    const titles = (id: string): string =>
      template(id)
        .sections.map((s) => s.title)
        .join(' | ');
    expect(titles('azure-rca-2014')).toMatch(
      /standard deployment process.*departed.*Primary impact.*Secondary impact.*communication and support.*Improvement areas/s,
    );
    expect(titles('azure-pir')).toContain('How can customers make incidents like this less impactful?');
    expect(titles('google-sre')).toMatch(/Trigger.*where we got lucky.*Supporting information/s);
    expect(titles('aws-coe')).toMatch(/Metrics.*Detection.*Diagnosis.*Mitigation.*Five whys.*Action items/s);
    expect(titles('atlassian')).toMatch(
      /Leadup.*Fault.*Recovery.*Five whys.*Root cause.*Corrective actions/s,
    );
    expect(template('google-sre').sections.filter((s) => s.internalOnly).length).toBeGreaterThan(0);
  });
});

describe('parseTemplate', () => {
  it('names the file, the line and the field of each schema problem', () => {
    const text = [
      '{',
      '  "format": "rootline-template",',
      '  "version": 1,',
      '  "id": "mine",',
      '  "name": "Mine",',
      '  "sections": [',
      '    { "key": "summary", "title": "Summary", "guidance": "g" },',
      '    { "key": "Bad Key", "title": "X", "guidance": "g" },',
      '    { "key": "summary", "title": "Again", "guidance": "g" }',
      '  ]',
      '}',
    ].join('\n');
    const result = parseTemplate(text, 'mine.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatTemplateProblem)).toEqual([
      'mine.json: line 8: sections[1].key: expected lower-case words joined by hyphens, like "primary-impact"',
      'mine.json: line 9: sections[2].key: duplicate section key "summary" (also used by sections[0])',
    ]);
  });

  it('reports duplicate keys at the second use', () => {
    const text = JSON.stringify(
      {
        format: 'rootline-template',
        version: 1,
        id: 'dup',
        name: 'Dup',
        sections: [
          { key: 'a', title: 'A', guidance: '' },
          { key: 'a', title: 'B', guidance: '' },
        ],
      },
      null,
      2,
    );
    const result = parseTemplate(text, 'dup.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatTemplateProblem(result.problems[0]!)).toBe(
      `dup.json: line ${text.split('\n').findIndex((l) => l.includes('"B"'))}: sections[1].key: duplicate section key "a" (also used by sections[0])`,
    );
  });

  it('reports broken JSON with its line, an empty file, a missing field and an unknown field', () => {
    const broken = parseTemplate('{\n  "id": "x",\n  "name": \n}', 'broken.json');
    expect(!broken.ok && formatTemplateProblem(broken.problems[0]!)).toMatch(
      /^broken\.json: line 4: not valid JSON/,
    );
    const empty = parseTemplate('  ', 'empty.json');
    expect(!empty.ok && formatTemplateProblem(empty.problems[0]!)).toBe('empty.json: the file is empty');
    const missing = parseTemplate(
      '{"format":"rootline-template","version":1,"id":"x","name":"X","sections":[{"key":"a","title":"A"}]}',
      'm.json',
    );
    expect(!missing.ok && missing.problems.map((p) => p.reason)).toEqual([
      'sections[0].guidance: expected string, received undefined',
    ]);
    const extra = parseTemplate(
      '{"format":"rootline-template","version":1,"id":"x","name":"X","colour":1,"sections":[{"key":"a","title":"A","guidance":""}]}',
      'e.json',
    );
    expect(!extra.ok && extra.problems[0]?.reason).toMatch(/colour/);
  });
});

describe('applyTemplate', () => {
  const base = { incidentId: 'inc', now: 1 };
  let n = 0;
  const newId = (): string => `id-${n++}`;

  function written(key: string, text: string, order: number): DocumentSection {
    return {
      id: `old-${key}`,
      incidentId: 'inc',
      key,
      title: key,
      order,
      internalOnly: false,
      lexicalState: markdownToLexicalState(text),
      updatedAt: 0,
    };
  }

  it('fills a new document from the template, with starters as live blocks', () => {
    const { sections } = applyTemplate(template('google-sre'), [], { ...base, newId });
    expect(sections.map((s) => s.key)).toEqual(
      template('google-sre')
        .sections.filter((s) => s.incidentTypes.length === 0)
        .map((s) => s.key),
    );
    const timeline = sections.find((s) => s.key === 'timeline');
    expect(timeline?.lexicalState).toContain('rootline-live-block');
    expect(sections.find((s) => s.key === 'got-lucky')?.internalOnly).toBe(true);
  });

  it('keeps text of matching sections (same key or alias) and never drops other writing', () => {
    const old = [
      written('summary', 'Our summary.', 0),
      written('departure', 'What departed.', 1),
      written('secondary-impact', 'VMs too.', 2),
    ];
    const result = applyTemplate(template('google-sre'), old, { ...base, newId });
    const byKey = new Map(result.sections.map((s) => [s.key, s]));
    expect(byKey.get('summary')?.lexicalState).toContain('Our summary.');
    expect(byKey.get('summary')?.id).toBe('old-summary');
    expect(byKey.get('root-causes')?.lexicalState).toContain('What departed.');
    expect(result.carried).toEqual([
      { from: 'summary', to: 'summary' },
      { from: 'departure', to: 'root-causes' },
    ]);
    // No section of Google SRE matches "secondary-impact": it is kept at the end, internal-only.
    expect(result.kept).toEqual(['secondary-impact']);
    const last = result.sections[result.sections.length - 1];
    expect(last?.key).toBe('secondary-impact');
    expect(last?.internalOnly).toBe(true);
    expect(last?.lexicalState).toContain('VMs too.');
  });

  it("never drops a live block, and lists what it moves out of customers' sight", () => {
    const old = [
      written('summary', 'Our summary.', 0),
      // Only a live block, no words: before, a section like this was dropped by a switch.
      written('customer-timeline', '{{live:timeline}}', 1),
      // Matches Google SRE's internal-only "What went well".
      written('went-well', 'Rollback was quick.', 2),
    ];
    const result = applyTemplate(template('google-sre'), old, { ...base, newId });
    const kept = result.sections.find((s) => s.key === 'customer-timeline');
    expect(kept?.lexicalState).toContain('rootline-live-block');
    expect(kept?.internalOnly).toBe(true);
    expect(result.movedToInternal).toEqual([
      {
        from: 'went-well',
        to: template('google-sre').sections.find((s) => s.key === 'went-well')!.title,
        blocks: [],
      },
      { from: 'customer-timeline', to: 'customer-timeline', blocks: ['Timeline'] },
    ]);
  });

  it('says nothing when what customers saw stays public', () => {
    const old = [
      written('summary', 'Our summary.', 0),
      { ...written('notes', 'internal', 1), internalOnly: true },
    ];
    expect(applyTemplate(template('google-sre'), old, { ...base, newId }).movedToInternal).toEqual([]);
  });
});

describe('game-day sections', () => {
  let n = 0;
  const newId = (): string => `gd-${n++}`;
  const base = { incidentId: 'inc', now: 1, newId };
  const HEAD = 'Hypothesis / Expected / Observed';

  it('every built-in template has a Hypothesis / Expected / Observed section for game days only', () => {
    for (const id of BUILTIN_TEMPLATE_IDS) {
      const s = template(id).sections.find((x) => x.title === HEAD);
      expect(s?.incidentTypes, id).toEqual(['game-day']);
      expect(sectionForType(s!, 'game-day')).toBe(true);
      expect(sectionForType(s!, 'incident')).toBe(false);
      expect(sectionForType(s!, undefined)).toBe(false);
    }
  });

  it('a game day gains the section; back to incident, an untouched one goes and a written one stays', () => {
    const t = template('google-sre');
    const incident = applyTemplate(t, [], base).sections;
    expect(incident.map((s) => s.title)).not.toContain(HEAD);
    expect(documentNeedsTypeSync(t, incident, 'incident')).toBe(false);
    expect(documentNeedsTypeSync(t, incident, 'game-day')).toBe(true);

    const gameDay = applyTemplate(t, incident, { ...base, incidentType: 'game-day' }).sections;
    const hypothesis = gameDay.find((s) => s.title === HEAD);
    expect(hypothesis?.order).toBe(1);
    expect(hypothesis?.lexicalState).toContain('Hypothesis:');
    expect(documentNeedsTypeSync(t, gameDay, 'game-day')).toBe(false);

    // Untouched (only its starter): switching back removes it without asking.
    expect(documentNeedsTypeSync(t, gameDay, 'incident')).toBe(true);
    const back = applyTemplate(t, gameDay, { ...base, incidentType: 'incident' });
    expect(back.sections.map((s) => s.key)).not.toContain(hypothesis?.key);
    expect(back.movedToInternal).toEqual([]);

    // Written in: kept at the end, internal, and the switch says so; no further sync is asked for.
    const written = gameDay.map((s) =>
      s === hypothesis
        ? { ...s, lexicalState: markdownToLexicalState('**Hypothesis:** checkout survives losing a zone') }
        : s,
    );
    expect(documentNeedsTypeSync(t, written, 'incident')).toBe(false);
    const kept = applyTemplate(t, written, { ...base, incidentType: 'incident' });
    const last = kept.sections[kept.sections.length - 1];
    expect(last?.key).toBe('hypothesis');
    expect(last?.internalOnly).toBe(true);
    expect(kept.movedToInternal.map((m) => m.from)).toEqual([HEAD]);
  });
});
