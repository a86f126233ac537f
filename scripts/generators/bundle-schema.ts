/**
 * Writes schemas/rootline-bundle.schema.json from the zod bundle schema.
 * Run: npx tsx scripts/generators/bundle-schema.ts  (test/unit/bundle/jsonSchema.test.ts fails when it is stale)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { bundleJsonSchema } from '../../shared/bundle/jsonSchema';

const target = fileURLToPath(new URL('../../schemas/rootline-bundle.schema.json', import.meta.url));
const options = (await resolveConfig(target)) ?? {};
const text = await format(JSON.stringify(bundleJsonSchema(), null, 2), { ...options, parser: 'json' });
writeFileSync(target, text);
console.log(`wrote ${target}`);
