import { z } from 'zod';
import { isIanaZone, isKnownZone } from '../time/zone';

/** The largest |epoch ms| a JavaScript Date can hold (±100,000,000 days around 1970). */
export const MAX_DATE_MS = 8.64e15;

/** True when `ms` is a whole number a Date can hold, so every formatter can show it. */
export function isDateMs(ms: unknown): ms is number {
  return typeof ms === 'number' && Number.isInteger(ms) && Math.abs(ms) <= MAX_DATE_MS;
}

/*
 * Field checks for the quick row checks (isValidIncident, isValidActionItem): each accepts
 * exactly what the schema's field type accepts, so a list of a thousand rows need not go
 * through zod (slow in a page whose CSP forbids its compiled parsers).
 */
/** An `Id`: 1–128 characters. */
export const isId = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 128;
/** A string of at most `max` characters. */
export const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
/** A list of `Label`s. */
export const isLabels = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => isText(x, 200));
/** A plain object (not null, not an array). */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * UTC epoch milliseconds. Every stored instant in Rootline is one of these, within the Date
 * range: a time outside it makes every date formatter throw ("Invalid time value").
 */
export const EpochMs = z
  .number()
  .int()
  .min(-MAX_DATE_MS, 'a time must be within the JavaScript date range (±8.64e15 ms)')
  .max(MAX_DATE_MS, 'a time must be within the JavaScript date range (±8.64e15 ms)');
export type EpochMs = z.infer<typeof EpochMs>;

/** A nullable instant: null means "not known yet". */
export const MaybeEpochMs = EpochMs.nullable();

/** An IANA time-zone name the runtime knows (`America/Los_Angeles`, `UTC`), for showing times. */
export const ZoneName = z
  .string()
  .min(1)
  .max(100)
  .refine(isIanaZone, { message: 'unknown time zone; use an IANA name such as America/Los_Angeles' });

/** A zone for reading log times: an IANA name, or `Z`/`''` (UTC), as the importers accept. */
export const ParseZone = z
  .string()
  .max(100)
  .refine(isKnownZone, { message: 'unknown time zone; use an IANA name such as America/Los_Angeles' });

/** Opaque id (ULID-like text). */
export const Id = z.string().min(1).max(128);
export type Id = z.infer<typeof Id>;

/** Trimmed short label such as a service, region or person name. */
export const Label = z.string().max(200);

/** Throws when a `switch` over a union type misses a case (compile time) or gets a bad value (run time). */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${String(value)}`);
}
