import { z } from 'zod';
import { EpochMs } from '../domain';
import { nullProto } from '../domain/lookup';

/** The kinds of live block a section can hold; each shows current incident data. */
export const LIVE_BLOCK_KINDS = [
  'timeline',
  'cause-diagram',
  'cause-list',
  'actions',
  'key-times',
  'impact',
] as const;
export const LiveBlockKind = z.enum(LIVE_BLOCK_KINDS);
export type LiveBlockKind = z.infer<typeof LiveBlockKind>;

/** Which events a timeline block shows: key events only, every non-log event, or a time range. */
export const TimelineScope = z.enum(['key', 'all', 'range']);
export type TimelineScope = z.infer<typeof TimelineScope>;

export const LiveBlockSpec = z.object({
  block: LiveBlockKind,
  /** Timeline only. */
  scope: TimelineScope.default('key'),
  /** Timeline range bounds (inclusive), used when scope is `range`. */
  from: EpochMs.nullable().default(null),
  to: EpochMs.nullable().default(null),
});
export type LiveBlockSpec = z.infer<typeof LiveBlockSpec>;

export const LIVE_BLOCK_LABELS: Record<LiveBlockKind, string> = {
  timeline: 'Timeline',
  'cause-diagram': 'Cause diagram',
  'cause-list': 'Cause list',
  actions: 'Action items',
  'key-times': 'Key times (TTD / TTM / TTR)',
  impact: 'Impact summary',
};

/** A spec with defaults for one kind. */
export function liveBlock(
  block: LiveBlockKind,
  extra: Partial<Omit<LiveBlockSpec, 'block'>> = {},
): LiveBlockSpec {
  return { block, scope: 'key', from: null, to: null, ...extra };
}

/** `{{live:timeline}}`, `{{live:timeline scope=all}}`, `{{live:timeline from=… to=…}}` (epoch ms). */
export const LIVE_BLOCK_SYNTAX = /^\{\{live:([a-z-]+)((?:\s+[a-z]+=[\w-]+)*)\s*\}\}\s*$/;

/** Reads the Markdown line syntax of a live block (used by templates and Markdown import); null when it is not one. */
export function parseLiveBlockSyntax(line: string): LiveBlockSpec | null {
  const m = LIVE_BLOCK_SYNTAX.exec(line.trim());
  if (m === null) return null;
  const raw: Record<string, unknown> = nullProto({ block: m[1] });
  for (const pair of (m[2] ?? '').trim().split(/\s+/).filter(Boolean)) {
    const [k, v] = pair.split('=') as [string, string];
    raw[k] = k === 'from' || k === 'to' ? Number(v) : v;
  }
  const parsed = LiveBlockSpec.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The line syntax of a spec (inverse of parseLiveBlockSyntax). */
export function liveBlockSyntax(spec: LiveBlockSpec): string {
  const parts = [`{{live:${spec.block}`];
  if (spec.block === 'timeline') {
    if (spec.scope !== 'key') parts.push(`scope=${spec.scope}`);
    if (spec.from !== null) parts.push(`from=${spec.from}`);
    if (spec.to !== null) parts.push(`to=${spec.to}`);
  }
  return `${parts.join(' ')}}}`;
}
