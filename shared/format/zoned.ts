import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { formattableZone, isUtcZone } from '../time/zone';
import { DATE_PATTERNS as P } from './patterns';

const abbrevFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Short label of a zone at an instant: `PST`/`PDT` where the runtime knows an abbreviation,
 * otherwise an offset like `GMT+1`; `UTC` for UTC.
 */
export function zoneLabel(epochMs: number, zone: string): string {
  if (isUtcZone(zone)) return 'UTC';
  let fmt = abbrevFormatters.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' });
    abbrevFormatters.set(zone, fmt);
  }
  const part = fmt.formatToParts(new Date(epochMs)).find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/** Formats an instant in a zone with a date-fns pattern (no zone label). */
export function formatInZone(epochMs: number, zone: string, pattern: string): string {
  return format(new TZDate(epochMs, formattableZone(zone)), pattern);
}

/** `2014-11-18 16:51:07 PST` — the full, sortable form used in tables and exports. */
export function formatZonedFull(epochMs: number, zone: string): string {
  return `${formatInZone(epochMs, zone, P.sortable)} ${zoneLabel(epochMs, zone)}`;
}

/** `Nov 18 16:51 PST` — the compact form; the year is shown when `withYear` is set. */
export function formatZonedShort(epochMs: number, zone: string, withYear = false): string {
  const pattern = withYear ? P.dateTimeYear : P.dateTime;
  return `${formatInZone(epochMs, zone, pattern)} ${zoneLabel(epochMs, zone)}`;
}

/**
 * The text a key-time input shows for a stored instant: `2014-11-18 16:51`, adding seconds
 * and milliseconds only when they are not zero, so the text parses back to the same instant.
 */
export function formatEditable(epochMs: number, zone: string): string {
  const d = new TZDate(epochMs, formattableZone(zone));
  if (d.getMilliseconds() !== 0) return format(d, 'yyyy-MM-dd HH:mm:ss.SSS');
  if (d.getSeconds() !== 0) return format(d, 'yyyy-MM-dd HH:mm:ss');
  return format(d, 'yyyy-MM-dd HH:mm');
}

/** Primary zone time, with the secondary zone in brackets when one is set and differs. */
export function formatDualZone(epochMs: number, zone: string, secondary: string | null): string {
  const main = formatZonedFull(epochMs, zone);
  if (!secondary || secondary === zone) return main;
  return `${main} (${formatZonedFull(epochMs, secondary)})`;
}
