import { HEAD_SIZE } from './file-reader';
import type { Import } from './importer';
import { createLineSplitter } from './lines';
import { SegmentMerger } from './merge';
import { createZoneProbe } from './probe';
import { cutOffsets } from './segment';
import type { PackedBatch } from './pack';
import type { SegmentBatch, SegmentSource, SegmentTask, SegmentTotals } from './segment';
import type { FieldMapping, FormatDef, SplitRule } from './types';

/** Segments are at most this big: more segments than workers keep the merge's queue short. */
export const SEGMENT_BYTES = 4 * 1024 * 1024;
/** Bytes read for a split plan's head (format detection sees its first HEAD_SIZE characters). */
export const HEAD_BYTES = 64 * 1024;

/**
 * Where a file of `size` bytes read by `workers` workers is cut: at least one segment per
 * worker, none over SEGMENT_BYTES ([0, …, size]; the segments snap them to line starts).
 */
export function segmentOffsets(size: number, workers: number): number[] {
  return cutOffsets(size, Math.max(workers, Math.ceil(size / SEGMENT_BYTES)));
}

/** How a file is read in segments: its format and rule, decided once on its head. */
export interface SplitPlan {
  def: FormatDef;
  rule: SplitRule;
  /** Every segment's task but its index. */
  task: Omit<SegmentTask, 'index'>;
}

/** The options a file is read with (the import's, or the file's own). */
export interface SplitOptions {
  format: string | null;
  zone: string;
  year: number | null;
  mapping: FieldMapping | null;
  keepAttrs: boolean;
}

/** The head format detection sees, from a file's first text (at least HEAD_SIZE characters). */
export function headOf(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).slice(0, HEAD_SIZE);
}

/**
 * Whether a file may be read in segments, decided once on its head: its format (requested or
 * detected, as one parser would) reads lines and has a split rule for this head and context.
 * Null: read it with one parser (a JSON document, CSV, a yearless syslog, an unknown format…).
 */
export function planSplit(imp: Import, name: string, head: string, options: SplitOptions): SplitPlan | null {
  const def = imp.formatOf(name, head, options.format);
  if (typeof def === 'string' || def.mode !== 'lines' || def.lines === undefined) return null;
  const ctx = {
    file: name,
    zone: options.zone,
    year: options.year,
    mapping: options.mapping,
    sink: { record: () => undefined, error: () => undefined, skip: () => undefined },
  };
  const rule = def.split?.(head, ctx) ?? null;
  if (rule === null) return null;
  const task = {
    format: def.id,
    zone: options.zone,
    year: options.year,
    mapping: options.mapping,
    head,
    keepAttrs: options.keepAttrs,
  };
  return { def, rule, task };
}

/**
 * Runs segment `index` over bytes [from, to) somewhere (a worker, or this thread) and reports its
 * batches, packed when they crossed threads.
 */
export type RunSegment = (
  index: number,
  from: number,
  to: number,
  onBatch: (batch: PackedBatch | SegmentBatch) => void,
) => Promise<SegmentTotals>;

/**
 * Imports one file in segments cut at `offsets` ([0, …, size]): checks its zone on the first
 * lines, runs the segments (in parallel through `run`, at most `ahead` past the last one
 * merged) and merges them in file order, so the import's result is the one a single parser gives.
 */
export async function importInSegments(
  imp: Import,
  name: string,
  plan: SplitPlan,
  source: SegmentSource,
  offsets: readonly number[],
  run: RunSegment,
  ahead: number,
): Promise<void> {
  const probe = createZoneProbe(plan.def, plan.task);
  let more = true;
  // Numbered by the splitter, too-long lines included, as the one-parser read numbers them.
  const splitter = createLineSplitter(
    (text, lineNo) => {
      if (more) more = probe.line(text, lineNo);
    },
    { onTooLong: () => undefined },
  );
  await source.text(0, null, (chunk) => {
    splitter.push(chunk);
    return more;
  });
  if (more) splitter.end();
  const zone = probe.result();
  const count = offsets.length - 1;
  const merger = new SegmentMerger(count, imp.addParsed(name, plan.def.id), () => zone);
  // At most `ahead` segments past the last one merged run or wait: the merge's queue (and so
  // memory) stays bounded when workers outpace it.
  await new Promise<void>((resolve, reject) => {
    let next = 0;
    let ended = 0;
    let failed = false;
    const fill = (): void => {
      while (!failed && next < count && next < merger.merged + Math.max(1, ahead)) {
        const i = next++;
        run(i, offsets[i]!, offsets[i + 1]!, (b) => merger.batch(i, b)).then(
          (totals) => {
            merger.end(i, totals);
            if (++ended === count) resolve();
            else fill();
          },
          (e: unknown) => {
            failed = true;
            reject(e instanceof Error ? e : new Error(String(e)));
          },
        );
      }
    };
    if (count === 0) resolve();
    else fill();
  });
}
