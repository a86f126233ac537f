import type { z } from 'zod';

/** The columns of a stored log block, as the schema has parsed them (types only). */
export interface LogBlockColumns {
  firstAt: number;
  lastAt: number;
  strings: string[];
  at: number[];
  level: number[];
  kind: number[];
  service: number[];
  region: number[];
  file: number[];
  line: number[];
  message: string[];
  shape: number[];
  shapes: number[][];
  values: unknown[];
}

/** One problem of a block, for the schema to report at `path`. */
export interface ColumnIssue {
  path: (string | number)[];
  message: string;
}

const COLUMNS = ['level', 'kind', 'service', 'region', 'file', 'line', 'message', 'shape'] as const;

/**
 * What the column schema alone cannot say: every column has one entry per record, every index
 * points into `strings` / `shapes`, levels and kinds name known values, services and regions are
 * labels, times stay within the block's bounds, lines never go below 0, and `values` holds
 * exactly the attribute values the shapes call for. A block that passes decodes without a
 * single undefined, so no view ever meets a half record.
 */
export function checkLogBlockColumns(
  block: LogBlockColumns,
  known: {
    levels: readonly string[];
    kinds: readonly string[];
    label: z.ZodType<string>;
    /** What the `at` column counts from, given the bounds. */
    base: (firstAt: number, lastAt: number) => number;
  },
): ColumnIssue[] {
  const issues: ColumnIssue[] = [];
  const n = block.at.length;
  for (const column of COLUMNS) {
    if (block[column].length !== n)
      issues.push({ path: [column], message: `has ${block[column].length} entries for ${n} records` });
  }
  if (issues.length > 0) return issues;
  if (block.lastAt < block.firstAt) issues.push({ path: ['lastAt'], message: 'is before firstAt' });
  const base = known.base(block.firstAt, block.lastAt);
  const firstBad = (
    column: 'level' | 'kind' | 'service' | 'region' | 'file',
    ok: (value: number) => boolean,
    message: string,
  ): void => {
    const i = block[column].findIndex((v) => !ok(v));
    if (i >= 0) issues.push({ path: [column, i], message });
  };
  const names = block.strings.length;
  const named = (allowed: readonly string[]) => (i: number) =>
    i >= 0 && i < names && allowed.includes(block.strings[i]!);
  const labelOrNull = (i: number) =>
    i === -1 || (i < names && known.label.safeParse(block.strings[i]).success);
  const outside = block.at.findIndex((ms) => base + ms < block.firstAt || base + ms > block.lastAt);
  if (outside >= 0) issues.push({ path: ['at', outside], message: 'is outside the block’s firstAt…lastAt' });
  firstBad('level', (i) => i === -1 || named(known.levels)(i), 'is not the index of a log level');
  firstBad('kind', named(known.kinds), 'is not the index of an event kind');
  firstBad('service', labelOrNull, 'is not the index of a label (at most 200 characters)');
  firstBad('region', labelOrNull, 'is not the index of a label (at most 200 characters)');
  firstBad('file', (i) => i < names, 'is not an index into strings');
  let line = 0;
  const badLine = block.line.findIndex((delta) => {
    line += delta;
    return line < 0 || !Number.isSafeInteger(line);
  });
  if (badLine >= 0) issues.push({ path: ['line', badLine], message: 'makes the source line negative' });
  for (const [s, keys] of block.shapes.entries()) {
    const k = keys.findIndex((i) => i >= names);
    if (k >= 0) issues.push({ path: ['shapes', s, k], message: 'is not an index into strings' });
  }
  let wanted = 0;
  const badShape = block.shape.findIndex((s) => {
    const keys = block.shapes[s];
    wanted += keys?.length ?? 0;
    return keys === undefined;
  });
  if (badShape >= 0) issues.push({ path: ['shape', badShape], message: 'is not an index into shapes' });
  else if (wanted !== block.values.length)
    issues.push({
      path: ['values'],
      message: `has ${block.values.length} values; the shapes call for ${wanted}`,
    });
  return issues;
}
