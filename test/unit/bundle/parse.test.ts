import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineColumnAt } from '../../../shared/bundle/jsonSyntax';
import { parseBundle } from '../../../shared/bundle/parse';
import { serializeBundle } from '../../../shared/bundle/serialize';
import { richSnapshot } from './richSnapshot';

const GOOD = serializeBundle(richSnapshot(), { exportedAt: Date.UTC(2025, 0, 2), appVersion: '1.2.3' });

function errorOf(text: string, file = 'incident.rootline.json'): string {
  const result = parseBundle(text, file);
  if (result.ok) throw new Error('expected the bundle to be rejected');
  return result.error;
}

describe('parseBundle', () => {
  it('reads a good bundle with its meta', () => {
    const result = parseBundle(GOOD, 'a.rootline.json');
    if (!result.ok) throw new Error(result.error);
    expect(result.meta).toEqual({
      version: 2,
      exportedAt: Date.UTC(2025, 0, 2),
      appVersion: '1.2.3',
      notices: [],
    });
    expect(result.snapshot.incident.id).toBe('A-INC');
    expect(result.snapshot.events).toHaveLength(4);
  });

  it('accepts a byte-order mark', () => {
    expect(parseBundle(`\uFEFF${GOOD}`, 'a.rootline.json').ok).toBe(true);
  });

  it('gives line and column of a JSON syntax error', () => {
    const broken = '{\n  "format": "rootline-bundle",\n  "version": 1,,\n}';
    expect(errorOf(broken)).toMatch(
      /^incident\.rootline\.json is not valid JSON at line 3, column 16: Expected double-quoted property name\./,
    );
  });

  it('points at the end of a truncated file', () => {
    const cut = GOOD.slice(0, 1000);
    const { line, column } = lineColumnAt(cut, cut.length);
    expect(errorOf(cut)).toContain(`at line ${line}, column ${column}`);
    expect(errorOf(cut)).toContain('Unexpected end of JSON input');
  });

  it('finds the place itself where the parser reports no position, and says so when it cannot', () => {
    expect(errorOf('{\n  "a": not json at all\n}')).toBe(
      "incident.rootline.json is not valid JSON at line 2, column 9: Unexpected token 'o'.",
    );
    expect(errorOf(`${'['.repeat(200_000)}x`)).toMatch(
      /is not valid JSON \(the JSON parser did not report the position\)/,
    );
  });

  it('rejects empty files, other apps, and bundles without a usable version', () => {
    expect(errorOf('  \n')).toBe('incident.rootline.json is empty.');
    expect(errorOf('{"type":"excalidraw","elements":[]}')).toMatch(/is not a Rootline bundle/);
    expect(errorOf('[1, 2, 3]')).toMatch(/is not a Rootline bundle/);
    expect(errorOf('{"format":"rootline-bundle","version":"1"}')).toMatch(/has no valid bundle version/);
  });

  it('refuses bundles from a newer Rootline', () => {
    expect(errorOf(GOOD.replace('"version": 2', '"version": 3'))).toBe(
      'incident.rootline.json was written by a newer Rootline (bundle version 3; this app reads up to 2). Update Rootline to open it.',
    );
  });

  it('lists the JSON paths of the first few schema problems', () => {
    const bad = GOOD.replace(/"at": \d+/g, '"at": "soon"').replace(
      '"severity": "SEV1"',
      '"severity": "SEV9"',
    );
    const error = errorOf(bad);
    expect(error).toMatch(/^incident\.rootline\.json is not a valid Rootline bundle: /);
    expect(error).toContain('incident.severity:');
    expect(error).toContain('events[0].at: expected number, received string');
    expect(error).toMatch(/and \d+ more\.$/);
  });

  it('reports referential problems', () => {
    expect(errorOf(GOOD.replace('"incidentId": "A-INC"', '"incidentId": "B-INC"'))).toMatch(
      /inconsistent references: events\[0\]\.incidentId: belongs to incident "B-INC", not "A-INC"/,
    );
    expect(errorOf(GOOD.replace('"id": "A-C1"', '"id": "A-C0"'))).toMatch(
      /duplicate id "A-C0" \(also used by causes\[0\]\)/,
    );
    expect(errorOf(GOOD.replace('"parentId": null', '"parentId": "A-C3"'))).toMatch(
      /cause tree has a cycle \(A-C\d/,
    );
    expect(errorOf(GOOD.replace('"parentId": "A-C1"', '"parentId": "A-NOPE"'))).toMatch(
      /parent cause "A-NOPE" is not in the bundle/,
    );
    expect(
      errorOf(GOOD.replace(/"importId":"A-IMP1","incidentId"/, '"importId":"A-X","incidentId"')),
    ).toMatch(/logBlocks\[0\]\.importId: import "A-X" is not in the bundle/);
  });

  it('keeps dangling soft references (deleted evidence) instead of refusing the file', () => {
    const result = parseBundle(GOOD.replace('"A-E1"\n', '"A-DELETED"\n'), 'a.rootline.json');
    expect(result.ok).toBe(true);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ format: 'rootline-bundle', version: 1, incident: v })),
        ),
        (text) => {
          const result = parseBundle(text, 'f.rootline.json');
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.startsWith('f.rootline.json ')).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
    expect(parseBundle('['.repeat(200_000), 'deep.json').ok).toBe(false);
    expect(parseBundle(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'deep.json').ok).toBe(false);
  });
});

describe('lineColumnAt', () => {
  it('counts lines and columns from 1', () => {
    expect(lineColumnAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('ab\n', 3)).toEqual({ line: 2, column: 1 });
    expect(lineColumnAt('ab', 99)).toEqual({ line: 1, column: 3 });
  });
});
