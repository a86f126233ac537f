import { EmptyState } from '../../../ui/EmptyState';
import { BUNDLE_FILE_SUFFIX } from '../../../../shared/bundle/fileName';

/** First-run explanation of what Rootline is for. */
export function IncidentsEmpty({
  onNew,
  onOpenBundle,
  onTrySample,
}: {
  onNew: () => void;
  onOpenBundle: () => void;
  onTrySample?: (() => void) | undefined;
}) {
  return (
    <EmptyState
      title="No incidents yet"
      actions={
        <>
          <button type="button" className="btn btn-primary" onClick={onNew}>
            New incident
          </button>
          <button type="button" className="btn" onClick={onOpenBundle}>
            Open bundle…
          </button>
          {onTrySample && (
            <button type="button" className="btn" onClick={onTrySample}>
              Try the sample incident
            </button>
          )}
        </>
      }
    >
      <p>
        Rootline helps you write postmortems and root-cause analyses, entirely offline. Nothing leaves this
        machine.
      </p>
      <p>
        Build the timeline from your logs, trace causes in a cause tree, track action items, and write the
        document your team will review.
      </p>
      <p>
        Start a new incident, open a {BUNDLE_FILE_SUFFIX} bundle someone shared with you, or try the sample: a
        storage outage built from a simulated orchestrator log, with causes, actions and a finished RCA.
      </p>
    </EmptyState>
  );
}
