import { useState } from 'react';
import {
  learningReviewHtml,
  learningReviewMarkdown,
  periodText,
  type TrendsReport,
} from '../../../../shared/library';
import { platform } from '../../../platform';
import { saveDocument, WEB_PDF_NOTE, type DocumentFormat } from '../../export';

const FORMAT_LABELS: Record<DocumentFormat, string> = { md: 'Markdown', html: 'HTML', pdf: 'PDF' };

/** The file name of a review: `learning-review-2026-01-01-to-2026-03-31`. */
export function reviewBaseName(report: TrendsReport): string {
  return `learning-review-${periodText(report.period).replace(/[^a-z0-9]+/gi, '-')}`.replace(/-+$/, '');
}

/** Exports the period's trends, recurring signals and open follow-ups as a learning review. */
export function ReviewExport({
  report,
  titleOf,
  periodLabel,
  onError,
}: {
  report: TrendsReport;
  titleOf: (id: string) => string;
  /** The preset's name ("Last quarter"), or null for a custom period. */
  periodLabel: string | null;
  onError: (message: string) => void;
}) {
  const [format, setFormat] = useState<DocumentFormat>('md');
  const [busy, setBusy] = useState(false);
  const span = periodText(report.period);
  const title = `Learning review: ${periodLabel && periodLabel !== 'All time' ? `${periodLabel} (${span})` : span}`;
  const run = () => {
    setBusy(true);
    const options = { title, generatedAt: Date.now() };
    saveDocument(
      {
        baseName: reviewBaseName(report),
        markdown: () => learningReviewMarkdown(report, titleOf, options),
        html: () => learningReviewHtml(report, titleOf, options),
        paper: 'a4',
      },
      format,
    )
      .catch((e: unknown) => onError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };
  return (
    <div className="trends-review" role="group" aria-label="Learning review">
      <select
        aria-label="Learning review format"
        value={format}
        onChange={(e) => setFormat(e.target.value as DocumentFormat)}
        title={format === 'pdf' && !platform.printToPdf ? WEB_PDF_NOTE : undefined}
      >
        {(Object.keys(FORMAT_LABELS) as DocumentFormat[]).map((f) => (
          <option key={f} value={f}>
            {FORMAT_LABELS[f]}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn-primary" disabled={busy} onClick={run}>
        Export learning review
      </button>
    </div>
  );
}
