import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import type { CauseNode, Incident } from '../../../../shared/domain';
import { newId } from '../../../../shared/domain';
import { ensureCauseRoot, listCauses } from '../../../db/repos/causes';

/**
 * The incident's cause nodes, live; creates the top node (the loss, titled like the incident)
 * the first time the tree is shown. Undefined while loading.
 */
export function useCauseTree(incident: Pick<Incident, 'id' | 'title'>): CauseNode[] | undefined {
  const nodes = useLiveQuery(() => listCauses(incident.id), [incident.id]);
  const empty = nodes !== undefined && nodes.length === 0;
  const { id, title } = incident;
  useEffect(() => {
    if (!empty) return;
    const now = Date.now();
    void ensureCauseRoot(id, title || 'The incident', newId(now), now);
  }, [empty, id, title]);
  return empty ? undefined : nodes;
}
