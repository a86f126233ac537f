import type { Incident, KeyTimes } from '../../../../shared/domain';
import { PHASE_MARKS, resolveZone, type ZoneChoice } from '../../../../shared/timeline-edit';
import { isUtcZone } from '../../../../shared/time/zone';
import { LOCAL_ZONE } from '../../../platform/zone';

/**
 * The zones the timeline shows: `zone` for times, `altZone` offered as the second column (the
 * incident's second zone, else UTC — or the incident's zone when the view is already in UTC),
 * and `second`, the column actually shown (null when dual view is off or it equals `zone`).
 */
export function timelineZones(
  choice: ZoneChoice,
  dual: boolean,
  incident: Pick<Incident, 'displayZone' | 'secondaryZone'>,
): { zone: string; altZone: string; second: string | null } {
  const zone = resolveZone(choice, incident.displayZone, LOCAL_ZONE);
  const altZone =
    incident.secondaryZone && incident.secondaryZone !== zone
      ? incident.secondaryZone
      : isUtcZone(zone)
        ? incident.displayZone
        : 'UTC';
  return { zone, altZone, second: dual && altZone !== zone ? altZone : null };
}

/** Phase names by the instant they mark (`Impact start, Detected` when two share one). */
export function phaseLabelsAt(kt: KeyTimes): Map<number, string> {
  const m = new Map<number, string>();
  for (const p of PHASE_MARKS) {
    const at = kt[p.field];
    if (at !== null) m.set(at, m.has(at) ? `${m.get(at)}, ${p.label}` : p.label);
  }
  return m;
}
