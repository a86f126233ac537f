import type { FileStats } from './file-reader';
import { unpackBatch } from './pack';
import type { PackedBatch } from './pack';
import type { SegmentBatch, SegmentTotals } from './segment';
import type { RawRecord } from './types';

/** A file whose lines were parsed apart in segments; the import takes their outcomes in order. */
export interface ParsedFile {
  /** One batch of a segment, its line numbers counted from `lineBase` (lines before it). */
  batch(batch: SegmentBatch, lineBase: number): void;
  /** The file's totals: every segment's lines and characters, and the zone check's verdict. */
  end(totals: SegmentTotals & { zoneAssumed: string | null }): void;
}

/**
 * Puts the segments of one file back in file order as they arrive from workers in any order:
 * segment k's batches go to the file as soon as every segment before it has ended (its line
 * base is then known); later ones wait here, still packed (a few typed arrays and strings, not
 * thousands of record objects that would outlive young-generation GC and be copied to the old
 * one). Folding, patterns, phases and findings so see the records exactly as one parser would
 * have produced them.
 */
export class SegmentMerger {
  private current = 0;
  private lineBase = 0;
  private chars = 0;
  private readonly waiting = new Map<number, (PackedBatch | SegmentBatch)[]>();
  private readonly ended = new Map<number, SegmentTotals>();

  constructor(
    private readonly count: number,
    private readonly file: ParsedFile,
    private readonly zoneAssumed: () => string | null,
  ) {}

  /** How many segments were handed over whole (the next one to merge). */
  get merged(): number {
    return this.current;
  }

  /** True once every segment ended and the file got its totals. */
  get done(): boolean {
    return this.current >= this.count;
  }

  /** A batch of segment `index`, packed as it crossed threads (or not, parsed on this one). */
  batch(index: number, batch: PackedBatch | SegmentBatch): void {
    if (index === this.current) {
      this.file.batch(unpacked(batch), this.lineBase);
      return;
    }
    let list = this.waiting.get(index);
    if (list === undefined) {
      list = [];
      this.waiting.set(index, list);
    }
    list.push(batch);
  }

  /** Segment `index` has sent all its batches. */
  end(index: number, totals: SegmentTotals): void {
    this.ended.set(index, totals);
    while (this.current < this.count) {
      const t = this.ended.get(this.current);
      if (t === undefined) return;
      this.ended.delete(this.current);
      this.lineBase += t.lines;
      this.chars += t.chars;
      this.current++;
      const queued = this.waiting.get(this.current);
      this.waiting.delete(this.current);
      for (const b of queued ?? []) this.file.batch(unpacked(b), this.lineBase);
    }
    this.file.end({ lines: this.lineBase, chars: this.chars, zoneAssumed: this.zoneAssumed() });
  }
}

function unpacked(batch: PackedBatch | SegmentBatch): SegmentBatch {
  return 'ints' in batch ? unpackBatch(batch) : batch;
}

/**
 * The ParsedFile of an import: each batch's records and errors in their order (a record's own
 * error, e.g. a time out of range, lands between them as with one parser), skips counted.
 */
export function parsedFile(
  tally: FileStats,
  record: (raw: RawRecord, line: number, key: string | undefined) => void,
  error: (tally: FileStats, line: number, reason: string) => void,
): ParsedFile {
  const at = (base: number, line: number): number => (line === 0 ? 0 : base + line);
  return {
    batch(b, base) {
      let e = 0;
      const errors = b.errors;
      const records = b.records;
      for (let i = 0; i < records.length; i++) {
        for (; e < errors.length && errors[e]!.before <= i; e++) {
          error(tally, at(base, errors[e]!.line), errors[e]!.reason);
        }
        const raw = records[i]!;
        record(raw, at(base, raw.source.line), b.keys?.[i]);
      }
      for (; e < errors.length; e++) error(tally, at(base, errors[e]!.line), errors[e]!.reason);
      tally.skipped += b.skipped;
    },
    end(totals) {
      tally.lines = totals.lines;
      tally.bytes = totals.chars;
      tally.zoneAssumed = totals.zoneAssumed;
    },
  };
}
