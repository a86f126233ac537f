import type { LogLevel } from '../../domain';
import type { LibraryIncident } from '../summary';
import { incidentDate } from '../summary';

export type SignalKind = 'service' | 'pattern' | 'finding';

/** Something that showed up in several incidents: a failing service, a log pattern, a finding. */
export interface RecurringSignal {
  kind: SignalKind;
  /** Stable key within the kind (service name, pattern key, `code service`). */
  key: string;
  /** How a reader sees it. */
  label: string;
  /** The incidents it appeared in, most recent first. */
  incidentIds: string[];
  firstAt: number;
  lastAt: number;
}

/**
 * Log levels whose patterns count as signals. A recurring error is a signal; the same INFO or
 * health-check line in every incident is only the service talking.
 */
const SIGNAL_LEVELS: ReadonlySet<LogLevel> = new Set(['warn', 'error', 'fatal']);

/** The signal keys of one incident, per kind (each once). */
export function signalsOf(i: LibraryIncident): { kind: SignalKind; key: string; label: string }[] {
  const out: { kind: SignalKind; key: string; label: string }[] = [];
  for (const s of i.services) out.push({ kind: 'service', key: s, label: s });
  for (const p of i.patterns)
    if (p.level !== null && SIGNAL_LEVELS.has(p.level))
      out.push({ kind: 'pattern', key: p.key, label: p.template });
  for (const f of i.findings)
    out.push({ kind: 'finding', key: `${f.code} ${f.component}`, label: `${f.code} on ${f.component}` });
  return out;
}

/**
 * Signals shared by at least `minIncidents` incidents, most incidents first (then the most
 * recent). Kinds are ordered change findings, log patterns, services on ties: the more specific
 * a signal, the more it says.
 */
export function recurringSignals(incidents: readonly LibraryIncident[], minIncidents = 2): RecurringSignal[] {
  const map = new Map<string, RecurringSignal>();
  const dated = incidents.map((i) => ({ i, at: incidentDate(i) })).sort((a, b) => b.at - a.at);
  for (const { i, at } of dated) {
    for (const s of signalsOf(i)) {
      const id = `${s.kind}\u0000${s.key}`;
      const row = map.get(id);
      if (!row) map.set(id, { ...s, incidentIds: [i.id], firstAt: at, lastAt: at });
      else if (row.incidentIds[row.incidentIds.length - 1] !== i.id) {
        row.incidentIds.push(i.id);
        row.firstAt = Math.min(row.firstAt, at);
      }
    }
  }
  const rank: Record<SignalKind, number> = { finding: 0, pattern: 1, service: 2 };
  return [...map.values()]
    .filter((s) => s.incidentIds.length >= minIncidents)
    .sort(
      (a, b) =>
        b.incidentIds.length - a.incidentIds.length ||
        rank[a.kind] - rank[b.kind] ||
        b.lastAt - a.lastAt ||
        a.label.localeCompare(b.label),
    );
}
