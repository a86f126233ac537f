import { useState, type KeyboardEvent } from 'react';

interface ComposerProps {
  label: string;
  submitLabel: string;
  initial?: string;
  autoFocus?: boolean;
  onSubmit: (body: string) => Promise<boolean>;
  onCancel?: () => void;
}

/** A Markdown text box that posts with the button or Ctrl/⌘+Enter; Escape cancels. */
export function CommentComposer({
  label,
  submitLabel,
  initial = '',
  autoFocus,
  onSubmit,
  onCancel,
}: ComposerProps) {
  const [body, setBody] = useState(initial);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (body.trim() === '' || busy) return;
    setBusy(true);
    try {
      if (await onSubmit(body)) setBody('');
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    e.stopPropagation();
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Escape' && onCancel) {
      e.preventDefault();
      onCancel();
    }
  };
  return (
    <div className="comment-composer">
      <textarea
        aria-label={label}
        placeholder={`${label} (Markdown; Ctrl+Enter to post)`}
        value={body}
        rows={2}
        maxLength={100_000}
        autoFocus={autoFocus}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="comment-composer-actions">
        {onCancel && (
          <button type="button" className="btn btn-small" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button
          type="button"
          className="btn btn-small btn-primary"
          disabled={busy || body.trim() === ''}
          onClick={() => void submit()}
        >
          {submitLabel}
        </button>
      </div>
    </div>
  );
}
