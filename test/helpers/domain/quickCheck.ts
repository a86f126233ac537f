import fc from 'fast-check';
import { expect } from 'vitest';
import type { z } from 'zod';

/**
 * Checks a quick row check against its zod schema (the quick one must accept exactly what the
 * schema accepts): on `base` (valid), on `base` with each field given each of `values`, and on
 * random mixes of those values.
 */
export function expectAgreesWithSchema(
  quick: (row: unknown) => boolean,
  schema: z.ZodType,
  base: object,
  values: Record<string, unknown[]>,
): void {
  const bySchema = (row: unknown) => schema.safeParse(row).success;
  expect(quick(base)).toBe(true);
  expect(bySchema(base)).toBe(true);
  const fields = Object.keys(values);
  for (const field of fields)
    for (const value of values[field]!) {
      const row = { ...base, [field]: value };
      expect([field, value, quick(row)]).toEqual([field, value, bySchema(row)]);
    }
  const mix = fc.dictionary(fc.constantFrom(...fields), fc.nat()).map((picks) => {
    const row: Record<string, unknown> = { ...base };
    for (const [field, k] of Object.entries(picks)) {
      const choices = values[field]!;
      row[field] = choices[k % choices.length];
    }
    return row;
  });
  fc.assert(
    fc.property(mix, (row) => {
      expect(quick(row)).toBe(bySchema(row));
    }),
    { numRuns: 500 },
  );
}
