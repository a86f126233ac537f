import { EMPTY_KEY_TIMES, type KeyTimes } from '../../../shared/domain';
import type { LibraryAction, LibraryIncident } from '../../../shared/library';

export const MIN = 60_000;
/** 2026-01-10 00:00 UTC, 2026-02-10, 2026-03-10. */
export const JAN = Date.UTC(2026, 0, 10);
export const FEB = Date.UTC(2026, 1, 10);
export const MAR = Date.UTC(2026, 2, 10);

/** Key times `d`, `m`, `r` minutes after an impact start at `at` (null = not known). */
export function times(at: number | null, d: number | null, m: number | null, r: number | null): KeyTimes {
  const after = (n: number | null) => (at === null || n === null ? null : at + n * MIN);
  return {
    ...EMPTY_KEY_TIMES,
    impactStartAt: at,
    detectedAt: after(d),
    mitigatedAt: after(m),
    recoveredAt: after(r),
  };
}

export function action(over: Partial<LibraryAction> = {}): LibraryAction {
  return {
    id: 'a',
    title: 'Do it',
    owner: 'ana',
    priority: 'P1',
    status: 'open',
    dueDate: null,
    completedAt: null,
    ...over,
  };
}

export function inc(id: string, over: Partial<LibraryIncident> = {}): LibraryIncident {
  return {
    id,
    title: `Incident ${id}`,
    severity: 'SEV2',
    status: 'draft',
    services: [],
    keyTimes: { ...EMPTY_KEY_TIMES },
    createdAt: JAN,
    causeCategories: [],
    patterns: [],
    findings: [],
    actions: [],
    ...over,
  };
}
