import type { Attrs } from '../../domain';
import type { TimeOptions } from '../../time/parse';
import { YearlessYears } from '../../time/yearless';
import { MAX_CONTINUATION_CHARS, readTextLine } from '../formats/text';
import { isBlank, makeRecord, timeOptions } from '../formats/record';
import type { FormatDef, LineParser, ParseContext, RawRecord } from '../types';
import type { CompiledTextFormat } from './compile';
import { parseLine } from './parse';
import type { LineOptions } from './parse';

/** How many head lines detection looks at. */
const DETECT_LINES = 30;

/**
 * A streaming line parser for one definition. Lines the definition matches become records
 * (body as message; level, service, thread, opid and the other captures parsed out of the
 * header). Lines it does not match continue the previous record when they are indented or
 * carry no timestamp (stack traces); otherwise the hand-written text reader reads them, so a
 * stray line format never loses a record.
 */
export function definitionParser(f: CompiledTextFormat, ctx: ParseContext): LineParser {
  const base = timeOptions(ctx);
  const reference = ctx.capturedAt ?? Date.now();
  // A format whose times all carry a year reads them in it; the given year stands for any other.
  const given = ctx.year ?? (f.hasYear ? new Date(reference).getUTCFullYear() : null);
  const fixed: LineOptions | null = given === null ? null : { zone: ctx.zone, year: given };
  const years = new YearlessYears(null, reference, ctx.yearAssumed);
  /* A yearless format's line, read in the year its place in the file says. */
  const inferred = (text: string): ReturnType<typeof parseLine> => {
    let parsed = null as ReturnType<typeof parseLine>;
    years.next((year) => {
      const p = parseLine(f, text, { zone: ctx.zone, year });
      if (p !== null && (p.at !== null || parsed === null)) parsed = p;
      return p?.at ?? null;
    });
    return parsed;
  };
  let pending: RawRecord | null = null;
  let pendingLine = '';
  let extra: string[] = [];
  let extraChars = 0;

  const flush = (): void => {
    if (pending === null) return;
    // A header-only line (`=ERROR REPORT==== … ===`) takes its message from the lines after it.
    if (pending.message === '') pending.message = extra.length > 0 ? extra.join('\n') : pendingLine;
    else if (extra.length > 0) pending.message = `${pending.message}\n${extra.join('\n')}`;
    ctx.sink.record(pending);
    pending = null;
    extra = [];
    extraChars = 0;
  };

  const continuation = (text: string, lineNo: number, reason: string): void => {
    if (pending === null || !f.multiline) {
      ctx.sink.error(lineNo, reason);
      return;
    }
    if (extraChars < MAX_CONTINUATION_CHARS) {
      extra.push(text);
      extraChars += text.length;
    }
    ctx.sink.skip(lineNo);
  };

  return {
    line(text, lineNo) {
      if (isBlank(text)) {
        ctx.sink.skip(lineNo);
        return;
      }
      const indented = text.charCodeAt(0) === 32 || text.charCodeAt(0) === 9;
      const parsed = fixed === null ? inferred(text) : parseLine(f, text, fixed);
      if (parsed === null) {
        const read = indented && pending !== null ? null : readTextLine(text, base);
        if (read === null) {
          continuation(text, lineNo, `the line fits no regex of format "${f.name}" and has no timestamp`);
          return;
        }
        flush();
        pending = makeRecord(ctx, lineNo, read.at, read.message, {
          level: read.level,
          service: read.service,
          attrs: read.attrs,
        });
        return;
      }
      if (parsed.at === null) {
        ctx.sink.error(lineNo, `unreadable time "${parsed.timestampText}" (format "${f.name}")`);
        return;
      }
      flush();
      const attrs: Attrs = parsed.fields;
      if (parsed.thread !== null) attrs.thread = parsed.thread;
      if (parsed.opid !== null) attrs.opid = parsed.opid;
      pendingLine = text;
      pending = makeRecord(ctx, lineNo, parsed.at, parsed.body, {
        level: parsed.level,
        service: parsed.service,
        attrs,
      });
    },
    end() {
      flush();
    },
  };
}

/**
 * True when the definition's parser starts a record at this line whatever it held before:
 * the definition reads a time there, or (not indented) the generic text reader does.
 */
function startsDefinitionRecord(
  f: CompiledTextFormat,
  line: string,
  opts: LineOptions,
  base: TimeOptions,
): boolean {
  if (isBlank(line)) return false;
  const parsed = parseLine(f, line, opts);
  if (parsed !== null) return parsed.at !== null;
  const c = line.charCodeAt(0);
  return c !== 32 && c !== 9 && readTextLine(line, base) !== null;
}

/** How well a definition fits a file head: share of record lines matched, then specificity. */
export interface DefinitionScore {
  /** Matched lines / lines that start a record (indented and blank lines are left out). */
  share: number;
  /** Mean share of each matched line the header explained, 0..1. */
  specificity: number;
}

/** Scores a definition on the first lines of a file. */
export function scoreDefinition(f: CompiledTextFormat, head: string): DefinitionScore {
  const lines = head.split(/\r?\n/);
  // The last line of a head may be cut in the middle.
  if (lines.length > 1) lines.pop();
  const opts: LineOptions = { zone: 'UTC', year: 2000 };
  let considered = 0;
  let matched = 0;
  let header = 0;
  for (const line of lines) {
    if (considered >= DETECT_LINES) break;
    if (isBlank(line)) continue;
    const c = line.charCodeAt(0);
    if (c === 32 || c === 9) continue;
    considered++;
    const p = parseLine(f, line, opts);
    if (p === null || p.at === null) continue;
    // A definition that reads a line worse than the generic reader (it loses the level the
    // generic reader finds, e.g. takes "ERROR" for a host name) does not fit that line.
    if (p.level === null && readTextLine(line, { zone: 'UTC', year: 2000 })?.level) continue;
    matched++;
    header += p.headerShare;
  }
  if (considered === 0 || matched === 0) return { share: 0, specificity: 0 };
  return { share: matched / considered, specificity: header / matched };
}

/**
 * Confidence for detection from a score. A definition that fits every line of the head gets
 * 0.85–0.95 (specificity breaks ties), above the hand-written line detectors (access log 0.9,
 * Apache error 0.85, syslog 0.75): it describes its lines completely. One that fits only part
 * of the head (at least half) gets 0.5–0.75, enough to beat the generic text reader (≤ 0.45)
 * but not a hand-written format that may read the other lines too.
 */
export function confidenceOf(s: DefinitionScore): number {
  if (s.share < 0.5) return 0;
  if (s.share === 1) return 0.85 + 0.1 * s.specificity;
  return 0.3 + 0.4 * s.share + 0.05 * s.specificity;
}

/** The registry entry of a definition: id = the definition's name. */
export function definitionFormat(f: CompiledTextFormat): FormatDef {
  return {
    id: f.name,
    label: f.title,
    mode: 'lines',
    detect(head) {
      return confidenceOf(scoreDefinition(f, head));
    },
    lines(ctx) {
      return definitionParser(f, ctx);
    },
    split(_head, ctx) {
      // A yearless format's year is inferred from the lines before: read by one parser.
      if (ctx.year === null && !f.hasYear) return null;
      const opts: LineOptions = { zone: ctx.zone, year: ctx.year ?? new Date().getUTCFullYear() };
      const base = timeOptions(ctx);
      return {
        startsAt: (line) => startsDefinitionRecord(f, line, opts, base),
        resume: (resumed) => definitionParser(f, resumed),
      };
    },
  };
}
