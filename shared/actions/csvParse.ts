import Papa from 'papaparse';
import { csvDelimiterOf } from '../csv/delimiter';
import { lastAtOrBefore } from '../domain/sorted';

/** One data row: its 1-based physical line number in the file and its cells by header name. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvTable {
  /** Header cells as written (trimmed, BOM removed). */
  header: string[];
  records: CsvRecord[];
}

export type CsvParseResult = { ok: true; table: CsvTable } | { ok: false; error: string };

/** 1-based line numbers of character offsets, counting CRLF, LF and lone CR as one break each. */
function lineIndex(text: string): (offset: number) => number {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) starts.push(i + 1);
  }
  return (offset) => lastAtOrBefore(starts, offset) + 1;
}

/**
 * Parses CSV text strictly: any structural fault (an unterminated quote, a row with more or fewer
 * cells than the header, no header) fails the whole file with a message naming the file and line,
 * so a damaged file can never half-apply. Empty lines are skipped; a leading BOM is removed.
 * Comma, semicolon and tab delimiters are recognised from the header line (spreadsheets in some
 * locales write `;`).
 */
export function parseCsv(text: string, fileName: string): CsvParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: `${fileName}: the file is empty` };
  const lineOf = lineIndex(body);
  const rows: { cells: string[]; line: number }[] = [];
  let fault: string | null = null;
  let start = 0;
  Papa.parse<string[]>(body, {
    delimiter: csvDelimiterOf(body),
    skipEmptyLines: false,
    step: (result, parser) => {
      const line = lineOf(start);
      start = result.meta.cursor;
      const bad = result.errors.find((e) => e.type !== 'Delimiter');
      if (bad) {
        const where =
          bad.code === 'MissingQuotes'
            ? 'a quoted field is never closed'
            : bad.code === 'InvalidQuotes'
              ? 'a quote inside a quoted field is not doubled'
              : bad.message;
        fault = `${fileName} line ${line}: ${where}`;
        parser.abort();
        return;
      }
      const cells = result.data;
      // A blank line parses as one empty cell; it carries no data.
      if (cells.length === 1 && cells[0] === '') return;
      rows.push({ cells, line });
    },
  });
  if (fault !== null) return { ok: false, error: fault };
  const [head, ...data] = rows;
  if (!head) return { ok: false, error: `${fileName}: the file has no header row` };
  const header = head.cells.map((h) => h.trim());
  for (const row of data) {
    if (row.cells.length !== header.length) {
      return {
        ok: false,
        error: `${fileName} line ${row.line}: ${row.cells.length} cells but the header has ${header.length}; the file looks damaged`,
      };
    }
  }
  return { ok: true, table: { header, records: data.map((r) => ({ line: r.line, cells: r.cells })) } };
}
