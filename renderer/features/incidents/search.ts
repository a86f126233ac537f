import type { Incident } from '../../../shared/domain';

/** Incidents whose title, summary or services contain every word of the query (any case). */
export function filterIncidents(incidents: readonly Incident[], query: string): Incident[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...incidents];
  return incidents.filter((i) => {
    const hay = [i.title, i.summary, ...i.services].join('\n').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
