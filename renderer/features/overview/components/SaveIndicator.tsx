import type { SaveStatus } from '../hooks/useOverviewDraft';

/** "Saving…" while a write is waiting or running; "Saved" only after it committed. */
export function SaveIndicator({ status }: { status: SaveStatus }) {
  let text = '';
  if (status.state === 'saving') text = 'Saving…';
  else if (status.state === 'saved') text = 'Saved';
  else if (status.state === 'error') text = `Not saved: ${status.message}`;
  return (
    <p
      className={`save-status save-${status.state}`}
      role="status"
      aria-live="polite"
      aria-label="Save status"
      data-state={status.state}
    >
      {text}
    </p>
  );
}
