import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { countOpenByIncident, type OpenCounts } from '../../../../shared/actions';
import type { ActionItem, CauseNode, Incident } from '../../../../shared/domain';
import {
  getActionPrefs,
  getIncident,
  listAllActions,
  listCauses,
  listIncidents,
  listOpenActions,
  readAllActions,
  type ActionPrefs,
  type DamagedRow,
} from '../../../db/repos';
import { useToday } from '../../../ui/useNow';

export { useToday } from '../../../ui/useNow';

/** Due-date defaults and the list of action types; undefined while loading. */
export function useActionPrefs(): ActionPrefs | undefined {
  return useLiveQuery(() => getActionPrefs(), []);
}

/** The incident's cause nodes (for linking and coverage); undefined while loading. */
export function useIncidentCauses(incidentId: string): CauseNode[] | undefined {
  return useLiveQuery(() => listCauses(incidentId), [incidentId]);
}

/** Every action item of every incident; undefined while loading. */
export function useAllActions(): ActionItem[] | undefined {
  return useLiveQuery(() => listAllActions(), []);
}

/** Every action item of every incident with the damaged rows apart; undefined while loading. */
export function useAllActionRows(): { good: ActionItem[]; damaged: DamagedRow[] } | undefined {
  return useLiveQuery(() => readAllActions(), []);
}

/** Every incident (titles for the cross-incident view); undefined while loading. */
export function useIncidentIndex(): Incident[] | undefined {
  return useLiveQuery(() => listIncidents(), []);
}

/** Open / overdue action counts per incident id, for the incidents list. */
export function useOpenActionCounts(): Map<string, OpenCounts> | undefined {
  const open = useLiveQuery(() => listOpenActions(), []);
  const today = useToday();
  return useMemo(() => (open ? countOpenByIncident(open, today) : undefined), [open, today]);
}

/** The incident's title ('' while loading or when untitled). */
export function useIncidentTitle(incidentId: string): string {
  return useLiveQuery(() => getIncident(incidentId).then((i) => i?.title ?? ''), [incidentId]) ?? '';
}
