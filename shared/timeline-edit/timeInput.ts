import { parseZonedInput, type ParsedInstant } from '../format/parse';
import { formatInZone } from '../format/zoned';
import { isKnownZone, zonedToEpoch } from '../time/zone';
import { nullProto } from '../domain/lookup';

export interface TimeInputContext {
  /** Zone in which wall-clock text is read (the zone the table shows). */
  zone: string;
  /** The current instant (injected so tests are deterministic). */
  now: number;
  /**
   * What a bare relative offset (`+5m`) counts from: usually the selected or last event.
   * Null means "now".
   */
  anchor: number | null;
}

const UNIT_MS: Record<string, number> = nullProto({
  ms: 1,
  s: 1_000,
  sec: 1_000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  d: 86_400_000,
});

const OFFSET = /^([+\-−])\s*((?:\d+(?:\.\d+)?\s*(?:ms|sec|min|hr|s|m|h|d)\s*)+)$/;
const OFFSET_PART = /(\d+(?:\.\d+)?)\s*(ms|sec|min|hr|s|m|h|d)/g;
const TIME_ONLY = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3}))?)?$/;
const EPOCH = /^\d{12,13}$/;

/** Milliseconds of an offset like `+5m`, `-2h`, `+1h30m`, `−90s`; null when it is not one. */
export function parseRelativeOffset(text: string): number | null {
  const m = OFFSET.exec(text.trim().toLowerCase());
  if (!m) return null;
  const sign = m[1] === '+' ? 1 : -1;
  let total = 0;
  for (const part of (m[2] ?? '').matchAll(OFFSET_PART)) {
    total += Number(part[1]) * (UNIT_MS[part[2] ?? ''] ?? 0);
  }
  return sign * Math.round(total);
}

/**
 * Reads the time a person types for a timeline event. Accepts:
 * - `now`, `now+5m`, `now-2h`;
 * - a relative offset `+5m`, `-2h`, `+1h30m`, counted from `ctx.anchor` (else now);
 * - a time of day `16:51` / `16:51:07` on the anchor's (else today's) date in `ctx.zone`;
 * - dates and pasted ISO 8601 forms (`2014-11-18 16:51`, `2014-11-19T00:51:07.120Z`,
 *   `2014-11-18T16:51-08:00`); text without an offset is wall-clock time in `ctx.zone`;
 * - epoch milliseconds (12–13 digits), as pasted from a log.
 */
export function parseEventTimeInput(text: string, ctx: TimeInputContext): ParsedInstant {
  const s = text.trim();
  if (s === '') return { ok: false, error: 'Enter a time: 16:51, 2014-11-18 16:51, now, +5m or -2h.' };
  const lower = s.toLowerCase();
  if (lower === 'now') return { ok: true, epochMs: ctx.now };
  if (lower.startsWith('now')) {
    const off = parseRelativeOffset(lower.slice(3));
    if (off === null)
      return { ok: false, error: `Not an offset after "now": "${s.slice(3).trim()}". Use now+5m or now-2h.` };
    return { ok: true, epochMs: ctx.now + off };
  }
  const off = parseRelativeOffset(lower);
  if (off !== null) return { ok: true, epochMs: (ctx.anchor ?? ctx.now) + off };
  if (/^[+\-−]/.test(s))
    return { ok: false, error: `Not an offset: "${s}". Use a form like +5m, -2h or +1h30m.` };
  if (EPOCH.test(s)) return { ok: true, epochMs: Number(s) };
  const t = TIME_ONLY.exec(s);
  if (t) return timeOfDay(t, ctx, s);
  return parseZonedInput(s.replace(/\s+(UTC|Z)$/i, 'Z'), ctx.zone);
}

function timeOfDay(t: RegExpExecArray, ctx: TimeInputContext, s: string): ParsedInstant {
  const h = Number(t[1]);
  const mi = Number(t[2]);
  const sec = t[3] === undefined ? 0 : Number(t[3]);
  const ms = t[4] === undefined ? 0 : Number(t[4].padEnd(3, '0'));
  if (h > 23 || mi > 59 || sec > 59) return { ok: false, error: `No such time of day: "${s}".` };
  if (!isKnownZone(ctx.zone)) return { ok: false, error: `Unknown time zone "${ctx.zone}".` };
  const day = formatInZone(ctx.anchor ?? ctx.now, ctx.zone, 'yyyy-MM-dd')
    .split('-')
    .map(Number);
  const [y = 1970, mo = 1, d = 1] = day;
  const epochMs = zonedToEpoch(ctx.zone, y, mo, d, h, mi, sec, ms);
  if (epochMs === null) return { ok: false, error: `Unknown time zone "${ctx.zone}".` };
  return { ok: true, epochMs };
}
