import type { Attrs, EventKind, LogLevel } from '../../domain';
import type { ChangeInfo, LineParser, ParseContext, RawRecord, SplitRule } from '../types';
import type { TimeOptions } from '../../time/parse';
import { notJson, tryParse } from './json';

/** Everything of a RawRecord beyond the required time, message and place. */
export interface RecordExtras {
  level?: LogLevel | null;
  service?: string | null;
  region?: string | null;
  attrs?: Attrs;
  kindHint?: EventKind | null;
  type?: string | null;
  change?: ChangeInfo | null;
  repeat?: number;
  endAt?: number | null;
  injected?: boolean;
  timeFallback?: boolean;
}

/** The attributes of a record that has none (or whose attributes no one keeps): one, frozen. */
export const NO_ATTRS: Attrs = Object.freeze({});

/** Builds a RawRecord with every field set (one object shape keeps the hot path monomorphic). */
export function makeRecord(
  ctx: ParseContext,
  line: number,
  at: number,
  message: string,
  x: RecordExtras,
): RawRecord {
  return {
    at,
    level: x.level ?? null,
    message,
    service: x.service ?? null,
    region: x.region ?? null,
    attrs: x.attrs ?? NO_ATTRS,
    source: { file: ctx.file, line },
    kindHint: x.kindHint ?? null,
    type: x.type ?? null,
    change: x.change ?? null,
    repeat: x.repeat ?? 1,
    endAt: x.endAt ?? null,
    injected: x.injected ?? false,
    timeFallback: x.timeFallback ?? false,
  };
}

/** Zone and year from the context, for the time parsers. */
export function timeOptions(ctx: ParseContext): TimeOptions {
  return { zone: ctx.zone, year: ctx.year };
}

/** True for lines that are comments by convention in log files (`#`, `//`). */
export function isComment(line: string): boolean {
  const c = line.charCodeAt(0);
  return c === 35 || (c === 47 && line.charCodeAt(1) === 47);
}

/** True when the line has nothing but whitespace. */
export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) return false;
  }
  return true;
}

/**
 * A LineParser for one JSON object per line: blank and comment lines are skipped, anything
 * that is not a JSON object is an error naming why, and each object goes to `onObject`.
 */
export function jsonLinesParser(
  ctx: ParseContext,
  onObject: (o: Record<string, unknown>, lineNo: number) => void,
): LineParser {
  return {
    line(text, lineNo) {
      if (isBlank(text) || isComment(text)) {
        ctx.sink.skip(lineNo);
        return;
      }
      const parsed = tryParse(text);
      if (!parsed.ok) {
        ctx.sink.error(lineNo, notJson(text, parsed.error));
        return;
      }
      const v = parsed.value;
      if (typeof v !== 'object' || v === null || Array.isArray(v)) {
        ctx.sink.error(lineNo, 'expected a JSON object on this line');
        return;
      }
      onObject(v as Record<string, unknown>, lineNo);
    },
    end() {},
  };
}

/** The first non-blank lines of a file's head (what format detection looks at). */
export function headLines(head: string, n = 5): string[] {
  return head
    .split(/\r?\n/)
    .filter((l) => l.trim().length > 0)
    .slice(0, n);
}

/** The split rule of a format whose lines are read each on its own: any line may begin a segment. */
export function everyLine(parser: (ctx: ParseContext) => LineParser): SplitRule {
  return { startsAt: () => true, resume: parser };
}
