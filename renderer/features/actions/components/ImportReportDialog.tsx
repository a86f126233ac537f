import { STATUS_LABELS, describeImportPlan, type StatusImportPlan } from '../../../../shared/actions';
import { Dialog } from '../../../ui/Dialog';

interface ImportReportDialogProps {
  plan: StatusImportPlan;
  onApply: () => void;
  onClose: () => void;
}

/**
 * What a CSV import will change, shown before anything is written: every update, and every row
 * that cannot be applied with its line number and reason.
 */
export function ImportReportDialog({ plan, onApply, onClose }: ImportReportDialogProps) {
  const [summary, ...problems] = describeImportPlan(plan);
  const n = plan.updates.length;
  return (
    <Dialog
      title="Import statuses from CSV"
      wide
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {n === 0 ? 'Close' : 'Cancel'}
          </button>
          {n > 0 && (
            <button type="button" className="btn btn-primary" data-autofocus onClick={onApply}>
              Apply {n} update{n === 1 ? '' : 's'}
            </button>
          )}
        </>
      }
    >
      <p>{summary}</p>
      {n > 0 && (
        <table className="table narrow" aria-label="Status updates">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Action item</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {plan.updates.map((u) => (
              <tr key={u.id}>
                <td className="num">{u.line}</td>
                <td>{u.title || u.id}</td>
                <td className="nowrap">
                  {STATUS_LABELS[u.from]} → <strong>{STATUS_LABELS[u.to]}</strong>
                  {u.to === 'wont-do' && <div className="row-sub">{u.reason}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {problems.length > 0 && (
        <>
          <h3 className="section-title">Rows not applied</h3>
          <ul className="import-problems" aria-label="Rows not applied">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      )}
      {n === 0 && problems.length === 0 && <p className="muted">Every status in the file already matches.</p>}
    </Dialog>
  );
}
