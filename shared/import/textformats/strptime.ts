import { fullYear, isDigit, monthAt, validFields, weekdayAt } from '../../time/fields';
import { offsetAt } from '../../time/iso';
import { isUtcZone, zonedToEpoch } from '../../time/zone';
import { parseEpochText } from '../../time/epoch';

/**
 * strptime-style timestamp formats as lnav format files write them (`%Y-%m-%d %H:%M:%S,%L`).
 * A format is compiled once into steps; parsing a capture walks the steps with no regex and no
 * Date parsing of free text.
 */

type Field = 'Y' | 'y' | 'm' | 'd' | 'H' | 'I' | 'M' | 'S' | 'j';
type Step =
  | { t: 'num'; field: Field; min: number; max: number; pad: boolean }
  | { t: 'frac'; digits: number }
  | { t: 'month'; full: boolean }
  | { t: 'weekday'; full: boolean }
  | { t: 'ampm' }
  | { t: 'offset' }
  | { t: 'zone' }
  | { t: 'epoch'; unit: 's' | 'ms' }
  | { t: 'space' }
  | { t: 'lit'; ch: string };

export interface CompiledTimeFormat {
  format: string;
  steps: Step[];
  hasYear: boolean;
}

export interface TimeParseOptions {
  /** IANA zone for times without an offset. */
  zone: string;
  /** Year for formats without one. */
  year: number;
}

const SUPPORTED = 'aAbBhdeHkIlMmSLfNpyYzZsijTFDRnt%';

/** Compiles a strptime format, or returns why it cannot be read. */
export function compileTimeFormat(format: string): CompiledTimeFormat | string {
  const steps: Step[] = [];
  let hasYear = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i] as string;
    if (c === ' ' || c === '\t') {
      if (steps.at(-1)?.t !== 'space') steps.push({ t: 'space' });
      continue;
    }
    if (c !== '%') {
      steps.push({ t: 'lit', ch: c });
      continue;
    }
    const d = format[++i];
    if (d === undefined) return 'the format ends with a lone %';
    if (!SUPPORTED.includes(d))
      return `%${d} is not supported (supported: %${SUPPORTED.split('').join(' %')})`;
    switch (d) {
      case 'Y':
        hasYear = true;
        steps.push({ t: 'num', field: 'Y', min: 4, max: 4, pad: false });
        break;
      case 'y':
        hasYear = true;
        steps.push({ t: 'num', field: 'y', min: 2, max: 2, pad: false });
        break;
      case 'm':
        steps.push({ t: 'num', field: 'm', min: 1, max: 2, pad: false });
        break;
      case 'd':
        steps.push({ t: 'num', field: 'd', min: 1, max: 2, pad: false });
        break;
      case 'e':
        steps.push({ t: 'num', field: 'd', min: 1, max: 2, pad: true });
        break;
      case 'H':
        steps.push({ t: 'num', field: 'H', min: 1, max: 2, pad: false });
        break;
      case 'k':
        steps.push({ t: 'num', field: 'H', min: 1, max: 2, pad: true });
        break;
      case 'I':
        steps.push({ t: 'num', field: 'I', min: 1, max: 2, pad: false });
        break;
      case 'l':
        steps.push({ t: 'num', field: 'I', min: 1, max: 2, pad: true });
        break;
      case 'M':
        steps.push({ t: 'num', field: 'M', min: 2, max: 2, pad: false });
        break;
      case 'S':
        steps.push({ t: 'num', field: 'S', min: 2, max: 2, pad: false });
        break;
      case 'j':
        steps.push({ t: 'num', field: 'j', min: 1, max: 3, pad: false });
        break;
      case 'L':
        steps.push({ t: 'frac', digits: 3 });
        break;
      case 'f':
        steps.push({ t: 'frac', digits: 6 });
        break;
      case 'N':
        steps.push({ t: 'frac', digits: 9 });
        break;
      case 'b':
      case 'h':
        steps.push({ t: 'month', full: false });
        break;
      case 'B':
        steps.push({ t: 'month', full: true });
        break;
      case 'a':
        steps.push({ t: 'weekday', full: false });
        break;
      case 'A':
        steps.push({ t: 'weekday', full: true });
        break;
      case 'p':
        steps.push({ t: 'ampm' });
        break;
      case 'z':
        steps.push({ t: 'offset' });
        break;
      case 'Z':
        steps.push({ t: 'zone' });
        break;
      case 's':
        hasYear = true;
        steps.push({ t: 'epoch', unit: 's' });
        break;
      case 'i':
        hasYear = true;
        steps.push({ t: 'epoch', unit: 'ms' });
        break;
      case 'T':
      case 'R': {
        const inner = compileTimeFormat(d === 'T' ? '%H:%M:%S' : '%H:%M');
        if (typeof inner !== 'string') steps.push(...inner.steps);
        break;
      }
      case 'F':
      case 'D': {
        const inner = compileTimeFormat(d === 'F' ? '%Y-%m-%d' : '%m/%d/%y');
        if (typeof inner !== 'string') steps.push(...inner.steps);
        hasYear = true;
        break;
      }
      case 'n':
      case 't':
        if (steps.at(-1)?.t !== 'space') steps.push({ t: 'space' });
        break;
      case '%':
        steps.push({ t: 'lit', ch: '%' });
        break;
    }
  }
  return { format, steps, hasYear };
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function fullNameAt(s: string, i: number, names: readonly string[]): number {
  const lower = s.slice(i, i + 9).toLowerCase();
  for (const name of names) if (lower.startsWith(name)) return name.length;
  return -1;
}

/**
 * Parses `s` (the whole timestamp capture) with a compiled format. Returns epoch ms, or null
 * when the text does not follow the format or names an impossible date. Leading and trailing
 * spaces are ignored.
 */
export function parseWithFormat(f: CompiledTimeFormat, s: string, opts: TimeParseOptions): number | null {
  let p = 0;
  while (s.charCodeAt(p) === 32) p++;
  let y = opts.year;
  let mo = 1;
  let d = 1;
  let h = 0;
  let mi = 0;
  let sec = 0;
  let ms = 0;
  let pm: boolean | null = null;
  let hour12 = false;
  let doy = -1;
  let offset: number | null = null;
  let epoch: number | null = null;
  const end = { end: 0 };
  for (const step of f.steps) {
    switch (step.t) {
      case 'space':
        while (s.charCodeAt(p) === 32 || s.charCodeAt(p) === 9) p++;
        break;
      case 'lit':
        if (s[p] !== step.ch) return null;
        p++;
        break;
      case 'num': {
        if (step.pad) while (s.charCodeAt(p) === 32) p++;
        let v = 0;
        let k = 0;
        while (k < step.max && isDigit(s, p + k)) {
          v = v * 10 + (s.charCodeAt(p + k) - 48);
          k++;
        }
        if (k < step.min) return null;
        p += k;
        switch (step.field) {
          case 'Y':
            y = v;
            break;
          case 'y':
            y = fullYear(v);
            break;
          case 'm':
            mo = v;
            break;
          case 'd':
            d = v;
            break;
          case 'H':
            h = v;
            break;
          case 'I':
            h = v;
            hour12 = true;
            break;
          case 'M':
            mi = v;
            break;
          case 'S':
            sec = v;
            break;
          case 'j':
            doy = v;
            break;
        }
        break;
      }
      case 'frac': {
        // Any number of digits is accepted: writers drop trailing zeros or print more than asked.
        let k = 0;
        let v = 0;
        while (isDigit(s, p + k)) {
          if (k < 3) v = v * 10 + (s.charCodeAt(p + k) - 48);
          k++;
        }
        if (k === 0) return null;
        for (let q = k; q < 3; q++) v *= 10;
        ms = v;
        p += k;
        break;
      }
      case 'month': {
        if (step.full) {
          const len = fullNameAt(s, p, MONTH_NAMES);
          if (len < 0) return null;
          mo = monthAt(s, p);
          p += len;
        } else {
          mo = monthAt(s, p);
          if (mo < 0) return null;
          p += 3;
        }
        break;
      }
      case 'weekday': {
        if (step.full) {
          const len = fullNameAt(s, p, WEEKDAY_NAMES);
          if (len < 0) return null;
          p += len;
        } else {
          if (!weekdayAt(s, p)) return null;
          p += 3;
        }
        break;
      }
      case 'ampm': {
        const two = s.slice(p, p + 2).toUpperCase();
        if (two !== 'AM' && two !== 'PM') return null;
        pm = two === 'PM';
        p += 2;
        break;
      }
      case 'offset': {
        const off = offsetAt(s, p, end);
        if (off === null) return null;
        offset = off;
        p = end.end;
        break;
      }
      case 'zone': {
        let k = p;
        while (k < s.length && /[A-Za-z]/.test(s[k] as string)) k++;
        const name = s.slice(p, k);
        if (name.length === 0) return null;
        // Only zones with a fixed meaning are trusted; other abbreviations (CST…) are ambiguous.
        if (isUtcZone(name)) offset = 0;
        p = k;
        break;
      }
      case 'epoch': {
        let k = p;
        while (isDigit(s, k)) k++;
        if (s[k] === '.' && step.unit === 's') {
          k++;
          while (isDigit(s, k)) k++;
        }
        const text = s.slice(p, k);
        if (text.length === 0) return null;
        const v = Number(text);
        epoch = step.unit === 's' ? Math.floor(v * 1000) : v;
        p = k;
        break;
      }
    }
  }
  while (s.charCodeAt(p) === 32) p++;
  if (p !== s.length) return null;
  if (epoch !== null) return Number.isFinite(epoch) ? epoch : null;
  if (hour12) {
    if (h < 1 || h > 12) return null;
    if (pm === true && h < 12) h += 12;
    if (pm === false && h === 12) h = 0;
  }
  if (doy > 0) {
    const date = new Date(Date.UTC(y, 0, doy));
    mo = date.getUTCMonth() + 1;
    d = date.getUTCDate();
  }
  if (!validFields(y, mo, d, h, mi, sec)) return null;
  if (offset !== null) {
    const wall = zonedToEpoch('UTC', y, mo, d, h, mi, sec, ms);
    return wall === null ? null : wall - offset * 60_000;
  }
  return zonedToEpoch(opts.zone, y, mo, d, h, mi, sec, ms);
}

/** Epoch text (`1722342000`, `1722342000.123`, ms or µs digits) as epoch ms, or null. */
export function parseEpochCapture(s: string): number | null {
  return parseEpochText(s.trim());
}
