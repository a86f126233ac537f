import type { ActionItem, CauseNode } from '../../../../shared/domain';
import { isOpenableTicketUrl } from '../../../../shared/actions';
import { platform } from '../../../platform';
import { InlineText } from './InlineText';

interface CauseChipsProps {
  item: ActionItem;
  causes: ReadonlyMap<string, CauseNode>;
  /** The item's name for labels. */
  name: string;
  onPick: () => void;
}

/** The causes an action item is linked to (a deleted one says so) and the button to change them. */
export function CauseChips({ item, causes, name, onPick }: CauseChipsProps) {
  const linked = item.causeIds.map((id) => causes.get(id));
  return (
    <div className="cause-chips">
      {linked.map((c, i) => (
        <span key={item.causeIds[i]} className={c ? 'cause-chip' : 'cause-chip missing'} title={c?.title}>
          {c ? c.title || 'Untitled cause' : 'Deleted cause'}
        </span>
      ))}
      <button
        type="button"
        className="btn btn-link btn-small"
        aria-label={item.causeIds.length === 0 ? `Link causes to ${name}` : `Edit: link causes to ${name}`}
        onClick={onPick}
      >
        {item.causeIds.length === 0 ? 'Link…' : 'Edit'}
      </button>
    </div>
  );
}

/** The ticket link of an action item, editable, with a button that opens an http(s) link. */
export function TicketCell({
  item,
  name,
  onCommit,
}: {
  item: ActionItem;
  name: string;
  onCommit: (url: string) => void;
}) {
  return (
    <div className="ticket-cell">
      <InlineText
        value={item.ticketUrl}
        type="text"
        label={`Ticket of ${name}`}
        placeholder="—"
        onCommit={(ticketUrl) => onCommit(ticketUrl.trim())}
      />
      {isOpenableTicketUrl(item.ticketUrl) && (
        <button
          type="button"
          className="btn btn-icon"
          aria-label={`Open ticket of ${name}`}
          title="Open in browser"
          onClick={() => void platform.openExternal(item.ticketUrl.trim())}
        >
          ↗
        </button>
      )}
    </div>
  );
}
