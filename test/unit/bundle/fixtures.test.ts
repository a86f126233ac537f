import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../../../shared/bundle/parse';
import { BUNDLE_VERSION } from '../../../shared/bundle/schema';
import { serializeBundle } from '../../../shared/bundle/serialize';
import { LogBlockV1, unpackLogRecords } from '../../../shared/domain';

const DIR = new URL('../../fixtures/bundles/', import.meta.url);
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.rootline.json'));
const read = (file: string): string => readFileSync(new URL(file, DIR), 'utf8');
const versionOf = (file: string): number => Number(/^v(\d+)-/.exec(file)?.[1]);

function reexport(text: string, file: string): string {
  const parsed = parseBundle(text, file);
  if (!parsed.ok) throw new Error(parsed.error);
  expect(parsed.meta.version).toBe(versionOf(file));
  return serializeBundle(parsed.snapshot, {
    exportedAt: parsed.meta.exportedAt,
    appVersion: parsed.meta.appVersion,
  });
}

/**
 * Bundles written by released versions (`v<version>-<name>.rootline.json`). Each must still
 * open; a file of the current version re-exports to the same bytes (a change to key order,
 * sorting or field names fails here, not in users' diffs); an older file re-exports to the
 * current-version file of the same name, with every raw record intact.
 */
describe('committed bundle fixtures', () => {
  it('exist, one of the current version at least', () => {
    expect(FILES.some((f) => versionOf(f) === BUNDLE_VERSION)).toBe(true);
  });

  for (const file of FILES) {
    it(`${file} opens and re-exports as the current version`, () => {
      const text = read(file);
      const current = `v${BUNDLE_VERSION}-${file.replace(/^v\d+-/, '')}`;
      expect(reexport(text, file)).toBe(read(current));
    });
  }

  it('a v1 bundle keeps every raw record when its blocks are packed', () => {
    for (const file of FILES.filter((f) => versionOf(f) === 1)) {
      const old = JSON.parse(read(file)) as { logBlocks: unknown[] };
      const parsed = parseBundle(read(file), file);
      if (!parsed.ok) throw new Error(parsed.error);
      const before = old.logBlocks.map((b) => LogBlockV1.parse(b).records);
      expect(before.flat().length).toBeGreaterThan(0);
      expect(parsed.snapshot.logBlocks.map(unpackLogRecords)).toEqual(before);
    }
  });
});
