import { z } from 'zod';
import { DEFAULT_ACTION_TYPES, PRIORITIES } from '../domain';
import type { Priority } from '../domain';

/** Preference keys (stored with getPref/setPref) owned by the action-items feature. */
export const ACTION_PREF_KEYS = {
  dueDays: 'actions.dueDays',
  types: 'actions.types',
} as const;

/** Days from creation to the default due date, per priority; null means "no due date". */
export type DueDays = Record<Priority, number | null>;

/**
 * Defaults modelled on the SLOs big teams put on postmortem actions: P0 two weeks, P1 four weeks,
 * P2 eight weeks, P3 none.
 */
export const DEFAULT_DUE_DAYS: DueDays = { P0: 14, P1: 28, P2: 56, P3: null };

/** The longest default the preferences accept (about five years); longer is surely a typo. */
export const MAX_DUE_DAYS = 2_000;

const DueDaysValue = z.number().int().min(0).max(MAX_DUE_DAYS).nullable();

export const DueDaysSchema = z.object({
  P0: DueDaysValue,
  P1: DueDaysValue,
  P2: DueDaysValue,
  P3: DueDaysValue,
});

export const ActionTypesSchema = z.array(z.string().trim().min(1).max(60)).min(1).max(50);

/**
 * Upgrades a stored due-days preference: each priority that is missing or invalid falls back to
 * its default, so one bad value never loses the others.
 */
export function restoreDueDays(stored: unknown): DueDays {
  const out: DueDays = { ...DEFAULT_DUE_DAYS };
  if (typeof stored !== 'object' || stored === null) return out;
  const record = stored as Record<string, unknown>;
  for (const p of PRIORITIES) {
    const parsed = DueDaysValue.safeParse(record[p]);
    if (parsed.success && p in record) out[p] = parsed.data;
  }
  return out;
}

/**
 * Upgrades a stored list of action types: trimmed, de-duplicated (case-insensitively, first
 * spelling wins), empties dropped; an unusable value gives the built-in list.
 */
export function restoreActionTypes(stored: unknown): string[] {
  if (!Array.isArray(stored)) return [...DEFAULT_ACTION_TYPES];
  const out = normaliseTypeList(stored.filter((t): t is string => typeof t === 'string'));
  return out.length > 0 ? out : [...DEFAULT_ACTION_TYPES];
}

/** Trims, drops empties and over-long entries, and removes case-insensitive duplicates. */
export function normaliseTypeList(types: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of types) {
    const t = raw.trim();
    if (t === '' || t.length > 60 || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  return out;
}
