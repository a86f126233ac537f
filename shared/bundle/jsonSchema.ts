import { z } from 'zod';
import { BUNDLE_VERSION, Bundle } from './schema';

/**
 * The bundle format as a JSON Schema (draft 2020-12), generated from the zod schema so the
 * two cannot drift. It describes what Rootline accepts (`io: 'input'`), for other tools that
 * read or write bundles. scripts/generators/bundle-schema.ts writes it to schemas/.
 */
export function bundleJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(Bundle, { io: 'input', target: 'draft-2020-12' });
  return {
    $schema: generated.$schema,
    title: `Rootline bundle (version ${BUNDLE_VERSION})`,
    description:
      'One incident with all its rows (.rootline.json). Rootline writes every field listed here; ' +
      'when reading it also accepts files that leave out empty lists and optional fields, and ignores unknown keys.',
    ...generated,
  };
}
