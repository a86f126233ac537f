import type { EventKind, KeyTimes } from '../domain';

/** True for the record that closes the incident (`…incident.resolved`). */
export function isResolvedType(type: string | null): boolean {
  return type !== null && type.endsWith('incident.resolved');
}

/** Growable list of instants (typed array: alerts can number in the hundreds of thousands). */
class Instants {
  private data = new Float64Array(16);
  private n = 0;
  push(at: number): void {
    if (this.n === this.data.length) {
      const next = new Float64Array(this.n * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.n++] = at;
  }
  /** Smallest instant >= from, or null. */
  firstFrom(from: number): number | null {
    let best = Infinity;
    for (let i = 0; i < this.n; i++) {
      const at = this.data[i]!;
      if (at >= from && at < best) best = at;
    }
    return best === Infinity ? null : best;
  }
}

/**
 * Accumulates the phase boundaries while records stream in (any order):
 * - impactStartAt: first impact record;
 * - detectedAt: first detection record at or after impact start, or the first communication
 *   record there when it comes earlier (nobody tells customers before someone noticed: a status
 *   page's first update is Detected when nothing earlier says so); null while there is no impact;
 * - mitigatedAt: first mitigation record at or after impact start (null while there is no impact);
 * - recoveredAt: the last recovery record, unless an impact record follows it (still ongoing);
 * - resolvedAt: the last `…incident.resolved` record, else recoveredAt.
 */
export class PhaseTracker {
  private impactFirst = Infinity;
  private impactLast = -Infinity;
  private recoveryLast = -Infinity;
  private resolvedLast = -Infinity;
  private readonly detections = new Instants();
  private readonly mitigations = new Instants();
  private readonly communications = new Instants();

  add(at: number, kind: EventKind, type: string | null): void {
    switch (kind) {
      case 'impact':
        if (at < this.impactFirst) this.impactFirst = at;
        if (at > this.impactLast) this.impactLast = at;
        break;
      case 'detection':
        this.detections.push(at);
        break;
      case 'mitigation':
        this.mitigations.push(at);
        break;
      case 'communication':
        this.communications.push(at);
        break;
      case 'recovery':
        if (at > this.recoveryLast) this.recoveryLast = at;
        break;
      default:
        break;
    }
    if (isResolvedType(type) && at > this.resolvedLast) this.resolvedLast = at;
  }

  private detectedFrom(impactStartAt: number): number | null {
    const detected = this.detections.firstFrom(impactStartAt);
    const told = this.communications.firstFrom(impactStartAt);
    if (detected === null) return told;
    return told === null ? detected : Math.min(detected, told);
  }

  result(): KeyTimes {
    const impactStartAt = this.impactFirst === Infinity ? null : this.impactFirst;
    const hasRecovery = this.recoveryLast !== -Infinity;
    const recoveredAt = hasRecovery && this.impactLast <= this.recoveryLast ? this.recoveryLast : null;
    return {
      impactStartAt,
      detectedAt: impactStartAt === null ? null : this.detectedFrom(impactStartAt),
      mitigatedAt: impactStartAt === null ? null : this.mitigations.firstFrom(impactStartAt),
      recoveredAt,
      resolvedAt: this.resolvedLast === -Infinity ? recoveredAt : this.resolvedLast,
    };
  }
}

/** The phase boundaries of a set of classified records (see PhaseTracker for the rules). */
export function computePhases(
  records: Iterable<{ at: number; kind: EventKind; type?: string | null }>,
): KeyTimes {
  const tracker = new PhaseTracker();
  for (const r of records) tracker.add(r.at, r.kind, r.type ?? null);
  return tracker.result();
}
