import { useLiveQuery } from 'dexie-react-hooks';
import type { CommentTargetType } from '../../../../shared/domain';
import { listActions } from '../../../db/repos/actions';
import { getEventsByIds, listCauses } from '../../../db/repos/causes';
import { listComments } from '../../../db/repos/comments';
import { getReviewLedger, type ReviewLedgerRow } from '../../../db/repos/review';
import { listSections } from '../../../db/repos/sections';

/** This profile's review bookkeeping for the incident (open conflicts, copies sent). */
export function useReviewLedger(incidentId: string): ReviewLedgerRow | undefined {
  return useLiveQuery(() => getReviewLedger(incidentId), [incidentId]);
}

/** Names of every comment target of the incident, keyed `type:id`, for thread headings. */
export function useTargetNames(incidentId: string): Map<string, string> | undefined {
  return useLiveQuery(async () => {
    const [causes, actions, sections, comments] = await Promise.all([
      listCauses(incidentId),
      listActions(incidentId),
      listSections(incidentId),
      listComments(incidentId),
    ]);
    const eventIds = [...new Set(comments.filter((c) => c.targetType === 'event').map((c) => c.targetId))];
    const events = await getEventsByIds(eventIds);
    const names = new Map<string, string>();
    const set = (type: CommentTargetType, id: string, name: string) => names.set(`${type}:${id}`, name);
    for (const c of causes) set('cause', c.id, c.title || '(untitled cause)');
    for (const a of actions) set('action', a.id, a.title || '(untitled action item)');
    for (const s of sections) set('section', s.id, s.title || s.key);
    for (const e of events) set('event', e.id, e.title || '(untitled event)');
    return names;
  }, [incidentId]);
}
