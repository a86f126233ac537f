import { useState } from 'react';
import type { Audience, PaperSize } from '../../../../shared/export';
import type { Incident } from '../../../../shared/domain';
import { loadDocumentSnapshot } from '../../../db/repos';
import { platform } from '../../../platform';
import { findTemplate } from '../../../../shared/templates';
import { Dialog } from '../../../ui/Dialog';
import { useTemplates } from '../../templates';
import { useIncident } from '../../incidents/hooks/useIncidents';
import { exportDocument, WEB_PDF_NOTE, type DocumentFormat } from '../exportDocument';
import { useExportSettings } from '../hooks/useExportSettings';
import './export.css';
import { BUNDLE_FILE_SUFFIX } from '../../../../shared/bundle/fileName';

type Choice = 'bundle' | DocumentFormat;

const CHOICES: { id: Choice; label: string; hint: string }[] = [
  {
    id: 'bundle',
    label: `Bundle (${BUNDLE_FILE_SUFFIX})`,
    hint: 'Everything, to back up, move or send for review',
  },
  { id: 'md', label: 'Markdown', hint: 'GitHub-flavoured, with tables and a mermaid cause diagram' },
  { id: 'html', label: 'HTML', hint: 'One self-contained file with diagrams, ready to print' },
  { id: 'pdf', label: 'PDF', hint: 'Title page and page numbers' },
];

interface Props {
  incidentId: string;
  onExportBundle(incident: Incident): void;
  onClose(): void;
}

/** File ▸ Export…: the bundle, or the RCA document as Markdown, HTML or PDF for an audience. */
export function ExportDialog({ incidentId, onExportBundle, onClose }: Props) {
  const incident = useIncident(incidentId);
  if (!incident) return null;
  return <ExportDialogBody incident={incident} onExportBundle={onExportBundle} onClose={onClose} />;
}

function ExportDialogBody({
  incident,
  onExportBundle,
  onClose,
}: {
  incident: Incident;
  onExportBundle(incident: Incident): void;
  onClose(): void;
}) {
  const [choice, setChoice] = useState<Choice>('md');
  const { audience, setAudience, utcOnly, setUtcOnly } = useExportSettings(incident);
  const [paper, setPaper] = useState<PaperSize>('a4');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { templates } = useTemplates();
  const templateName =
    incident.templateId === null ? null : (findTemplate(templates, incident.templateId)?.name ?? null);

  const run = async () => {
    setError(null);
    if (choice === 'bundle') {
      onExportBundle(incident);
      onClose();
      return;
    }
    setBusy(true);
    try {
      const snapshot = await loadDocumentSnapshot(incident.id);
      if (snapshot === null) throw new Error('This incident no longer exists.');
      await exportDocument(snapshot, choice, { audience, paper, templateName, utcOnly });
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const isDocument = choice !== 'bundle';
  return (
    <Dialog
      title={`Export “${incident.title || 'Untitled incident'}”`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run()}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </>
      }
    >
      <fieldset className="export-choices">
        <legend>Format</legend>
        {CHOICES.map((c) => (
          <label key={c.id} className="export-choice">
            <input
              type="radio"
              name="export-format"
              value={c.id}
              checked={choice === c.id}
              onChange={() => setChoice(c.id)}
            />
            <span>
              <strong>{c.label}</strong> <span className="muted">— {c.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {isDocument && (
        <div className="export-options">
          <label className="field">
            <span className="field-label">Audience</span>
            <select value={audience} onChange={(e) => setAudience(e.target.value as Audience)}>
              <option value="internal">Internal (everything)</option>
              <option value="customer">Customer-facing (no internal sections or fields)</option>
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={utcOnly} onChange={(e) => setUtcOnly(e.target.checked)} />
            <span>Times in UTC only</span>
          </label>
          {choice !== 'md' && (
            <label className="field">
              <span className="field-label">Paper</span>
              <select value={paper} onChange={(e) => setPaper(e.target.value as PaperSize)}>
                <option value="a4">A4</option>
                <option value="letter">Letter</option>
              </select>
            </label>
          )}
          {choice === 'pdf' && !platform.printToPdf && <p className="field-hint">{WEB_PDF_NOTE}</p>}
        </div>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </Dialog>
  );
}
