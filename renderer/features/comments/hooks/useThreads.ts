import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Comment, CommentTargetType } from '../../../../shared/domain';
import { threadsOf, type Thread } from '../../../../shared/review';
import { listComments, listCommentsFor } from '../../../db/repos/comments';

/** Threads on one target, oldest first; undefined while loading. */
export function useTargetThreads(targetType: CommentTargetType, targetId: string): Thread[] | undefined {
  const rows = useLiveQuery(() => listCommentsFor(targetType, targetId), [targetType, targetId]);
  return useMemo(() => (rows === undefined ? undefined : threadsOf(rows)), [rows]);
}

/** Every comment of the incident (for badges and the Review tab); undefined while loading. */
export function useIncidentComments(incidentId: string): Comment[] | undefined {
  return useLiveQuery(() => listComments(incidentId), [incidentId]);
}
