import { z } from 'zod';

/**
 * The format-file schema, as lnav documents it (https://lnav.org/schemas/format-v1.schema.json):
 * a JSON object whose keys are format names, each a definition with `regex`, `level`,
 * `timestamp-format`, `value`, `sample`… Keys that only change how lnav displays a log
 * (highlights, line-format, search tables…) are accepted and ignored; unknown keys are refused
 * so a typo (`timestamp_format`) is reported instead of silently doing nothing.
 */

/** lnav's level names, most verbose first. */
export const LNAV_LEVELS = [
  'trace',
  'debug5',
  'debug4',
  'debug3',
  'debug2',
  'debug',
  'info',
  'stats',
  'notice',
  'warning',
  'error',
  'critical',
  'fatal',
] as const;
export const LnavLevel = z.enum(LNAV_LEVELS);
export type LnavLevel = z.infer<typeof LnavLevel>;

export const VALUE_KINDS = [
  'string',
  'integer',
  'float',
  'boolean',
  'json',
  'struct',
  'quoted',
  'xml',
] as const;

const Value = z.object({
  kind: z.enum(VALUE_KINDS).optional(),
  identifier: z.boolean().optional(),
  'foreign-key': z.boolean().optional(),
  hidden: z.boolean().optional(),
  description: z.string().optional(),
  collate: z.string().optional(),
});

/**
 * One sample line. `level` is lnav's expected level. `expect` is Rootline's addition: the
 * time (ISO 8601 with offset), service and thread the line must parse to, so every sample is a
 * test of the whole header, not only of the regex.
 */
const Sample = z.strictObject({
  line: z.string().min(1, 'a sample line may not be empty'),
  level: LnavLevel.optional(),
  description: z.string().optional(),
  expect: z
    .strictObject({
      at: z.string().min(1),
      service: z.string().nullable().optional(),
      thread: z.string().nullable().optional(),
      body: z.string().optional(),
    })
    .optional(),
});

const Pattern = z.object({
  pattern: z.string().min(1, 'a pattern may not be empty'),
  'module-format': z.boolean().optional(),
});

/** Keys lnav uses for display, SQL tables or file selection: accepted, without effect here. */
const IGNORED = [
  'highlights',
  'line-format',
  'search-table',
  'tags',
  'partitions',
  'file-pattern',
  'file-type',
  'converter',
  'hide-extra',
  'ordered-by-time',
  'convert-to-local-time',
  'max-unrecognized-lines',
  'src-file-field',
  'src-line-field',
  'duration-field',
  'subid-field',
  'opid',
  'level-pointer',
  'timestamp-divisor',
  'action',
] as const;

export const FormatDefinition = z.strictObject({
  title: z.string().optional(),
  description: z.string().optional(),
  url: z.union([z.string(), z.array(z.string())]).optional(),
  json: z
    .literal(false, {
      message: 'JSON-lines formats are read by Rootline itself; a definition describes text lines',
    })
    .optional(),
  regex: z
    .record(z.string(), Pattern)
    .refine((r) => Object.keys(r).length > 0, 'at least one regex is needed'),
  'timestamp-field': z.string().optional(),
  'timestamp-format': z.array(z.string().min(1)).optional(),
  'subsecond-field': z.string().optional(),
  'subsecond-units': z.enum(['milli', 'micro', 'nano']).optional(),
  'time-field': z.string().optional(),
  'level-field': z.string().optional(),
  level: z.partialRecord(LnavLevel, z.union([z.string().min(1), z.number()])).optional(),
  'body-field': z.string().optional(),
  'opid-field': z.string().optional(),
  'thread-id-field': z.string().optional(),
  'module-field': z.string().optional(),
  multiline: z.boolean().optional(),
  value: z.record(z.string(), Value).optional(),
  sample: z.array(Sample).min(1, 'every format needs at least one sample line'),
  ...Object.fromEntries(IGNORED.map((k) => [k, z.unknown().optional()])),
});
export type FormatDefinition = z.infer<typeof FormatDefinition>;

/** A whole format file: `$schema` and one or more named definitions. */
export const FormatFile = z
  .object({ $schema: z.string().optional() })
  .catchall(FormatDefinition)
  .superRefine((file, ctx) => {
    const names = Object.keys(file).filter((k) => k !== '$schema');
    if (names.length === 0) ctx.addIssue({ code: 'custom', message: 'the file defines no format', path: [] });
    for (const name of names) {
      if (!/^\w+$/.test(name)) {
        ctx.addIssue({
          code: 'custom',
          message: `format name "${name}" may hold only letters, digits and _`,
          path: [name],
        });
      }
    }
  });
export type FormatFile = z.infer<typeof FormatFile>;
