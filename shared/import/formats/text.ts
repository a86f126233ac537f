import type { Attrs, LogLevel } from '../../domain';
import type { ScanEnd, TimeOptions } from '../../time/parse';
import { scanLeadingTimestamp } from '../../time/parse';
import type { FormatDef, LineParser, ParseContext, RawRecord, SplitRule } from '../types';
import { levelFromName } from './levels';
import { isBlank, makeRecord, timeOptions, headLines } from './record';

/** Continuation lines (stack traces) appended to one record before the rest is dropped. */
export const MAX_CONTINUATION_CHARS = 16_000;

const LOGGER = /^[A-Za-z_$][\w$.:-]*[\w$]:?$/;

/** Next whitespace-free word at `i` as [word, end]. */
function word(s: string, i: number): [string, number] {
  let p = i;
  while (p < s.length && s.charCodeAt(p) !== 32 && s.charCodeAt(p) !== 9) p++;
  return [s.slice(i, p), p];
}

function skipSpaces(s: string, i: number): number {
  let p = i;
  while (p < s.length && (s.charCodeAt(p) === 32 || s.charCodeAt(p) === 9)) p++;
  return p;
}

/**
 * After the timestamp: `[error]`, `[core:error] [pid 12] [client 1.2.3.4]` (Apache), or
 * `2931 INFO nova.compute.manager [req-…] msg` / `INFO dfs.DataNode: msg` (log4j-like).
 */
function readHead(
  s: string,
  start: number,
  attrs: Attrs,
): { level: LogLevel | null; service: string | null; rest: number } {
  let p = skipSpaces(s, start);
  let level: LogLevel | null = null;
  let service: string | null = null;
  while (s.charCodeAt(p) === 91) {
    const close = s.indexOf(']', p);
    if (close < 0) break;
    const inner = s.slice(p + 1, close);
    const colon = inner.lastIndexOf(':');
    const maybeLevel = levelFromName(colon >= 0 ? inner.slice(colon + 1) : inner);
    if (level === null && maybeLevel !== null) {
      level = maybeLevel;
      if (colon > 0) service = inner.slice(0, colon);
    } else if (inner.startsWith('pid ')) {
      attrs.pid = inner.slice(4);
    } else if (inner.startsWith('client ')) {
      attrs.client = inner.slice(7);
    } else {
      break;
    }
    p = skipSpaces(s, close + 1);
  }
  if (level !== null) return { level, service, rest: p };
  let [w, end] = word(s, p);
  if (/^\d+$/.test(w)) {
    attrs.pid = w;
    p = skipSpaces(s, end);
    [w, end] = word(s, p);
  }
  level = levelFromName(w.replace(/[[\]:]/g, ''));
  if (level === null) return { level: null, service: null, rest: p };
  p = skipSpaces(s, end);
  const [logger, loggerEnd] = word(s, p);
  if (logger.length < 100 && LOGGER.test(logger) && (logger.includes('.') || logger.endsWith(':'))) {
    service = logger.endsWith(':') ? logger.slice(0, -1) : logger;
    p = skipSpaces(s, loggerEnd);
  }
  return { level, service, rest: p };
}

/** How far into a line a timestamp may start (after a file name, label or epoch column). */
const MAX_PREFIX_CHARS = 80;
const MAX_PREFIX_WORDS = 4;

/**
 * The line's timestamp: at the start, or after up to four leading words (OpenStack prefixes the
 * source file name, BlueGene a label and an epoch). Sets `out.end`; `prefix` gets the words skipped.
 */
function findTimestamp(
  text: string,
  opts: TimeOptions,
  out: ScanEnd,
  prefix: { text: string },
): number | null {
  const at = scanLeadingTimestamp(text, opts, out);
  prefix.text = '';
  if (at !== null) return at;
  let space = text.indexOf(' ');
  for (let words = 0; words < MAX_PREFIX_WORDS && space > 0 && space < MAX_PREFIX_CHARS; words++) {
    const start = space + 1;
    const found = scanLeadingTimestamp(text.slice(start), opts, out);
    if (found !== null) {
      out.end += start;
      prefix.text = text.slice(0, space);
      return found;
    }
    space = text.indexOf(' ', start);
  }
  return null;
}

/** One line read by the hand-written reader: time, header fields and the rest as message. */
export interface TextLine {
  at: number;
  message: string;
  level: LogLevel | null;
  service: string | null;
  attrs: Attrs;
}

/**
 * Reads a line with a leading timestamp (ISO, log4j, ctime in brackets, yyMMdd HHmmss, syslog
 * date, CLF), after up to four prefix words; null when there is none. Indented lines are never
 * records here: callers treat them as continuations.
 */
export function readTextLine(text: string, opts: TimeOptions): TextLine | null {
  const out: ScanEnd = { end: 0 };
  const prefix = { text: '' };
  const at = findTimestamp(text, opts, out, prefix);
  if (at === null) return null;
  const attrs: Attrs = {};
  if (prefix.text.length > 0) attrs.prefix = prefix.text;
  const head = readHead(text, out.end, attrs);
  return { at, message: text.slice(head.rest), level: head.level, service: head.service, attrs };
}

/**
 * Plain-text logs with a leading timestamp (ISO, log4j, ctime in brackets, yyMMdd HHmmss,
 * syslog date, CLF). Lines without one continue the previous record (stack traces) and count
 * as skipped; before the first record they are errors.
 */
export function textParser(ctx: ParseContext): LineParser {
  const opts = timeOptions(ctx);
  let pending: RawRecord | null = null;
  let extra: string[] = [];
  let extraChars = 0;

  const flush = (): void => {
    if (pending === null) return;
    if (extra.length > 0) pending.message = `${pending.message}\n${extra.join('\n')}`;
    ctx.sink.record(pending);
    pending = null;
    extra = [];
    extraChars = 0;
  };

  return {
    line(text, lineNo) {
      if (isBlank(text)) {
        ctx.sink.skip(lineNo);
        return;
      }
      // Indented lines are continuations (stack frames) even when they hold a date.
      const indented = text.charCodeAt(0) === 32 || text.charCodeAt(0) === 9;
      const read = indented && pending !== null ? null : readTextLine(text, opts);
      if (read === null) {
        if (pending === null) {
          ctx.sink.error(lineNo, 'no timestamp at the start of the line');
          return;
        }
        if (extraChars < MAX_CONTINUATION_CHARS) {
          extra.push(text);
          extraChars += text.length;
        }
        ctx.sink.skip(lineNo);
        return;
      }
      flush();
      pending = makeRecord(ctx, lineNo, read.at, read.message, {
        level: read.level,
        service: read.service,
        attrs: read.attrs,
      });
    },
    end() {
      flush();
    },
  };
}

/**
 * A plain-text log splits before any line the reader takes as a new record: not blank, not
 * indented, with a leading timestamp. There the one parser always flushes what it held.
 */
export function textSplit(_head: string, ctx: ParseContext): SplitRule {
  const opts = timeOptions(ctx);
  return {
    startsAt: (line) => startsTextRecord(line, opts),
    resume: textParser,
  };
}

/** True when the text reader starts a record at this line, whatever came before it. */
export function startsTextRecord(line: string, opts: TimeOptions): boolean {
  const c = line.charCodeAt(0);
  if (c === 32 || c === 9 || isBlank(line)) return false;
  return readTextLine(line, opts) !== null;
}

export const textFormat: FormatDef = {
  id: 'text',
  label: 'Plain text with leading timestamps',
  mode: 'lines',
  detect(head) {
    const lines = headLines(head);
    const out: ScanEnd = { end: 0 };
    const prefix = { text: '' };
    const hits = lines.filter(
      (l) => findTimestamp(l, { zone: 'UTC', year: 2000 }, out, prefix) !== null,
    ).length;
    return lines.length === 0 ? 0.05 : 0.05 + 0.4 * (hits / lines.length);
  },
  lines: textParser,
  split: textSplit,
};

/** Apache httpd error log (2.2 `[ctime] [error] msg`, 2.4 `[ctime.us] [mod:level] [pid N] msg`). */
export const apacheErrorFormat: FormatDef = {
  id: 'apache-error',
  label: 'Apache error log',
  mode: 'lines',
  detect(head) {
    const first = head.split(/\r?\n/).find((l) => l.trim().length > 0) ?? '';
    return /^\[[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(\.\d+)? \d{4}\] \[[\w:]+\]/.test(first)
      ? 0.85
      : 0;
  },
  lines: textParser,
  split: textSplit,
};
