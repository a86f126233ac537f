// Tests that need a service binary: run when it is there; locally, without it, skip with one
// line saying what to install; in CI (CI=true), where .ci/run installs it, a missing binary is
// a failing test, never a silent skip.
import { describe, it } from 'vitest';

export interface ServiceNeed {
  /** What is needed, as a person would name it ("PostgreSQL"). */
  service: string;
  /** The located binary or directory; null when absent. */
  located: string | null;
  /** How to get it ("apt-get install postgresql"). */
  install: string;
}

/** Why tests needing `need` cannot run here, or null when they can. */
export function missingReason(need: ServiceNeed): string | null {
  return need.located === null ? `${need.service} not found (${need.install})` : null;
}

export type GateDecision = { run: true } | { run: false; reason: string; fail: boolean };

/** Run, skip (locally) or fail (in CI, where `ci` is the CI variable) tests that need `need`. */
export function gateDecision(need: ServiceNeed, ci: string | undefined): GateDecision {
  const reason = missingReason(need);
  if (reason === null) return { run: true };
  return { run: false, reason, fail: Boolean(ci) };
}

/** `describe` when the service is present; otherwise a skip (locally) or a failure (CI). */
export function describeWithService(name: string, need: ServiceNeed, body: () => void): void {
  const decision = gateDecision(need, process.env.CI);
  if (decision.run) {
    describe(name, body);
    return;
  }
  const { reason } = decision;
  if (decision.fail) {
    describe(name, () => {
      it(`needs ${need.service}`, () => {
        throw new Error(`${reason}: CI must install it (.ci/run)`);
      });
    });
    return;
  }
  console.warn(`skipping "${name}": ${reason}`);
  describe.skip(name, body);
}
