import { describe, expect, it } from 'vitest';
import {
  docName,
  localStoreName,
  modelDocName,
  parseDocName,
  reviewDocName,
  sectionDocName,
} from '../../../shared/sync/names';
import { newId } from '../../../shared/domain/ids';

describe('sync document names', () => {
  const incident = newId(1_700_000_000_000, () => 0.5);

  it('builds the three names of the contract and reads them back', () => {
    expect(modelDocName(incident)).toBe(`incident/${incident}/model`);
    expect(reviewDocName(incident)).toBe(`incident/${incident}/review`);
    expect(sectionDocName(incident, 'S1')).toBe(`incident/${incident}/section/S1`);
    for (const name of [modelDocName(incident), reviewDocName(incident), sectionDocName(incident, 'S1')]) {
      const parsed = parseDocName(name);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(docName(parsed.ref)).toBe(name);
    }
    expect(parseDocName(sectionDocName(incident, 'S1'))).toEqual({
      ok: true,
      ref: { kind: 'section', incidentId: incident, sectionId: 'S1' },
    });
  });

  it('encodes ids holding a slash so they cannot name another document', () => {
    const name = modelDocName('a/section/b');
    expect(name).toBe('incident/a%2Fsection%2Fb/model');
    expect(parseDocName(name)).toEqual({ ok: true, ref: { kind: 'model', incidentId: 'a/section/b' } });
  });

  it.each([
    [''],
    ['incident'],
    ['incident/'],
    ['incident//model'],
    ['incident/A'],
    ['incident/A/'],
    ['incident/A/other'],
    ['incident/A/model/extra'],
    ['incident/A/section'],
    ['incident/A/section/'],
    ['incident/A/section/B/C'],
    ['incidents/A/model'],
    ['/incident/A/model'],
    ['incident/%41/model'],
    ['incident/%E0%A4%A/model'],
    [`incident/${'x'.repeat(129)}/model`],
  ])('refuses %j with a reason', (name) => {
    const parsed = parseDocName(name);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/refused: \w/);
  });

  it('refuses to build a name from an empty or overlong id', () => {
    expect(() => modelDocName('')).toThrow(/incident id must be 1 to 128/);
    expect(() => sectionDocName('A', 'y'.repeat(129))).toThrow(/section id must be 1 to 128/);
  });

  it('names the local store after the document', () => {
    expect(localStoreName(modelDocName('A'))).toBe('rootline-sync:incident/A/model');
  });
});
