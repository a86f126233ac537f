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
  // One map per kind (no joined keys); a label is made only when a signal is first seen.
  const maps: Record<SignalKind, Map<string, RecurringSignal>> = {
    service: new Map(),
    pattern: new Map(),
    finding: new Map(),
  };
  const note = (kind: SignalKind, key: string, label: () => string, id: string, at: number) => {
    const map = maps[kind];
    const row = map.get(key);
    if (!row) map.set(key, { kind, key, label: label(), incidentIds: [id], firstAt: at, lastAt: at });
    else if (row.incidentIds[row.incidentIds.length - 1] !== id) {
      row.incidentIds.push(id);
      if (at < row.firstAt) row.firstAt = at;
    }
  };
  const dated = incidents.map((i) => ({ i, at: incidentDate(i) })).sort((a, b) => b.at - a.at);
  for (const { i, at } of dated) {
    for (const s of i.services) note('service', s, () => s, i.id, at);
    for (const p of i.patterns)
      if (p.level !== null && SIGNAL_LEVELS.has(p.level)) note('pattern', p.key, () => p.template, i.id, at);
    for (const f of i.findings)
      note('finding', `${f.code} ${f.component}`, () => `${f.code} on ${f.component}`, i.id, at);
  }
  const rank: Record<SignalKind, number> = { finding: 0, pattern: 1, service: 2 };
  const out: RecurringSignal[] = [];
  for (const map of Object.values(maps))
    for (const s of map.values()) if (s.incidentIds.length >= minIncidents) out.push(s);
  return out.sort(
    (a, b) =>
      b.incidentIds.length - a.incidentIds.length ||
      rank[a.kind] - rank[b.kind] ||
      b.lastAt - a.lastAt ||
      a.label.localeCompare(b.label),
  );
}
