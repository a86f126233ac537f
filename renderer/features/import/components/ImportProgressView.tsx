import { formatDuration } from '../../../../shared/format';
import type { ImportProgress } from '../runImport';

/** Bytes read, records per second and time left, with Cancel. */
export function ImportProgressView({ progress, onCancel }: { progress: ImportProgress; onCancel(): void }) {
  const { bytesRead, totalBytes, records, elapsedMs } = progress;
  const fraction = totalBytes > 0 ? Math.min(1, bytesRead / totalBytes) : 0;
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? records / seconds : 0;
  const bytesPerMs = elapsedMs > 0 ? bytesRead / elapsedMs : 0;
  const etaMs = bytesPerMs > 0 ? (totalBytes - bytesRead) / bytesPerMs : null;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return (
    <div className="import-progress">
      <progress
        max={1}
        value={fraction}
        aria-label="Import progress"
        aria-valuetext={`${Math.round(fraction * 100)}%`}
      />
      <p role="status" aria-live="polite">
        {mb(bytesRead)} of {mb(totalBytes)} MB · {records.toLocaleString('en-US')} records ·{' '}
        {Math.round(rate).toLocaleString('en-US')} records/s
        {etaMs !== null && fraction < 1 && <> · about {formatDuration(Math.max(1000, etaMs))} left</>}
      </p>
      <button type="button" className="btn" onClick={onCancel}>
        Cancel import
      </button>
    </div>
  );
}
