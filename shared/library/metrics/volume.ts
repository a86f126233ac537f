import type { LibraryIncident } from '../summary';
import { incidentDate } from '../summary';
import { monthKey, monthRange } from './period';

/** Incidents per month, split by service (an incident counts once for each of its services). */
export interface ServiceVolume {
  months: string[];
  /** Services by total, most incidents first. */
  services: { service: string; total: number; perMonth: number[] }[];
  /** Incidents per month, each counted once (services or not). */
  incidentsPerMonth: number[];
  /** Incidents that name no service. */
  withoutService: number;
}

/** Incidents per service over the months the incidents span (empty months included). */
export function serviceVolume(incidents: readonly LibraryIncident[]): ServiceVolume {
  if (incidents.length === 0) return { months: [], services: [], incidentsPerMonth: [], withoutService: 0 };
  const keys = incidents.map((i) => monthKey(incidentDate(i)));
  const sorted = [...keys].sort();
  const months = monthRange(sorted[0]!, sorted[sorted.length - 1]!);
  const col = new Map(months.map((m, idx) => [m, idx]));
  const incidentsPerMonth = months.map(() => 0);
  const per = new Map<string, number[]>();
  let withoutService = 0;
  incidents.forEach((i, n) => {
    const c = col.get(keys[n]!)!;
    incidentsPerMonth[c]!++;
    if (i.services.length === 0) withoutService++;
    for (const s of i.services) {
      let row = per.get(s);
      if (!row) per.set(s, (row = months.map(() => 0)));
      row[c]!++;
    }
  });
  const services = [...per].map(([service, perMonth]) => ({
    service,
    perMonth,
    total: perMonth.reduce((a, b) => a + b, 0),
  }));
  services.sort((a, b) => b.total - a.total || a.service.localeCompare(b.service));
  return { months, services, incidentsPerMonth, withoutService };
}

/** A contributing-factor category: in how many incidents, and how many causes carry it. */
export interface CategoryCount {
  category: string;
  incidents: number;
  causes: number;
}

/** Cause categories by the number of incidents they appear in, then by causes. */
export function topCategories(incidents: readonly LibraryIncident[]): CategoryCount[] {
  const map = new Map<string, CategoryCount>();
  for (const i of incidents) {
    const seen = new Set<string>();
    for (const category of i.causeCategories) {
      let row = map.get(category);
      if (!row) map.set(category, (row = { category, incidents: 0, causes: 0 }));
      row.causes++;
      if (!seen.has(category)) {
        seen.add(category);
        row.incidents++;
      }
    }
  }
  return [...map.values()].sort(
    (a, b) => b.incidents - a.incidents || b.causes - a.causes || a.category.localeCompare(b.category),
  );
}
