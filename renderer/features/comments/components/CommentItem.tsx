import { useState } from 'react';
import type { Comment } from '../../../../shared/domain';
import { formatZonedFull, formatZonedShort } from '../../../../shared/format';
import { LOCAL_ZONE } from '../../../platform/zone';
import { CommentComposer } from './CommentComposer';
import { Markdown } from './Markdown';

interface CommentItemProps {
  comment: Comment;
  me: string;
  onEdit: (comment: Comment, body: string) => Promise<boolean>;
}

/** One comment: author, time, "edited" mark, Markdown body, and Edit for its own author. */
export function CommentItem({ comment, me, onEdit }: CommentItemProps) {
  const [editing, setEditing] = useState(false);
  const when = new Date(comment.createdAt);
  return (
    <div className="comment" data-comment-id={comment.id}>
      <div className="comment-meta">
        <span className="comment-author">{comment.author}</span>
        <time
          dateTime={when.toISOString()}
          title={formatZonedFull(comment.createdAt, LOCAL_ZONE)}
          className="muted"
        >
          {formatZonedShort(comment.createdAt, LOCAL_ZONE)}
        </time>
        {comment.editedAt !== null && (
          <span
            className="muted comment-edited"
            title={`Edited ${formatZonedFull(comment.editedAt, LOCAL_ZONE)}`}
          >
            (edited)
          </span>
        )}
        <span className="spacer" />
        {comment.author === me && !editing && (
          <button type="button" className="btn-link comment-edit" onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
      </div>
      {editing ? (
        <CommentComposer
          label="Edit comment"
          submitLabel="Save"
          initial={comment.body}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            const ok = await onEdit(comment, body);
            if (ok) setEditing(false);
            return ok;
          }}
        />
      ) : (
        <Markdown text={comment.body} className="comment-body" />
      )}
    </div>
  );
}
