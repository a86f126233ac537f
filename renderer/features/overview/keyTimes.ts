import { KEY_TIME_FIELDS, type KeyTimeField, type KeyTimes } from '../../../shared/domain';

export const KEY_TIME_LABELS: Record<KeyTimeField, string> = {
  impactStartAt: 'Impact started',
  detectedAt: 'Detected',
  mitigatedAt: 'Mitigated',
  recoveredAt: 'Recovered',
  resolvedAt: 'Resolved',
};

export interface DerivedDuration {
  key: 'detect' | 'mitigate' | 'recover' | 'total';
  label: string;
  /** null until both ends are known. */
  ms: number | null;
}

const DURATIONS: { key: DerivedDuration['key']; label: string; end: KeyTimeField }[] = [
  { key: 'detect', label: 'Time to detect', end: 'detectedAt' },
  { key: 'mitigate', label: 'Time to mitigate', end: 'mitigatedAt' },
  { key: 'recover', label: 'Time to recover', end: 'recoveredAt' },
  { key: 'total', label: 'Total duration', end: 'resolvedAt' },
];

/** Durations measured from the start of impact; null where a time is missing. */
export function deriveDurations(times: KeyTimes): DerivedDuration[] {
  const start = times.impactStartAt;
  return DURATIONS.map(({ key, label, end }) => {
    const at = times[end];
    return { key, label, ms: start === null || at === null ? null : at - start };
  });
}

/**
 * Warnings for key times out of their natural order (impact → detected → mitigated → recovered →
 * resolved). Each filled time is compared with the latest filled time before it.
 */
export function keyTimeWarnings(times: KeyTimes): string[] {
  const warnings: string[] = [];
  let previous: { field: KeyTimeField; at: number } | null = null;
  for (const field of KEY_TIME_FIELDS) {
    const at = times[field];
    if (at === null) continue;
    if (previous && at < previous.at) {
      warnings.push(`${KEY_TIME_LABELS[field]} is before ${KEY_TIME_LABELS[previous.field].toLowerCase()}.`);
    } else {
      previous = { field, at };
    }
  }
  return warnings;
}
