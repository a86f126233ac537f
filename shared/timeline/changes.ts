import type { EventKind, Finding, KeyTimes } from '../domain';
import type { RawRecord } from '../import/types';
import { isChangeStepPhase } from '../import/types';
import { ChangeLedger } from './changeBeforeImpact';
import { FindingCollector, isStepType } from './findings';
import { DEFAULT_FINDING_OPTIONS } from './types';
import type { FindingOptions } from './types';

/**
 * Change analysis for every source, fed one classified record at a time: rollout steps (by
 * CloudEvents type or by the change model's phase) go to the rollout findings, every change
 * record to the change-before-impact ledger, and impact records name the impacted services.
 * Injected faults never count as rollouts; before impact they become "did not tolerate" findings.
 */
export class ChangeAnalysis<Ref> {
  private readonly options: FindingOptions;
  private readonly rollouts: FindingCollector<Ref>;
  private readonly ledger = new ChangeLedger<Ref>();
  private readonly impacted = new Set<string>();

  constructor(options: Partial<FindingOptions> = {}) {
    this.options = { ...DEFAULT_FINDING_OPTIONS, ...options };
    this.rollouts = new FindingCollector<Ref>(this.options);
  }

  /** Notes one record: its place, and what it says about changes and impact. */
  add(raw: RawRecord, kind: EventKind, title: string, ref: Ref): void {
    this.rollouts.seen(raw.service, raw.region);
    if (kind === 'impact' && raw.service !== null && this.impacted.size < 10_000)
      this.impacted.add(raw.service);
    const change = raw.change;
    const step = isStepType(raw.type) || (change !== null && isChangeStepPhase(change.phase));
    if (step && !raw.injected) {
      this.rollouts.step({ at: raw.at, change, service: raw.service, region: raw.region, ref });
    }
    // Any change counts, whatever its source: a change model, a rollout step, a change line.
    if (change === null && !step && kind !== 'change') return;
    const targets = change?.targets.filter((t) => t.component !== '') ?? [];
    const services =
      targets.length > 0 ? targets.map((t) => t.component) : raw.service === null ? [] : [raw.service];
    const regions = targets.length > 0 ? targets.flatMap((t) => (t.region === null ? [] : [t.region])) : [];
    if (targets.length === 0 && raw.region !== null) regions.push(raw.region);
    this.ledger.add({
      at: raw.at,
      change: change?.id ?? null,
      services,
      regions,
      phase: change?.phase ?? (step ? 'step' : null),
      injected: raw.injected,
      title,
      ref,
    });
  }

  /** Every finding, in time order; `eventIdOf` turns refs into event ids (null = none). */
  findings(keyTimes: KeyTimes, eventIdOf: (ref: Ref) => string | null): Finding[] {
    const found = this.rollouts.findings(eventIdOf);
    const before = this.ledger.findings(
      { at: keyTimes.impactStartAt, services: this.impacted },
      this.options.changeWindowMs,
      eventIdOf,
    );
    return [...found, ...before].sort((a, b) => a.at - b.at || a.code.localeCompare(b.code));
  }
}
