import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Incident, SignOff, SignOffSummary } from '../../../../shared/domain';
import { summarizeSignOffs } from '../../../../shared/domain';
import { listSignOffs, listSignOffsByIncident } from '../../../db/repos/signoffs';

/** The incident's sign-off log, oldest first; undefined while loading. */
export function useSignOffs(incidentId: string): SignOff[] | undefined {
  return useLiveQuery(() => listSignOffs(incidentId), [incidentId]);
}

/** Every incident's sign-off rows by incident id (the incident list's sign-off column). */
export function useSignOffsByIncident(): Map<string, SignOff[]> | undefined {
  return useLiveQuery(() => listSignOffsByIncident(), []);
}

/** Where the incident's sign-off stands (its required reviewers and log); undefined while loading. */
export function useSignOffSummary(incident: Incident): SignOffSummary | undefined {
  const rows = useSignOffs(incident.id);
  return useMemo(
    () => (rows === undefined ? undefined : summarizeSignOffs(incident.reviewers, rows)),
    [incident.reviewers, rows],
  );
}
