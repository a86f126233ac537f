import type { ApplyTemplateResult } from '../../../../shared/templates';
import { Dialog } from '../../../ui/Dialog';

interface Props {
  templateName: string;
  moves: ApplyTemplateResult['movedToInternal'];
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before a template switch moves content customers saw into internal-only sections (they
 * disappear from a customer-facing export), naming each section and the live blocks with it.
 */
export function TemplateSwitchDialog({ templateName, moves, onConfirm, onCancel }: Props) {
  return (
    <Dialog
      title={`Switch to “${templateName}”?`}
      role="alertdialog"
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel} data-autofocus>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" onClick={onConfirm}>
            Switch template
          </button>
        </>
      }
    >
      <p>
        Nothing is deleted, but this content would move into internal-only sections, which customer-facing
        exports leave out:
      </p>
      <ul className="template-moves" aria-label="Content that becomes internal">
        {moves.map((m) => (
          <li key={`${m.from}→${m.to}`}>
            “{m.from}”{m.to === m.from ? ' (kept at the end)' : ` → “${m.to}”`}
            {m.blocks.length > 0 && (
              <span className="muted">
                {' '}
                with the {m.blocks.join(', ')} live block{m.blocks.length === 1 ? '' : 's'}
              </span>
            )}
          </li>
        ))}
      </ul>
      <p className="muted">Undo (Ctrl+Z) puts the previous template back.</p>
    </Dialog>
  );
}
