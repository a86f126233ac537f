import { createLineSplitter, MAX_LINE_LENGTH } from './lines';
import type { LineSplitter } from './lines';
import { NO_ATTRS } from './formats/record';
import type { FieldMapping, FormatDef, ImportSink, LineParser, RawRecord, SplitRule } from './types';

/**
 * Parallel import, one segment of a file. A file of a format with a split rule is cut at byte
 * offsets snapped to line starts; segment k reads its own range [B(k), B(k+1)) and, past its
 * end, the lines up to the next record start. It begins at the first line of its range where
 * the rule says a record starts (segment 0 at the top) and stops at the first such line after
 * its range: both ends are chosen by the same rule over the same lines, so the segments cover
 * every line exactly once and each line is parsed in the state one parser would have had.
 * Line numbers are relative to the segment; the merge (merge.ts) adds the lines before it.
 */

/** What a worker is asked to parse: the format decided once on the file's head, and where. */
export interface SegmentTask {
  /** Format id (resolved on the head, never detected again by a worker). */
  format: string;
  zone: string;
  year: number | null;
  mapping: FieldMapping | null;
  /** The file's head (BOM dropped), as the split rule was decided on. */
  head: string;
  /** 0 for the segment at the top of the file. */
  index: number;
  /** Keep record attributes (they cost transfer time and only stored records use them). */
  keepAttrs: boolean;
}

/** Outcomes of a run of lines, in order: errors say how many of `records` came before them. */
export interface SegmentBatch {
  records: RawRecord[];
  errors: { before: number; line: number; reason: string }[];
  skipped: number;
  /**
   * Each record's pattern key (`patternKey`), worked out by the worker that parsed it, so the
   * thread that merges the records does not mask every message again (set by unpackBatch).
   */
  keys?: string[];
}

/** A segment's totals once it ended: its lines and the characters of its own byte range. */
export interface SegmentTotals {
  lines: number;
  chars: number;
}

/** Records per batch handed to `onBatch`. */
export const SEGMENT_BATCH_RECORDS = 2_000;

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Reads one segment's text (own range, then the tail past it) into batches of outcomes. */
export class SegmentReader {
  private state: 'seek' | 'parse' | 'done';
  private inTail = false;
  private atTop: boolean;
  private lines = 0;
  private chars = 0;
  private readonly parser: LineParser;
  private readonly splitter: LineSplitter;
  private batch: SegmentBatch = { records: [], errors: [], skipped: 0 };

  constructor(
    def: FormatDef,
    private readonly rule: SplitRule,
    task: SegmentTask,
    private readonly onBatch: (batch: SegmentBatch) => void,
  ) {
    const sink: ImportSink = {
      record: (raw) => {
        if (!task.keepAttrs) raw.attrs = NO_ATTRS;
        const records = this.batch.records;
        records.push(raw);
        if (records.length >= SEGMENT_BATCH_RECORDS) this.flush();
      },
      error: (line, reason) => {
        this.batch.errors.push({ before: this.batch.records.length, line, reason });
      },
      skip: () => {
        this.batch.skipped++;
      },
    };
    const ctx = {
      file: '',
      zone: task.zone,
      year: task.year,
      mapping: task.mapping,
      attrs: task.keepAttrs,
      sink,
    };
    const first = task.index === 0;
    this.atTop = first;
    this.state = first ? 'parse' : 'seek';
    // Segment 0 reads the top of the file with the format's own parser, like one parser would.
    this.parser = first && def.lines !== undefined ? def.lines(ctx) : rule.resume(ctx);
    this.splitter = createLineSplitter((text) => this.line(text), {
      bom: first,
      onTooLong: (_lineNo, length) => this.tooLong(length),
    });
  }

  /** Text of the segment's own byte range, in order. */
  pushOwn(chunk: string): void {
    this.chars += chunk.length;
    // The file's byte-order mark is not text (a decoder drops it; so does the count).
    if (this.atTop && chunk.length > 0) {
      this.atTop = false;
      if (chunk.charCodeAt(0) === 0xfeff) this.chars--;
    }
    this.splitter.push(chunk);
  }

  /** Text after the range. Returns false once the segment is complete (stop reading). */
  pushTail(chunk: string): boolean {
    this.inTail = true;
    if (this.state !== 'done') this.splitter.push(chunk);
    return this.state !== 'done';
  }

  /** Ends the segment (at the end of the file, or once pushTail returned false). */
  end(): SegmentTotals {
    if (this.state !== 'done') this.splitter.end();
    if (this.state !== 'seek') this.guard(0, () => this.parser.end());
    this.state = 'done';
    this.flush();
    return { lines: this.lines, chars: this.chars };
  }

  private starts(text: string): boolean {
    try {
      return this.rule.startsAt(text);
    } catch {
      return false;
    }
  }

  private line(text: string): void {
    if (this.state === 'done') return;
    if (this.state === 'seek') {
      // A segment whose range holds no record start is empty: the one before reads it all.
      if (this.inTail || !this.starts(text)) {
        if (this.inTail) this.state = 'done';
        return;
      }
      this.state = 'parse';
    } else if (this.inTail && this.starts(text)) {
      this.state = 'done';
      return;
    }
    const lineNo = ++this.lines;
    this.guard(lineNo, () => this.parser.line(text, lineNo));
  }

  private tooLong(length: number): void {
    if (this.state === 'seek' && this.inTail) this.state = 'done';
    if (this.state !== 'parse') return;
    const lineNo = ++this.lines;
    this.batch.errors.push({
      before: this.batch.records.length,
      line: lineNo,
      reason: `line too long (${length} characters; the limit is ${MAX_LINE_LENGTH})`,
    });
  }

  private guard(lineNo: number, run: () => void): void {
    try {
      run();
    } catch (e) {
      this.batch.errors.push({
        before: this.batch.records.length,
        line: lineNo,
        reason: `could not read: ${messageOf(e)}`,
      });
    }
  }

  private flush(): void {
    const b = this.batch;
    if (b.records.length === 0 && b.errors.length === 0 && b.skipped === 0) return;
    this.batch = { records: [], errors: [], skipped: 0 };
    this.onBatch(b);
  }
}

/** Random access to a file's bytes, decoded, for one segment (fs in the CLI, File in the app). */
export interface SegmentSource {
  /** The first line start at or after byte `offset`: 0 for 0, else just after a `\n`, else the size. */
  lineStart(offset: number): Promise<number>;
  /**
   * Decodes bytes [start, end) (end null: to the end of the file) as UTF-8, in order, chunk by
   * chunk; stops early once `each` returns false. A multi-byte character is never cut.
   */
  text(start: number, end: number | null, each: (chunk: string) => boolean): Promise<void>;
}

/**
 * Parses segment `task.index` of a file cut at byte offsets `from` and `to` (any bytes: both are
 * snapped to line starts here), handing batches of outcomes to `onBatch`.
 */
export async function readSegment(
  source: SegmentSource,
  def: FormatDef,
  rule: SplitRule,
  task: SegmentTask,
  from: number,
  to: number,
  onBatch: (batch: SegmentBatch) => void,
): Promise<SegmentTotals> {
  const reader = new SegmentReader(def, rule, task, onBatch);
  // Line 1 is segment 0's: no other segment starts at byte 0.
  const start = task.index === 0 ? 0 : await source.lineStart(Math.max(1, from));
  const end = await source.lineStart(Math.max(1, to));
  if (end > start) {
    await source.text(start, end, (chunk) => {
      reader.pushOwn(chunk);
      return true;
    });
  }
  await source.text(end, null, (chunk) => reader.pushTail(chunk));
  return reader.end();
}

/**
 * Byte offsets cutting a file of `size` bytes into `count` near-equal parts: [0, …, size].
 * The parts are snapped to line starts by the segments themselves.
 */
export function cutOffsets(size: number, count: number): number[] {
  const n = Math.max(1, Math.min(count, size));
  return Array.from({ length: n + 1 }, (_, i) => Math.round((size * i) / n));
}
