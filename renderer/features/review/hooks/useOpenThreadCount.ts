import { useMemo } from 'react';
import { threadsOf } from '../../../../shared/review';
import { useIncidentComments } from '../../comments';

/** Unresolved threads of the incident (the Review tab's badge); 0 while loading. */
export function useOpenThreadCount(incidentId: string): number {
  const comments = useIncidentComments(incidentId);
  return useMemo(() => threadsOf(comments ?? []).filter((t) => !t.root.resolved).length, [comments]);
}
