import { createLineSplitter } from '../../../../shared/import/lines';
import type { FormatDef, RawRecord } from '../../../../shared/import/types';

export interface Outcome {
  records: RawRecord[];
  errors: { line: number; reason: string }[];
  skipped: number[];
}

/** Runs a line format over a text, collecting records, errors and skipped lines. */
export function runWith(
  def: FormatDef,
  text: string,
  o: { zone?: string; year?: number | null } = {},
): Outcome {
  const out: Outcome = { records: [], errors: [], skipped: [] };
  const parser = def.lines!({
    file: 'test.log',
    zone: o.zone ?? 'UTC',
    year: o.year ?? null,
    mapping: null,
    sink: {
      record: (r) => out.records.push(r),
      error: (line, reason) => out.errors.push({ line, reason }),
      skip: (line) => out.skipped.push(line),
    },
  });
  const splitter = createLineSplitter((line, no) => parser.line(line, no));
  splitter.push(text);
  splitter.end();
  parser.end();
  return out;
}
