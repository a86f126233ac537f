import type { Incident, KeyTimeField, KeyTimes } from '../domain';

/** The phases an event can mark, in order, with the words the timeline menu uses. */
export const PHASE_MARKS: { field: KeyTimeField; label: string }[] = [
  { field: 'impactStartAt', label: 'Impact started' },
  { field: 'detectedAt', label: 'Detected' },
  { field: 'mitigatedAt', label: 'Mitigated' },
  { field: 'recoveredAt', label: 'Recovered' },
  { field: 'resolvedAt', label: 'Resolved' },
];

/** The key-time part of an incident, which a timeline edit changes and its undo restores. */
export type KeyTimeState = Pick<Incident, 'keyTimes' | 'keyTimeOrigins'>;

/** Sets (or clears, with null) one key time from the timeline, recording the origin 'timeline'. */
export function withKeyTime(state: KeyTimeState, field: KeyTimeField, at: number | null): KeyTimeState {
  const keyTimes: KeyTimes = { ...state.keyTimes, [field]: at };
  const keyTimeOrigins = { ...state.keyTimeOrigins };
  if (at === null) delete keyTimeOrigins[field];
  else keyTimeOrigins[field] = 'timeline';
  return { keyTimes, keyTimeOrigins };
}

/** The phase marks whose time equals an instant (an event "is" the impact start when they match). */
export function phasesAt(keyTimes: KeyTimes, at: number): KeyTimeField[] {
  return PHASE_MARKS.filter((p) => keyTimes[p.field] === at).map((p) => p.field);
}

/** Time to detect / mitigate / recover from impact start; null where a time is missing. */
export function phaseMetrics(k: KeyTimes): { ttd: number | null; ttm: number | null; ttr: number | null } {
  const s = k.impactStartAt;
  const d = (t: number | null) => (s === null || t === null ? null : t - s);
  return { ttd: d(k.detectedAt), ttm: d(k.mitigatedAt), ttr: d(k.recoveredAt) };
}
