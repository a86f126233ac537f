import type { Attrs, LogLevel } from '../../domain';

type AttrValue = Attrs[string];
import { levelFromName } from '../formats/levels';
import { parseTimestamp } from '../../time/parse';
import type { CompiledTextFormat, ValueKind } from './compile';
import { parseWithFormat } from './strptime';
import { nullProto } from '../../domain/lookup';

/**
 * One line read by a format definition: the clean per-line result other parts of import build
 * on (records, pattern mining). `at` is null when the regex matched but the time did not read.
 */
export interface LineParse {
  at: number | null;
  /** The timestamp text as captured (for error messages). */
  timestampText: string;
  level: LogLevel | null;
  /** The message without its header. */
  body: string;
  service: string | null;
  thread: string | null;
  opid: string | null;
  /** Every other named capture, converted by its `value` kind. */
  fields: Record<string, AttrValue>;
  /** Which of the definition's regexes matched. */
  pattern: string;
  /** Share of the line the header explained (1 − body length / line length), for detection. */
  headerShare: number;
}

export interface LineOptions {
  zone: string;
  year: number;
}

function convert(value: string, kind: ValueKind | undefined): AttrValue {
  switch (kind) {
    case 'integer': {
      const n = Number(value);
      return Number.isInteger(n) && value.trim() !== '' ? n : value;
    }
    case 'float': {
      const n = Number(value);
      return Number.isFinite(n) && value.trim() !== '' ? n : value;
    }
    case 'boolean':
      return /^(true|yes|on|1)$/i.test(value) ? true : /^(false|no|off|0)$/i.test(value) ? false : value;
    case 'quoted':
      return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
    default:
      return value;
  }
}

function levelOf(f: CompiledTextFormat, value: string | undefined): LogLevel | null {
  if (value === undefined || value === '') return null;
  for (const l of f.levels) if (l.test(value)) return l.level;
  return levelFromName(value.trim());
}

function subsecondMs(text: string, units: CompiledTextFormat['subsecondUnits']): number {
  const n = Number(text);
  if (!Number.isFinite(n)) return 0;
  return units === 'milli' ? n : units === 'micro' ? Math.floor(n / 1000) : Math.floor(n / 1_000_000);
}

/** Reads a timestamp capture with the definition's formats, else any form Rootline knows. */
export function readTime(f: CompiledTextFormat, text: string, opts: LineOptions): number | null {
  const formats = f.timeFormats;
  const n = formats.length;
  // A file keeps one time format: start with the one that read the last line.
  for (let k = 0; k < n; k++) {
    const i = (f.hints.time + k) % n;
    const at = parseWithFormat(formats[i]!, text, opts);
    if (at !== null) {
      f.hints.time = i;
      return at;
    }
  }
  return parseTimestamp(text, opts);
}

const FIXED = new Set<string>();

/**
 * Parses one line with a compiled definition (first matching regex wins), or returns null when
 * no regex matches. The result depends on the line alone (multi-line records are the line
 * parser's job); only the order time formats are tried in is remembered, for speed.
 */
export function parseLine(f: CompiledTextFormat, line: string, opts: LineOptions): LineParse | null {
  for (const p of f.patterns) {
    const m = p.re.exec(line);
    if (m === null) continue;
    const g = m.groups ?? {};
    let tsText = g[f.timestampField] ?? '';
    if (f.timeField !== null && g[f.timeField] !== undefined) tsText = `${tsText} ${g[f.timeField]}`;
    let at = tsText === '' ? null : readTime(f, tsText, opts);
    if (at !== null && f.subsecondField !== null) {
      const sub = g[f.subsecondField];
      if (sub !== undefined && sub !== '') at += subsecondMs(sub, f.subsecondUnits);
    }
    const bodyCapture = g[f.bodyField];
    // Without a body capture the body is what follows the match (often nothing).
    const body = (bodyCapture ?? line.slice(m.index + m[0].length)).trim();
    let service: string | null = null;
    let serviceField = '';
    for (const name of f.serviceFields) {
      const v = g[name];
      if (v !== undefined && v !== '') {
        service = v;
        serviceField = name;
        break;
      }
    }
    let thread: string | null = null;
    let threadField = '';
    for (const name of f.threadFields) {
      const v = g[name];
      if (v !== undefined && v !== '') {
        thread = v;
        threadField = name;
        break;
      }
    }
    const opid = g[f.opidField];
    const fields: Record<string, AttrValue> = nullProto();
    FIXED.clear();
    FIXED.add(f.timestampField).add(f.bodyField).add(serviceField).add(threadField);
    // A level read from a data field (an HTTP status) stays in the attributes as data too.
    if (f.levelField === 'level') FIXED.add(f.levelField);
    FIXED.add(f.opidField);
    if (f.timeField !== null) FIXED.add(f.timeField);
    if (f.subsecondField !== null) FIXED.add(f.subsecondField);
    for (const [k, v] of Object.entries(g)) {
      if (v === undefined || v === '' || FIXED.has(k)) continue;
      fields[k] = convert(v, f.kinds[k]);
    }
    return {
      at,
      timestampText: tsText,
      level: levelOf(f, g[f.levelField]),
      body,
      service,
      thread,
      opid: opid === undefined || opid === '' ? null : opid,
      fields,
      pattern: p.name,
      headerShare: line.length === 0 ? 0 : 1 - Math.min(body.length, line.length) / line.length,
    };
  }
  return null;
}
