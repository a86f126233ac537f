import type { LogRecord, TimelineEvent } from '../../../../shared/domain';
import { Dialog } from '../../../ui/Dialog';
import { CommentThreads } from '../../comments';
import type { TimelineStore } from '../model/store';
import { EvidenceDialog } from './EvidenceDialog';

interface EventDialogsProps {
  dialog: { type: 'evidence' | 'comments'; id: string } | null;
  store: TimelineStore;
  zone: string;
  importsKey: string | null;
  /** The template the timeline is filtered to: evidence shows only its records. */
  pattern: string | null;
  onClose: () => void;
  onSplit: (records: LogRecord[]) => void;
  onSaveDetails: (id: string, patch: Pick<TimelineEvent, 'endAt' | 'detail' | 'tags'>) => Promise<void>;
}

/** The evidence viewer or the comment threads of one event. */
export function EventDialogs({
  dialog,
  store,
  zone,
  importsKey,
  pattern,
  onClose,
  onSplit,
  onSaveDetails,
}: EventDialogsProps) {
  const event = dialog ? store.byId.get(dialog.id) : undefined;
  if (!dialog || !event) return null;
  if (dialog.type === 'evidence') {
    return (
      <EvidenceDialog
        event={event}
        zone={zone}
        importsKey={importsKey}
        pattern={pattern}
        onClose={onClose}
        onSplit={onSplit}
        onSaveDetails={(patch) => onSaveDetails(event.id, patch)}
      />
    );
  }
  return (
    <Dialog title={`Comments: ${event.title}`} onClose={onClose} wide>
      <CommentThreads
        incidentId={event.incidentId}
        targetType="event"
        targetId={event.id}
        label={`event: ${event.title}`}
      />
    </Dialog>
  );
}
