import type { Audience, PaperSize } from '../../../../shared/export';
import type { RcaTemplate } from '../../../../shared/templates';
import type { DocumentFormat } from '../../export';
import type { SaveStatus } from '../hooks/useDocument';

function statusText(status: SaveStatus): string {
  switch (status.state) {
    case 'idle':
      return 'All changes saved';
    case 'pending':
      return 'Unsaved changes…';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'error':
      return `Not saved: ${status.message}`;
  }
}

export interface DocumentToolbarProps {
  templates: readonly RcaTemplate[];
  templateId: string | null;
  onSwitchTemplate: (id: string) => void;
  onLoadTemplate: () => void;
  audience: Audience;
  onAudience: (a: Audience) => void;
  utcOnly: boolean;
  onUtcOnly: (on: boolean) => void;
  paper: PaperSize;
  onPaper: (p: PaperSize) => void;
  onExport: (format: DocumentFormat) => void;
  status: SaveStatus;
  pdfLabel: string;
  /** Web mode: how the PDF is made (the print dialog) and why; null on the desktop. */
  pdfNote: string | null;
}

/** Template, audience and paper choices, the export buttons, and the save status. */
export function DocumentToolbar(p: DocumentToolbarProps) {
  return (
    <div className="doc-toolbar" role="toolbar" aria-label="Document">
      <label>
        Template{' '}
        <select
          aria-label="Template"
          value={p.templateId ?? ''}
          onChange={(e) => p.onSwitchTemplate(e.target.value)}
        >
          {p.templateId === null && <option value="">(none)</option>}
          {p.templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn" onClick={p.onLoadTemplate}>
        Load template file…
      </button>
      <label>
        Audience{' '}
        <select
          aria-label="Audience"
          value={p.audience}
          onChange={(e) => p.onAudience(e.target.value as Audience)}
        >
          <option value="internal">Internal (everything)</option>
          <option value="customer">Customer-facing</option>
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={p.utcOnly} onChange={(e) => p.onUtcOnly(e.target.checked)} /> UTC only
      </label>
      <label>
        Paper{' '}
        <select
          aria-label="Paper size"
          value={p.paper}
          onChange={(e) => p.onPaper(e.target.value as PaperSize)}
        >
          <option value="a4">A4</option>
          <option value="letter">Letter</option>
        </select>
      </label>
      <span className="spacer" />
      <button type="button" className="btn" onClick={() => p.onExport('md')}>
        Export Markdown
      </button>
      <button type="button" className="btn" onClick={() => p.onExport('html')}>
        Export HTML
      </button>
      <button type="button" className="btn" title={p.pdfNote ?? undefined} onClick={() => p.onExport('pdf')}>
        {p.pdfLabel}
      </button>
      <span className={`save-status save-${p.status.state}`} role="status" aria-live="polite">
        {statusText(p.status)}
      </span>
    </div>
  );
}
