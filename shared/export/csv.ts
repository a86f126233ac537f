import Papa from 'papaparse';

/*
 * A cell a spreadsheet would run as a formula: `=`, `+`, `-` or `@` as the first character
 * after any leading whitespace (Excel and LibreOffice skip spaces and line breaks before `=`),
 * the full-width forms some locales accept, or a tab / carriage return at the very start.
 */
const FORMULA_START = /^[\s\u00a0\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;

/**
 * One CSV cell made inert for spreadsheets (OWASP CSV injection): a cell that could start a
 * formula gets a leading apostrophe, which spreadsheets show as text and do not display.
 * Every CSV Rootline writes goes through this, every column, header included.
 */
export function neutraliseCsvCell(value: string | number): string {
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The inverse for a cell Rootline itself wrote (e.g. an Id coming back in a CSV edited
 * elsewhere): drops the apostrophe only where {@link neutraliseCsvCell} would have added it.
 */
export function restoreCsvCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** RFC 4180 CSV (fields quoted when needed) with every cell neutralised; `\r\n` line ends by default. */
export function writeCsv(
  fields: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  newline: '\r\n' | '\n' = '\r\n',
): string {
  return Papa.unparse(
    { fields: fields.map(neutraliseCsvCell), data: rows.map((row) => row.map(neutraliseCsvCell)) },
    { newline, quotes: false },
  );
}
