import type { EventKind, IncidentType } from '../domain';

/** The fields of an event the game-day rule reads. */
export interface FaultEvent {
  kind: EventKind;
  injected?: boolean | undefined;
}

/**
 * Counts the fault-like events of an incident: events that could be what the write-up looks for
 * the cause of — every `change` (a deploy, a config or infrastructure change, an injected fault)
 * and every event a fault-injection tool put there. Impact, detection and logs are what was
 * observed, not faults, so they do not count.
 */
export class FaultTally {
  injected = 0;
  other = 0;

  add(e: FaultEvent): void {
    if (e.injected === true) this.injected++;
    else if (e.kind === 'change') this.other++;
  }

  /** `game-day` when there is at least one fault and every fault was injected; else `incident`. */
  type(): IncidentType {
    return this.injected > 0 && this.other === 0 ? 'game-day' : 'incident';
  }
}

/** The incident type the events suggest (see FaultTally). */
export function classifyIncidentType(events: Iterable<FaultEvent>): IncidentType {
  const tally = new FaultTally();
  for (const e of events) tally.add(e);
  return tally.type();
}
