/** Low-level helpers for hand-rolled timestamp parsing: digits, month names, calendar checks. */

/** Value of the `n` decimal digits starting at `i`, or -1 when any of them is not a digit. */
export function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(i + k) - 48;
    // NaN past the end fails this test too.
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** True when the char at `i` is an ASCII digit (false past the end). */
export function isDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Milliseconds from a fraction that starts at `i` (any number of digits); sets `out.end`. */
export function fractionMs(s: string, i: number, out: { end: number }): number {
  let ms = 0;
  let k = 0;
  while (isDigit(s, i + k)) {
    // Only the first three digits count: later ones are below a millisecond (truncated, never rounded).
    if (k < 3) ms = ms * 10 + (s.charCodeAt(i + k) - 48);
    k++;
  }
  for (let p = k; p < 3; p++) ms *= 10;
  out.end = i + k;
  return ms;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 1-based month from a three-letter English name at `i` (any case), or -1. */
export function monthAt(s: string, i: number): number {
  if (i + 3 > s.length) return -1;
  const m = MONTHS.indexOf(s.slice(i, i + 3).toLowerCase());
  return m < 0 ? -1 : m + 1;
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** True when a three-letter English weekday name starts at `i`. */
export function weekdayAt(s: string, i: number): boolean {
  return i + 3 <= s.length && WEEKDAYS.includes(s.slice(i, i + 3).toLowerCase());
}

/** Days in a month (1-based) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Checks calendar and clock ranges; 60 seconds is allowed for leap seconds. */
export function validFields(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return (
    y >= 0 &&
    y <= 9999 &&
    mo >= 1 &&
    mo <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, mo) &&
    h >= 0 &&
    h <= 23 &&
    mi >= 0 &&
    mi <= 59 &&
    s >= 0 &&
    s <= 60
  );
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (any day 1..31 of a month 1..12; days past
 * the month's end roll over as in Date.UTC). Era arithmetic after Howard Hinnant's civil-date
 * algorithms: exact for every year, no floating point.
 */
export function daysFromCivil(y: number, mo: number, d: number): number {
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = mo > 2 ? mo - 3 : mo + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Date.UTC without the 0..99 → 1900s quirk. */
export function utcMs(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
): number {
  if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h < 24 && mi >= 0 && mi < 60 && y >= 0) {
    // Hot path (every imported line): plain arithmetic instead of a Date.UTC call.
    return daysFromCivil(y, mo, d) * 86_400_000 + h * 3_600_000 + mi * 60_000 + s * 1000 + ms;
  }
  if (y >= 100) return Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const date = new Date(Date.UTC(2000, mo - 1, d, h, mi, s, ms));
  date.setUTCFullYear(y);
  return date.getTime();
}

/** Two-digit year to four digits: 70..99 → 1970s–1990s, 00..69 → 2000s (POSIX strptime rule). */
export function fullYear(yy: number): number {
  return yy >= 70 ? 1900 + yy : 2000 + yy;
}
