import type { Finding } from '../domain';
import { formatZonedFull } from '../format/zoned';
import type { ChangePhase } from '../import/types';

/** One record of a change (any phase), as the change-before-impact finding needs it. */
export interface ChangeMark<Ref> {
  at: number;
  /** The change id; records without one are each a change of their own. */
  change: string | null;
  /** Services the change touched: its targets' components, else the record's service. */
  services: readonly string[];
  regions: readonly string[];
  phase: ChangePhase | null;
  injected: boolean;
  /** The record's title, for the finding's message. */
  title: string;
  ref: Ref;
}

/** What the finding compares changes with: when impact started, and on which services. */
export interface ImpactScope {
  at: number | null;
  /** Services with impact records (after the alias map); empty = not known. */
  services: ReadonlySet<string>;
}

interface ChangeSpan<Ref> {
  change: string | null;
  /** When the change last acted before impact start: its completion, else its last step. */
  at: number;
  completed: boolean;
  injected: boolean;
  title: string;
  services: Set<string>;
  regions: Set<string>;
  refs: Ref[];
}

const MAX_MARKS = 200_000;
/** The closest changes are the ones worth a reviewer's look; a busy hour must not bury them. */
const MAX_FINDINGS = 5;

function minutes(ms: number): string {
  const m = Math.round(ms / 60_000);
  return m < 1 ? 'less than a minute' : m === 1 ? '1 min' : `${m} min`;
}

/**
 * Collects change records from every source and finds the changes that touched an impacted
 * service (one service under one name: the alias map ran before) and last acted — completed,
 * else their last step — within `windowMs` before impact start. Closest first.
 */
export class ChangeLedger<Ref> {
  private readonly marks: ChangeMark<Ref>[] = [];

  /** Notes one change record (ignored past 200,000: findings read the changes, not the noise). */
  add(mark: ChangeMark<Ref>): void {
    if (this.marks.length < MAX_MARKS) this.marks.push(mark);
  }

  /** The `change-before-impact` findings, closest to impact start first. */
  findings(impact: ImpactScope, windowMs: number, eventIdOf: (ref: Ref) => string | null): Finding[] {
    const start = impact.at;
    if (start === null) return [];
    const spans = this.spans(start);
    const near = spans
      .filter((s) => start - s.at <= windowMs)
      .filter((s) => impact.services.size === 0 || [...s.services].some((x) => impact.services.has(x)))
      .sort((a, b) => b.at - a.at || (a.change ?? '').localeCompare(b.change ?? ''))
      .slice(0, MAX_FINDINGS);
    return near.map((s, i) => {
      const label = s.change === null ? `"${s.title}"` : `Change ${s.change}`;
      const services = [...s.services].sort();
      const hit = services.filter((x) => impact.services.has(x));
      const rank = near.length > 1 ? ` (closest ${i + 1} of ${near.length})` : '';
      const what = s.injected ? 'The injected fault' : label;
      const message =
        `${what}${s.injected ? ` ${s.change === null ? `"${s.title}"` : s.change}` : ''} ` +
        `${s.completed ? 'completed' : 'last acted'} on ${hit.length > 0 ? hit.join(', ') : services.join(', ') || 'its targets'} ` +
        `at ${formatZonedFull(s.at, 'UTC')}, ${minutes(start - s.at)} before impact started ` +
        `(${formatZonedFull(start, 'UTC')}; window ${minutes(windowMs)})${rank}.`;
      return {
        code: 'change-before-impact',
        at: s.at,
        change: s.change,
        components: services,
        regions: [...s.regions].sort(),
        eventIds: [...new Set(s.refs.map(eventIdOf).filter((id): id is string => id !== null))],
        message,
        ...(s.injected ? { injected: true } : {}),
      };
    });
  }

  /* Each change's records before impact start, merged into one span per change id. */
  private spans(impactAt: number): ChangeSpan<Ref>[] {
    const byId = new Map<string, ChangeSpan<Ref>>();
    const out: ChangeSpan<Ref>[] = [];
    for (const m of this.marks) {
      if (m.at > impactAt || m.services.length === 0) continue;
      const key = m.change === null ? null : `${m.injected ? 'i' : 'c'}\u0000${m.change}`;
      let span = key === null ? undefined : byId.get(key);
      if (span === undefined) {
        span = {
          change: m.change,
          at: m.at,
          completed: false,
          injected: m.injected,
          title: m.title,
          services: new Set(),
          regions: new Set(),
          refs: [],
        };
        out.push(span);
        if (key !== null) byId.set(key, span);
      }
      const done = m.phase === 'completed';
      // A completion decides when the change last acted; before one, the latest step does.
      if (done && (!span.completed || m.at > span.at)) {
        span.at = m.at;
        span.completed = true;
      } else if (!span.completed && m.at > span.at) span.at = m.at;
      for (const s of m.services) span.services.add(s);
      for (const r of m.regions) span.regions.add(r);
      span.refs.push(m.ref);
    }
    return out;
  }
}
