import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { getFormat } from '../../../../shared/import/formats/index';
import { createLineSplitter } from '../../../../shared/import/lines';
import type { FieldMapping, FormatDef, ParseContext, RawRecord } from '../../../../shared/import/types';

export const FIXTURES = join(__dirname, '../../../fixtures/logs');

export interface Outcome {
  records: RawRecord[];
  errors: { line: number; reason: string }[];
  skipped: number[];
  lines: number;
}

export interface RunOptions {
  zone?: string;
  year?: number | null;
  mapping?: FieldMapping | null;
  /** Feed the text in chunks of this size (line formats). */
  chunk?: number;
  /** The file's capture time (epoch ms), for records without a time. */
  capturedAt?: number | null;
  /** ParseContext.attrs: false when no one keeps record attributes. */
  attrs?: boolean;
}

export function format(id: string): FormatDef {
  const f = getFormat(id);
  if (f === undefined) throw new Error(`no format ${id}`);
  return f;
}

function context(file: string, out: Outcome, o: RunOptions): ParseContext {
  return {
    file,
    zone: o.zone ?? 'UTC',
    year: o.year ?? null,
    mapping: o.mapping ?? null,
    capturedAt: o.capturedAt ?? null,
    ...(o.attrs === undefined ? {} : { attrs: o.attrs }),
    sink: {
      record: (r) => out.records.push(r),
      error: (line, reason) => out.errors.push({ line, reason }),
      skip: (line) => out.skipped.push(line),
    },
  };
}

/** Runs a format over text the way the pipeline does (line splitter for line formats). */
export function runText(id: string, text: string, o: RunOptions = {}, file = 'input'): Outcome {
  const out: Outcome = { records: [], errors: [], skipped: [], lines: 0 };
  const f = format(id);
  const ctx = context(file, out, o);
  if (f.mode === 'document' && f.document) {
    f.document(text, ctx);
    return out;
  }
  if (!f.lines) throw new Error(`${id} has no line parser`);
  const parser = f.lines(ctx);
  const splitter = createLineSplitter((t, n) => {
    out.lines++;
    parser.line(t, n);
  });
  const size = o.chunk ?? text.length;
  for (let i = 0; i < text.length; i += Math.max(1, size))
    splitter.push(text.slice(i, i + Math.max(1, size)));
  splitter.end();
  parser.end();
  return out;
}

export function runFixture(id: string, name: string, o: RunOptions = {}): Outcome {
  if (name.endsWith('.zip')) {
    const out: Outcome = { records: [], errors: [], skipped: [], lines: 0 };
    const files = unzipSync(new Uint8Array(readFileSync(join(FIXTURES, name))));
    const entries = Object.entries(files)
      .filter(([path]) => !path.endsWith('/'))
      .map(([path, data]) => ({ path, text: strFromU8(data) }));
    format(id).archive?.(entries, context(name, out, o));
    return out;
  }
  return runText(id, readFileSync(join(FIXTURES, name), 'utf8'), o, name);
}

export function iso(at: number | null): string | null {
  return at === null ? null : new Date(at).toISOString();
}

export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}
