import type { Finding } from '../domain';
import { formatZonedFull } from '../format/zoned';
import type { ChangeInfo } from '../import/types';
import { DEFAULT_FINDING_OPTIONS } from './types';
import type { FindingOptions } from './types';

const STEP_SUFFIXES = ['deploy.started', 'deploy.step', 'config.changed', 'flag.changed'] as const;

/** True when the record type is a rollout step (`…deploy.started`, `…deploy.step`, `…config.changed`, `…flag.changed`). */
export function isStepType(type: string | null): boolean {
  if (type === null) return false;
  let step = stepTypeCache.get(type);
  if (step === undefined) {
    step = STEP_SUFFIXES.some((s) => type.endsWith(s));
    if (stepTypeCache.size < 10_000) stepTypeCache.set(type, step);
  }
  return step;
}

// Logs repeat a few types millions of times: decide once per distinct type.
const stepTypeCache = new Map<string, boolean>();

/** One rollout step as findings need it; `ref` is whatever the caller uses to find its event. */
export interface StepInput<Ref> {
  at: number;
  change: ChangeInfo | null;
  service: string | null;
  region: string | null;
  /** Share of traffic the change reaches after this step (0–100), when the source says. */
  weight?: number | null;
  ref: Ref;
}

/* A target region of '*' means every known region of the component (a target without region). */
const ALL = '*';
const NO_REGION = '';
const MAX_STEPS = 200_000;

interface Step<Ref> {
  at: number;
  seq: number;
  change: string | null;
  /** component → regions ('*' = all known). */
  targets: Map<string, Set<string>>;
  weight: number | null;
  ref: Ref;
}

interface Wave<Ref> {
  at: number;
  change: string | null;
  targets: Map<string, Set<string>>;
  refs: Ref[];
}

function addTarget(map: Map<string, Set<string>>, component: string, region: string): void {
  let set = map.get(component);
  if (set === undefined) map.set(component, (set = new Set()));
  set.add(region);
}

/** A finding's time in the app's one date/time family, labelled (`2014-11-19 00:45:00 UTC`). */
function iso(at: number): string {
  return formatZonedFull(at, 'UTC');
}

function list(items: readonly string[]): string {
  return items.length <= 6
    ? items.join(', ')
    : `${items.slice(0, 6).join(', ')} and ${items.length - 6} more`;
}

/**
 * Collects the (component, region) pairs seen anywhere and the rollout steps, then reports the
 * two mistakes of the 2014 Azure storage outage:
 * - `unstaged-rollout`: one wave (the steps of one change within `waveWindowMs`) reaches more than
 *   `maxStepShare` of the known targets of its components;
 * - `untested-target`: a wave puts a change on a component it never ran on, although it already
 *   ran on another component.
 */
export class FindingCollector<Ref> {
  private readonly options: FindingOptions;
  private readonly known = new Map<string, Set<string>>();
  private readonly steps: Step<Ref>[] = [];
  private lastService: string | null = null;
  private lastRegion: string | null = null;

  constructor(options: Partial<FindingOptions> = {}) {
    this.options = { ...DEFAULT_FINDING_OPTIONS, ...options };
  }

  /** Notes the service/region of any record (steps, logs, everything). */
  seen(service: string | null, region: string | null): void {
    if (service === null || (service === this.lastService && region === this.lastRegion)) return;
    this.lastService = service;
    this.lastRegion = region;
    addTarget(this.known, service, region ?? NO_REGION);
  }

  /** Adds a rollout step (a record whose type `isStepType`). */
  step(input: StepInput<Ref>): void {
    if (this.steps.length >= MAX_STEPS) return;
    const targets = new Map<string, Set<string>>();
    for (const t of input.change?.targets ?? []) {
      if (t.component === '') continue;
      addTarget(targets, t.component, t.region ?? ALL);
      if (t.region !== null) addTarget(this.known, t.component, t.region);
      else if (!this.known.has(t.component)) this.known.set(t.component, new Set());
    }
    if (targets.size === 0 && input.service !== null) {
      addTarget(targets, input.service, input.region ?? ALL);
      this.seen(input.service, input.region);
    }
    const weight = input.weight ?? input.change?.weight ?? null;
    if (targets.size === 0 && weight === null) return;
    this.steps.push({
      at: input.at,
      seq: this.steps.length,
      change: input.change?.id ?? null,
      targets,
      weight: weight !== null && Number.isFinite(weight) ? Math.max(0, Math.min(100, weight)) : null,
      ref: input.ref,
    });
  }

  private knownRegions(component: string): Set<string> {
    const set = this.known.get(component);
    return set === undefined || set.size === 0 ? new Set([NO_REGION]) : set;
  }

  private waves(): Wave<Ref>[] {
    const sorted = [...this.steps].sort((a, b) => a.at - b.at || a.seq - b.seq);
    const waves: Wave<Ref>[] = [];
    const open = new Map<string, Wave<Ref>>();
    for (const s of sorted) {
      const prev = s.change === null ? undefined : open.get(s.change);
      if (prev !== undefined && s.at - prev.at <= this.options.waveWindowMs) {
        for (const [c, regions] of s.targets) for (const r of regions) addTarget(prev.targets, c, r);
        prev.refs.push(s.ref);
        continue;
      }
      const wave: Wave<Ref> = { at: s.at, change: s.change, targets: new Map(), refs: [s.ref] };
      for (const [c, regions] of s.targets) for (const r of regions) addTarget(wave.targets, c, r);
      waves.push(wave);
      if (s.change !== null) open.set(s.change, wave);
    }
    return waves;
  }

  /** The findings, given a way to turn step refs into event ids (null = not in the timeline). */
  findings(eventIdOf: (ref: Ref) => string | null): Finding[] {
    const out: Finding[] = [];
    const ranOn = new Map<string, Set<string>>();
    for (const wave of this.waves()) {
      const eventIds = [...new Set(wave.refs.map(eventIdOf).filter((id): id is string => id !== null))];
      const components = [...wave.targets.keys()].sort();
      const reached = this.reach(wave);
      const regions = [...new Set(reached.flatMap(([, rs]) => [...rs]))]
        .filter((r) => r !== NO_REGION)
        .sort();
      const hit = reached.reduce((n, [, rs]) => n + rs.size, 0);
      const total = components.reduce((n, c) => n + this.knownRegions(c).size, 0);
      const change = wave.change;
      const label = change === null ? 'A change' : `Change ${change}`;
      if (total >= this.options.minKnownTargets && hit / total > this.options.maxStepShare) {
        const pct = Math.round((100 * hit) / total);
        out.push({
          code: 'unstaged-rollout',
          at: wave.at,
          change,
          components,
          regions,
          eventIds,
          message:
            `${label} reached ${hit} of ${total} known targets (${pct}%) of ${list(components)} in one step at ` +
            `${iso(wave.at)} (regions: ${list(regions) || 'none named'}); a staged rollout reaches at most ` +
            `${Math.round(this.options.maxStepShare * 100)}% per step and waits for health signals.`,
        });
      }
      if (change === null) continue;
      let before = ranOn.get(change);
      if (before === undefined) ranOn.set(change, (before = new Set()));
      const fresh = components.filter((c) => !before.has(c));
      if (before.size > 0 && fresh.length > 0) {
        const freshRegions = [
          ...new Set(reached.filter(([c]) => fresh.includes(c)).flatMap(([, rs]) => [...rs])),
        ]
          .filter((r) => r !== NO_REGION)
          .sort();
        out.push({
          code: 'untested-target',
          at: wave.at,
          change,
          components: fresh,
          regions: freshRegions,
          eventIds,
          message:
            `${label} was put on ${list(fresh)} (${list(freshRegions) || 'no region named'}) at ${iso(wave.at)} ` +
            `without ever running there first; before, it had only run on ${list([...before].sort())}.`,
        });
      }
      for (const c of components) before.add(c);
    }
    out.push(...this.weightJumps(eventIdOf, out));
    return out.sort((a, b) => a.at - b.at || a.code.localeCompare(b.code));
  }

  /**
   * `unstaged-rollout` from traffic weights: a change whose share jumps by more than
   * (1 − maxStepShare) in one step — a canary set straight to 100%, or started there. A
   * promotion from a half-way canary (50% → 100%) is a normal last step.
   */
  private weightJumps(eventIdOf: (ref: Ref) => string | null, found: readonly Finding[]): Finding[] {
    const limit = (1 - this.options.maxStepShare) * 100;
    const last = new Map<string, number>();
    const out: Finding[] = [];
    const sorted = this.steps.filter((s) => s.weight !== null).sort((a, b) => a.at - b.at || a.seq - b.seq);
    for (const s of sorted) {
      const key = s.change ?? '';
      const before = last.get(key) ?? 0;
      const weight = s.weight!;
      last.set(key, weight);
      if (weight - before <= limit) continue;
      if (found.some((f) => f.code === 'unstaged-rollout' && f.change === s.change && f.at === s.at))
        continue;
      const components = [...s.targets.keys()].sort();
      const label = s.change === null ? 'A change' : `Change ${s.change}`;
      const id = eventIdOf(s.ref);
      out.push({
        code: 'unstaged-rollout',
        at: s.at,
        change: s.change,
        components,
        regions: [...new Set([...s.targets.values()].flatMap((r) => [...r]))]
          .filter((r) => r !== ALL && r !== NO_REGION)
          .sort(),
        eventIds: id === null ? [] : [id],
        message:
          `${label} went from ${before}% to ${weight}% of traffic${components.length > 0 ? ` on ${list(components)}` : ''} ` +
          `in one step at ${iso(s.at)}; a staged rollout moves at most ${Math.round(limit)} points at a time ` +
          `and waits for health signals.`,
      });
    }
    return out;
  }

  /** Pairs a wave reaches, with '*' expanded to the component's known regions. */
  private reach(wave: Wave<Ref>): [string, Set<string>][] {
    return [...wave.targets].map(([c, regions]) => {
      const known = this.knownRegions(c);
      return [c, regions.has(ALL) ? new Set(known) : new Set([...regions].filter((r) => known.has(r)))];
    });
  }
}
