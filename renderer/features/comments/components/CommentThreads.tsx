import { useState } from 'react';
import type { Comment, CommentTargetType } from '../../../../shared/domain';
import { newId } from '../../../../shared/domain';
import { createComment, editComment, setResolved, type Thread } from '../../../../shared/review';
import { putComment } from '../../../db/repos/comments';
import { useAlert } from '../../../ui/Alerts';
import { useAuthorGate } from '../hooks/useAuthorGate';
import { useTargetThreads } from '../hooks/useThreads';
import { CommentComposer } from './CommentComposer';
import { CommentItem } from './CommentItem';
import './comments.css';

interface CommentThreadsProps {
  incidentId: string;
  targetType: CommentTargetType;
  targetId: string;
  /** What the comments are on, for screen readers ("cause: Config change…"). */
  label: string;
  /** Only these threads (the Review tab's filters); all when absent. */
  filter?: (thread: Thread) => boolean;
  /** Hide the "new comment" box (lists that only continue existing threads). */
  readOnlyStart?: boolean;
  /** Heading text; defaults to "Comments"; null shows none (the caller has its own). */
  heading?: string | null;
}

/**
 * Review threads on one thing — a cause, a timeline event, an action item, a document section
 * or the incident. One component for all of them: start a thread, reply, resolve or reopen,
 * and edit your own comments (marked "edited").
 */
export function CommentThreads({
  incidentId,
  targetType,
  targetId,
  label,
  filter,
  readOnlyStart,
  heading = 'Comments',
}: CommentThreadsProps) {
  const threads = useTargetThreads(targetType, targetId);
  const gate = useAuthorGate(incidentId);
  const alert = useAlert();
  const [showResolved, setShowResolved] = useState(false);

  const post = (parentId: string | null) => (body: string) =>
    gate.withAuthor(async (author) => {
      const now = Date.now();
      await putComment(
        createComment({ id: newId(now), incidentId, targetType, targetId, parentId, author, body, now }),
      );
      return true;
    });

  const edit = (comment: Comment, body: string) =>
    gate.withAuthor(async (author) => {
      const r = editComment(comment, body, author, Date.now());
      if (!r.ok) {
        alert('Could not edit the comment', r.error);
        return false;
      }
      await putComment(r.comment);
      return true;
    });

  const toggle = (root: Comment) =>
    void gate.withAuthor(async (author) => {
      await putComment(setResolved(root, !root.resolved, author, Date.now()));
      return true;
    });

  if (threads === undefined) return <p className="muted">Loading comments…</p>;
  const visible = filter ? threads.filter(filter) : threads;
  const open = visible.filter((t) => !t.root.resolved);
  const resolved = visible.filter((t) => t.root.resolved);
  const shown = showResolved || filter ? visible : open;
  return (
    <section className="comment-threads" aria-label={`Comments on ${label}`}>
      {heading !== null && (
        <header className="comment-threads-header">
          <h3>
            {heading} <span className="muted">({open.length} open)</span>
          </h3>
          {resolved.length > 0 && !filter && (
            <button
              type="button"
              className="btn-link"
              onClick={() => setShowResolved((v) => !v)}
              aria-pressed={showResolved}
            >
              {showResolved ? 'Hide resolved' : `Show ${resolved.length} resolved`}
            </button>
          )}
        </header>
      )}
      {shown.map((t) => (
        <ThreadView
          key={t.root.id}
          thread={t}
          me={gate.me}
          onEdit={edit}
          onReply={post(t.root.id)}
          onToggle={() => toggle(t.root)}
        />
      ))}
      {!readOnlyStart && <CommentComposer label="New comment" submitLabel="Comment" onSubmit={post(null)} />}
      {gate.dialog}
    </section>
  );
}

interface ThreadViewProps {
  thread: Thread;
  me: string;
  onEdit: (c: Comment, body: string) => Promise<boolean>;
  onReply: (body: string) => Promise<boolean>;
  onToggle: () => void;
}

function ThreadView({ thread, me, onEdit, onReply, onToggle }: ThreadViewProps) {
  const [replying, setReplying] = useState(false);
  const { root } = thread;
  return (
    <article
      className={root.resolved ? 'thread thread-resolved' : 'thread'}
      aria-label={`Thread by ${root.author}`}
    >
      <CommentItem comment={root} me={me} onEdit={onEdit} />
      {thread.replies.length > 0 && (
        <div className="thread-replies">
          {thread.replies.map((r) => (
            <CommentItem key={r.id} comment={r} me={me} onEdit={onEdit} />
          ))}
        </div>
      )}
      {replying ? (
        <CommentComposer
          label="Reply"
          submitLabel="Reply"
          autoFocus
          onCancel={() => setReplying(false)}
          onSubmit={async (body) => {
            const ok = await onReply(body);
            if (ok) setReplying(false);
            return ok;
          }}
        />
      ) : (
        <div className="thread-actions">
          <button type="button" className="btn btn-small" onClick={() => setReplying(true)}>
            Reply
          </button>
          <button type="button" className="btn btn-small" onClick={onToggle}>
            {root.resolved ? 'Reopen' : 'Resolve'}
          </button>
          {root.resolved && root.resolvedBy !== null && (
            <span className="muted">Resolved by {root.resolvedBy}</span>
          )}
        </div>
      )}
    </article>
  );
}
