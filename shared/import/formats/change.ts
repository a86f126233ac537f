import { parseTimeValue } from '../../time/parse';
import type { ChangeInfo, ChangePhase, ParseContext } from '../types';
import { timeOptions } from './record';

/** One target of a change (see ChangeInfo.targets). */
export type ChangeTarget = ChangeInfo['targets'][number];

/** A target from a component name (null when there is none), with region and slice. */
export function target(
  component: string | null,
  region: string | null = null,
  slice: string | null = null,
): ChangeTarget[] {
  return component === null || component === '' ? [] : [{ component, region, slice }];
}

/** Builds a ChangeInfo; `weight` is clamped to 0–100 and dropped when not a number. */
export function changeOf(
  id: string | null,
  changeKind: string | null,
  phase: ChangePhase | null,
  targets: ChangeTarget[],
  description: string | null = null,
  weight: number | null = null,
): ChangeInfo {
  const w = weight !== null && Number.isFinite(weight) ? Math.max(0, Math.min(100, weight)) : null;
  return { id, changeKind, description, targets, phase, weight: w };
}

/**
 * The traffic weight a rollout message names: `setWeight: 20`, `Set weight to 20`, `weight 20`,
 * `weight updated from 5 to 20` (the last number wins), `20%` after "weight". Null when none.
 */
export function weightIn(message: string): number | null {
  const m =
    /weight[^0-9]{0,40}?(?:from\s+\d+(?:\.\d+)?%?\s+)?to\s+(\d+(?:\.\d+)?)/i.exec(message) ??
    /weight\s*[:=]?\s*(\d+(?:\.\d+)?)/i.exec(message);
  if (m === null) return null;
  const n = Number(m[1]);
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : null;
}

/** A time value (ISO text, epoch s/ms/µs/ns number or text), or null for absent/unreadable. */
export function timeOf(v: unknown, ctx: ParseContext): number | null {
  return v === undefined || v === null || v === '' || v === 0 || v === '0'
    ? null
    : parseTimeValue(v, timeOptions(ctx));
}

/** `2024-05-02T08:00:00.000Z` for an epoch ms, for change ids derived from a time. */
export function isoId(at: number): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? String(at) : d.toISOString();
}
