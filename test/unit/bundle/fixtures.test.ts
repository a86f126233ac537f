import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../../../shared/bundle/parse';
import { serializeBundle } from '../../../shared/bundle/serialize';

const DIR = new URL('../../fixtures/bundles/', import.meta.url);
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.rootline.json'));

/**
 * Bundles written by released versions. Each must still open, and a v1 file must re-export to
 * the same bytes: a change to key order, sorting or field names fails here, not in users' diffs.
 */
describe('committed bundle fixtures', () => {
  it('exist', () => {
    expect(FILES.length).toBeGreaterThan(0);
  });

  for (const file of FILES) {
    it(`${file} opens and re-exports byte-identically`, () => {
      const text = readFileSync(new URL(file, DIR), 'utf8');
      const parsed = parseBundle(text, file);
      if (!parsed.ok) throw new Error(parsed.error);
      expect(parsed.meta.version).toBe(1);
      const again = serializeBundle(parsed.snapshot, {
        exportedAt: parsed.meta.exportedAt,
        appVersion: parsed.meta.appVersion,
      });
      expect(again).toBe(text);
    });
  }
});
