import { isKnownZone } from '../time/zone';

let cached: string[] | null = null;

/** Every IANA zone the runtime knows, with `UTC` first. */
export function listZones(): string[] {
  if (!cached) {
    const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    cached = ['UTC', ...all.filter((z) => z !== 'UTC')];
  }
  return cached;
}

/** Why a zone name cannot be used, or null when it can. */
export function zoneProblem(zone: string): string | null {
  const z = zone.trim();
  if (z === '') return 'Choose a time zone.';
  if (!isKnownZone(z)) return `Unknown time zone "${z}". Use an IANA name such as America/Los_Angeles.`;
  return null;
}
