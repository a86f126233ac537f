import type { ImportStats } from '../domain/log';
import { createLineSplitter, MAX_LINE_LENGTH } from './lines';
import type { LineSplitter } from './lines';
import type { FieldMapping, FormatDef, ImportSink, LineParser, ParseContext, RawRecord } from './types';

/**
 * Accounting of one file, filled while it streams: the stored statistics of an import plus
 * what the import summary needs. For every file: lines = records + skipped + errorCount.
 * `bytes` here counts characters read (UTF-16 code units); the stored import keeps the file size.
 */
export interface FileStats extends ImportStats {
  file: string;
  format: string | null;
  /**
   * The zone the file's times were read in because they carry none (`2014-11-19 00:51:07`
   * with no offset); null when the times say their own zone or there were none to check.
   */
  zoneAssumed: string | null;
  /**
   * The year the file's times were read from because they carry none (RFC 3164 syslog) and the
   * import gave none: inferred from its capture time (see YearlessYears); null otherwise.
   */
  yearAssumed: number | null;
  /** Read as one whole document (a JSON document or archive), not line by line. */
  document: boolean;
  /** Records the source gave no time: they got the file's capture time (or the previous record's). */
  timeFallback: number;
  /** The file's capture time (its modification time) as given to the import; null = unknown. */
  capturedAt: number | null;
  /** Its records that became no event (kind `log`), by why: see RoutineCounts. */
  routine: RoutineCounts;
}

/**
 * Records kept as evidence only (kind `log`), by why: `format` — the format reads that kind of
 * record as evidence (a finished CI job, a Kubernetes Normal event); `warn` — a warning at its
 * pattern's usual rate (one becomes impact only in a burst above it); `plain` — at info or below,
 * or with no level, naming no failure, change, alert, mitigation or recovery.
 */
export interface RoutineCounts {
  format: number;
  warn: number;
  plain: number;
}

/** A file's tally before any of it was read. */
export function newTally(file: string): FileStats {
  return {
    file,
    format: null,
    lines: 0,
    records: 0,
    skipped: 0,
    errorCount: 0,
    bytes: 0,
    firstAt: null,
    lastAt: null,
    zoneAssumed: null,
    yearAssumed: null,
    document: false,
    timeFallback: 0,
    capturedAt: null,
    routine: { format: 0, warn: 0, plain: 0 },
  };
}

/** Lines (or, for whole-file formats, records) checked for times without a zone. */
export const ZONE_PROBE_RECORDS = 200;
/** Whole-file formats larger than this are not parsed a second time for the zone check. */
const ZONE_PROBE_MAX_CHARS = 4_000_000;

/** A zone whose offset differs from `zone`'s, to tell times with a zone from times without. */
export function probeZoneFor(zone: string): string {
  return zone === 'Pacific/Kiritimati' || zone === 'Etc/GMT-14' ? 'Pacific/Pago_Pago' : 'Pacific/Kiritimati';
}

export interface ReaderHooks {
  /** The format for this file given its first few KB, or why there is none. */
  resolve(head: string): FormatDef | string;
  record(tally: FileStats, raw: RawRecord): void;
  error(tally: FileStats, line: number, reason: string): void;
}

/** How much of a file format detection sees. */
export const HEAD_SIZE = 4_096;

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Feeds one file to its format: buffers the head until the format is known, then streams
 * lines through the splitter (line formats) or collects the text (document/archive formats).
 * Parser exceptions become errors on the line that caused them.
 */
export class FileReader {
  readonly tally: FileStats;
  private state: 'head' | 'lines' | 'document' | 'failed' | 'ended' = 'head';
  private chunks: string[] = [];
  private headLength = 0;
  private def: FormatDef | null = null;
  private parser: LineParser | null = null;
  private splitter: LineSplitter | null = null;
  private readonly ctx: ParseContext;
  /* The zone check: the first records' times as read in the import's zone and in another one.
   * A time that moves with the zone had none of its own. */
  private readonly seenAt = new Map<number, number>();
  private readonly probeAt = new Map<number, number>();
  private probe: LineParser | null = null;

  constructor(
    name: string,
    options: {
      zone: string;
      year?: number | null;
      mapping?: FieldMapping | null;
      capturedAt?: number | null;
      /** Whether records' attributes are kept (ParseContext.attrs); default true. */
      attrs?: boolean;
    },
    private readonly hooks: ReaderHooks,
  ) {
    this.tally = newTally(name);
    this.tally.capturedAt = options.capturedAt ?? null;
    const tally = this.tally;
    const seenAt = this.seenAt;
    const sink: ImportSink = {
      record: (raw) => {
        if (seenAt.size < ZONE_PROBE_RECORDS) seenAt.set(seenAt.size, raw.at);
        if (raw.timeFallback === true) tally.timeFallback++;
        hooks.record(tally, raw);
      },
      error: (line, reason) => hooks.error(tally, line, reason),
      skip: () => {
        tally.skipped++;
      },
    };
    this.ctx = {
      file: name,
      zone: options.zone,
      year: options.year ?? null,
      mapping: options.mapping ?? null,
      capturedAt: options.capturedAt ?? null,
      attrs: options.attrs ?? true,
      sink,
      yearAssumed: (year) => {
        tally.yearAssumed ??= year;
      },
    };
  }

  push(chunk: string): void {
    if (typeof chunk !== 'string' || chunk.length === 0) return;
    this.tally.bytes += chunk.length;
    if (this.state === 'head') {
      this.chunks.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength >= HEAD_SIZE) this.start();
    } else if (this.state === 'lines') {
      this.splitter?.push(chunk);
    } else if (this.state === 'document') {
      this.chunks.push(chunk);
    }
  }

  end(): void {
    if (this.state === 'head') this.start();
    if (this.state === 'lines') {
      this.splitter?.end();
      this.guard(0, () => this.parser?.end());
      this.endProbe();
    } else if (this.state === 'document') {
      const text = this.chunks.join('');
      this.chunks = [];
      const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      this.runWhole(body);
      if (body.length <= ZONE_PROBE_MAX_CHARS) this.probeWhole(body);
    }
    this.state = 'ended';
    this.decideZone();
  }

  /** A context like the file's own, in another zone, whose records only note their time. */
  private probeContext(): ParseContext {
    const probeAt = this.probeAt;
    // The probe's records are not the file's: it tells the tally nothing.
    const { yearAssumed: _own, ...ctx } = this.ctx;
    return {
      ...ctx,
      zone: probeZoneFor(this.ctx.zone),
      sink: {
        record: (raw) => {
          if (probeAt.size < ZONE_PROBE_RECORDS) probeAt.set(probeAt.size, raw.at);
        },
        error: () => undefined,
        skip: () => undefined,
      },
    };
  }

  private probeLine(line: string, lineNo: number): void {
    if (this.probe === null) return;
    if (lineNo > ZONE_PROBE_RECORDS || this.probeAt.size >= ZONE_PROBE_RECORDS) {
      this.endProbe();
      return;
    }
    try {
      this.probe.line(line, lineNo);
    } catch {
      // The file's own parser reports the line.
    }
  }

  private endProbe(): void {
    const probe = this.probe;
    this.probe = null;
    try {
      probe?.end();
    } catch {
      // as above
    }
  }

  private probeWhole(text: string): void {
    const def = this.def;
    if (def === null || def.mode !== 'document' || def.document === undefined) return;
    try {
      def.document(text, this.probeContext());
    } catch {
      // as above
    }
  }

  private decideZone(): void {
    for (const [i, at] of this.probeAt) {
      const seen = this.seenAt.get(i);
      if (seen !== undefined && seen !== at) {
        this.tally.zoneAssumed = this.ctx.zone;
        return;
      }
    }
  }

  /** Unpacked archive entries (Slack export). Only archive formats read them as one. */
  entries(entries: { path: string; text: string }[]): void {
    const head = entries
      .map((e) => e.path)
      .join('\n')
      .slice(0, HEAD_SIZE);
    const def = this.hooks.resolve(head);
    this.state = 'ended';
    if (typeof def === 'string') return this.fail(def);
    this.tally.format = def.id;
    this.tally.document = true;
    for (const e of entries) this.tally.bytes += e.text.length;
    if (def.mode !== 'archive' || def.archive === undefined) {
      return this.fail(`format "${def.id}" does not read archives; add the entries as separate files`);
    }
    const archive = def.archive.bind(def);
    this.guard(0, () => archive(entries, this.ctx));
    this.balanceWhole();
  }

  private start(): void {
    const text = this.chunks.join('');
    this.chunks = [];
    const head = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).slice(0, HEAD_SIZE);
    const def = this.hooks.resolve(head);
    if (typeof def === 'string') return this.fail(def);
    this.def = def;
    this.tally.format = def.id;
    if (def.mode === 'lines' && def.lines !== undefined) {
      const parser = def.lines(this.ctx);
      this.parser = parser;
      this.probe = def.lines(this.probeContext());
      this.state = 'lines';
      this.splitter = createLineSplitter(
        (line, lineNo) => {
          this.tally.lines++;
          // Hot path: no closure per line.
          try {
            parser.line(line, lineNo);
          } catch (e) {
            this.hooks.error(this.tally, lineNo, `could not read: ${messageOf(e)}`);
          }
          if (this.probe !== null) this.probeLine(line, lineNo);
        },
        {
          onTooLong: (lineNo, length) => {
            this.tally.lines++;
            this.hooks.error(
              this.tally,
              lineNo,
              `line too long (${length} characters; the limit is ${MAX_LINE_LENGTH})`,
            );
          },
        },
      );
      this.splitter.push(text);
    } else {
      this.state = 'document';
      this.tally.document = true;
      this.chunks.push(text);
    }
  }

  private runWhole(text: string): void {
    const def = this.def;
    if (def === null) return;
    if (def.mode === 'archive' && def.archive !== undefined) {
      const archive = def.archive.bind(def);
      this.guard(0, () => archive([{ path: this.tally.file, text }], this.ctx));
    } else if (def.document !== undefined) {
      const doc = def.document.bind(def);
      this.guard(0, () => doc(text, this.ctx));
    } else {
      this.fail(`format "${def.id}" cannot read this file`);
      return;
    }
    this.balanceWhole();
  }

  /* Whole-file formats have no physical lines to count: their "lines" are the records seen. */
  private balanceWhole(): void {
    const t = this.tally;
    t.lines = t.records + t.skipped + t.errorCount;
  }

  private fail(reason: string): void {
    this.state = 'failed';
    this.hooks.error(this.tally, 0, reason);
  }

  private guard(line: number, run: () => void): void {
    try {
      run();
    } catch (e) {
      this.hooks.error(this.tally, line, `could not read: ${messageOf(e)}`);
    }
  }
}
