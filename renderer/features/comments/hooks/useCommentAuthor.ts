import { useLiveQuery } from 'dexie-react-hooks';
import { getCommentAuthor } from '../../../db/repos/comments';

/** The name comments are signed with; '' when not set yet, undefined while loading. */
export function useCommentAuthor(): string | undefined {
  return useLiveQuery(() => getCommentAuthor(), []);
}
