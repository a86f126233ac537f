import Papa from 'papaparse';
import type { Attrs } from '../../domain';
import { parseTimestamp } from '../../time/parse';
import type { FieldMapping, FormatDef, LineParser, ParseContext } from '../types';
import { clip, MAX_ATTRS } from './attrs';
import { levelFromValue } from './levels';
import { isBlank, makeRecord, timeOptions } from './record';
import { csvDelimiterOf } from '../../csv/delimiter';

const TIME_NAMES = ['@timestamp', 'timestamp', 'time', 'datetime', 'date', 'ts', 'eventtime', 'created_at'];
const MESSAGE_NAMES = ['message', 'msg', 'content', 'text', 'description', 'log'];
const LEVEL_NAMES = ['level', 'severity', 'loglevel', 'log_level', 'priority'];
const SERVICE_NAMES = ['service', 'component', 'app', 'application', 'source', 'logger'];
const REGION_NAMES = ['region', 'location', 'zone', 'datacenter'];

interface Columns {
  time: number;
  time2: number;
  message: number;
  level: number;
  service: number;
  region: number;
}

function find(header: string[], names: readonly string[]): number {
  const lower = header.map((h) => h.trim().toLowerCase());
  for (const name of names) {
    const i = lower.indexOf(name);
    if (i >= 0) return i;
  }
  return -1;
}

/** Chooses columns by name; split date + time columns are joined. A mapping overrides all. */
export function pickColumns(header: string[], mapping: FieldMapping | null): Columns {
  const exact = (name: string | null): number => (name === null ? -1 : header.indexOf(name));
  if (mapping !== null) {
    return {
      time: exact(mapping.time),
      time2: exact(mapping.time2),
      message: exact(mapping.message),
      level: exact(mapping.level),
      service: exact(mapping.service),
      region: exact(mapping.region),
    };
  }
  const date = find(header, ['date']);
  const clock = find(header, ['time']);
  const split = date >= 0 && clock >= 0;
  return {
    time: split ? date : find(header, TIME_NAMES),
    time2: split ? clock : -1,
    message: find(header, MESSAGE_NAMES),
    level: find(header, LEVEL_NAMES),
    service: find(header, SERVICE_NAMES),
    region: find(header, REGION_NAMES),
  };
}

function splitRow(line: string, delimiter: string): string[] {
  const result = Papa.parse<string[]>(line, { delimiter, header: false, skipEmptyLines: false });
  return result.data[0] ?? [];
}

/**
 * Whether a quoted field is still open at the end of `text` (RFC 4180: a field is quoted only when
 * its first character is `"`; inside, `""` is a literal quote). `open` is the state the text
 * starts in (true when it continues a row whose quoted field spans lines).
 */
export function quoteOpenAfter(text: string, delimiter: string, open: boolean): boolean {
  const d = delimiter.charCodeAt(0);
  let inQuotes = open;
  let fieldStart = !open;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === 34) {
        if (text.charCodeAt(i + 1) === 34) i++;
        else inQuotes = false;
      }
      fieldStart = false;
    } else if (c === d) {
      fieldStart = true;
    } else {
      if (fieldStart && c === 34) inQuotes = true;
      fieldStart = false;
    }
  }
  return inQuotes;
}

/** A row may span at most this many lines (a quoted field with newlines in it). */
export const MAX_ROW_LINES = 1_000;
const MAX_ROW_CHARS = 1024 * 1024;

function csvParser(ctx: ParseContext): LineParser {
  const opts = timeOptions(ctx);
  let header: string[] | null = null;
  let cols: Columns | null = null;
  let delimiter = ',';
  // A row whose quoted field continues on the next lines: its parts and first line number.
  let pending: string[] = [];
  let pendingLine = 0;
  let pendingChars = 0;

  const abandon = (reason: string): void => {
    ctx.sink.error(pendingLine, reason);
    for (let l = pendingLine + 1; l < pendingLine + pending.length; l++) ctx.sink.skip(l);
    pending = [];
  };

  const readRow = (text: string, lineNo: number): void => {
    if (isBlank(text)) {
      ctx.sink.skip(lineNo);
      return;
    }
    if (header === null || cols === null) {
      delimiter = csvDelimiterOf(text);
      header = splitRow(text, delimiter).map((h) => h.trim());
      cols = pickColumns(header, ctx.mapping);
      ctx.sink.skip(lineNo);
      return;
    }
    const c = cols;
    const row = splitRow(text, delimiter);
    if (c.time < 0) {
      ctx.sink.error(
        lineNo,
        `no time column in the header (looked for ${TIME_NAMES.slice(0, 4).join(', ')})`,
      );
      return;
    }
    const t1 = row[c.time];
    if (t1 === undefined) {
      ctx.sink.error(lineNo, `row has ${row.length} fields; the time column is #${c.time + 1}`);
      return;
    }
    const t2 = c.time2 >= 0 ? row[c.time2] : undefined;
    const timeText = t2 === undefined ? t1 : `${t1.trim()} ${t2.trim()}`;
    const at = parseTimestamp(timeText, opts);
    if (at === null) {
      ctx.sink.error(lineNo, `unreadable time "${clip(timeText, 60)}"`);
      return;
    }
    const attrs: Attrs = {};
    let n = 0;
    const h = header;
    row.forEach((value, i) => {
      if (n >= MAX_ATTRS || i === c.time || i === c.time2 || i === c.message) return;
      attrs[h[i] ?? `column${i + 1}`] = clip(value);
      n++;
    });
    const cell = (i: number): string | null => {
      const v = i >= 0 ? row[i]?.trim() : undefined;
      return v === undefined || v.length === 0 ? null : v;
    };
    ctx.sink.record(
      makeRecord(ctx, lineNo, at, cell(c.message) ?? '', {
        level: levelFromValue(cell(c.level) ?? ''),
        service: cell(c.service),
        region: cell(c.region),
        attrs,
      }),
    );
  };

  return {
    line(text, lineNo) {
      if (pending.length > 0) {
        pending.push(text);
        pendingChars += text.length + 1;
        if (quoteOpenAfter(text, delimiter, true)) {
          if (pending.length >= MAX_ROW_LINES || pendingChars > MAX_ROW_CHARS) {
            abandon(
              `quoted field opened on this line is still open ${pending.length} lines later (a missing closing quote?)`,
            );
          }
          return;
        }
        const first = pendingLine;
        const joined = pending.join('\n');
        pending = [];
        // The row is the record (or error) of its first line; the lines it ran onto count as skipped.
        readRow(joined, first);
        for (let l = first + 1; l <= lineNo; l++) ctx.sink.skip(l);
        return;
      } else if (header !== null && quoteOpenAfter(text, delimiter, false)) {
        pending = [text];
        pendingLine = lineNo;
        pendingChars = text.length;
        return;
      }
      readRow(text, lineNo);
    },
    end() {
      if (pending.length > 0) abandon('quoted field opened on this line is never closed (end of file)');
    },
  };
}

/** CSV/TSV with a header row; a quoted field may hold newlines (the row then spans lines). */
export const csvFormat: FormatDef = {
  id: 'csv',
  label: 'CSV / TSV with a header row',
  mode: 'lines',
  detect(head, fileName) {
    const named = /\.(csv|tsv)$/i.test(fileName) ? 0.35 : 0;
    const lines = head.split(/\r?\n/).filter((l) => l.trim().length > 0);
    const first = lines[0];
    if (first === undefined || first.trimStart().startsWith('{')) return named;
    const d = csvDelimiterOf(first);
    const fields = splitRow(first, d).map((f) => f.trim().toLowerCase());
    if (fields.length < 2) return named;
    const hasTime = fields.some((f) => TIME_NAMES.includes(f) || f === 'time');
    return Math.min(1, named + (hasTime ? 0.55 : 0.2));
  },
  lines: csvParser,
};
