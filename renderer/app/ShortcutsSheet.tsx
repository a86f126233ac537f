import { platform } from '../platform';
import { Dialog } from '../ui/Dialog';
import { modKeyLabel } from '../ui/keyboard';
import { shortcutRows } from './commands';

/** Every shortcut of the command table (app-wide commands, then keys that work in one place). */
export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const rows = shortcutRows(modKeyLabel(), platform.kind === 'desktop');
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={onClose}
      wide
      footer={
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      }
    >
      <table className="table shortcuts">
        <tbody>
          {rows.map((r) => (
            <tr key={r.keys + r.action}>
              <td className="nowrap">
                <kbd>{r.keys}</kbd>
              </td>
              <td>{r.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
