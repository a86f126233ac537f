import { useCallback, useRef, useState, type ReactNode } from 'react';
import { getCommentAuthor, setCommentAuthor } from '../../../db/repos/comments';
import { AuthorNameDialog } from '../components/AuthorNameDialog';
import { useCommentAuthor } from './useCommentAuthor';
import { useShare } from '../../share';

export interface AuthorGate {
  /** The signed-in-by name ('' until asked). */
  me: string;
  /** Runs `fn` with the author's name, asking for it first if it was never set. */
  withAuthor: (fn: (name: string) => Promise<boolean>) => Promise<boolean>;
  /** The name dialog when open; render it somewhere. */
  dialog: ReactNode;
}

/**
 * Comments need a name; this asks for it once (kept in preferences) on the first write. On a
 * shared incident the name is the one in the token: the server refuses comments signed otherwise.
 */
export function useAuthorGate(incidentId?: string): AuthorGate {
  const share = useShare(incidentId ?? '');
  const local = useCommentAuthor() ?? '';
  const stored = share?.name ?? local;
  const [asking, setAsking] = useState(false);
  const pending = useRef<((name: string | null) => void) | null>(null);
  const withAuthor = useCallback(
    async (fn: (name: string) => Promise<boolean>) => {
      // The kept name may not have loaded yet (a click right after the view opened): read it.
      let name = stored !== '' ? stored : await getCommentAuthor();
      if (name === '') {
        setAsking(true);
        const answer = await new Promise<string | null>((resolve) => {
          pending.current = resolve;
        });
        if (answer === null) return false;
        name = answer;
      }
      return fn(name);
    },
    [stored],
  );
  const finish = (name: string | null) => {
    setAsking(false);
    pending.current?.(name);
    pending.current = null;
  };
  const dialog = asking ? (
    <AuthorNameDialog
      onClose={() => finish(null)}
      onSave={(name) => {
        void setCommentAuthor(name).then(() => finish(name));
      }}
    />
  ) : null;
  return { me: stored, withAuthor, dialog };
}
