import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleJsonSchema } from '../../../shared/bundle/jsonSchema';

const FILE = new URL('../../../schemas/rootline-bundle.schema.json', import.meta.url);

describe('schemas/rootline-bundle.schema.json', () => {
  it('is up to date with the zod schema (regenerate: npx tsx scripts/gen-bundle-schema.ts)', () => {
    const committed = JSON.parse(readFileSync(FILE, 'utf8')) as unknown;
    expect(committed).toEqual(bundleJsonSchema());
  });

  it('describes every collection and the version marker', () => {
    const schema = bundleJsonSchema() as {
      properties: Record<string, { const?: unknown }>;
      required: string[];
    };
    expect(schema.properties.format?.const).toBe('rootline-bundle');
    expect(schema.properties.version?.const).toBe(2);
    for (const key of [
      'incident',
      'events',
      'imports',
      'logBlocks',
      'causes',
      'comments',
      'actions',
      'sections',
    ]) {
      expect(schema.required).toContain(key);
    }
  });
});
