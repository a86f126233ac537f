import { useState } from 'react';
import type { Incident } from '../../../../shared/domain';
import { platform, type PickedFile } from '../../../platform';
import { Dialog } from '../../../ui/Dialog';
import { useAlert } from '../../../ui/Alerts';
import { useToast } from '../../../ui/Toast';
import { errorsCsv } from '../errorsCsv';
import { useLogImport } from '../hooks/useLogImport';
import { folderToFiles } from '../folder';
import { needsMapping, unreadableReason } from '../plan';
import { FormatFilesPanel } from './FormatFilesPanel';
import { ImportFileRow } from './ImportFileRow';
import { ImportOptionsFields } from './ImportOptionsFields';
import { slugify } from '../../bundles/slug';
import { ImportProgressView } from './ImportProgressView';
import { ImportSummaryView } from './ImportSummaryView';
import { ServiceAliasesPanel } from './ServiceAliasesPanel';
import './import.css';

export const LOG_FILE_ACCEPT = [
  '.log',
  '.txt',
  '.json',
  '.jsonl',
  '.ndjson',
  '.csv',
  '.tsv',
  '.gz',
  '.zip',
  '.out',
];

interface Props {
  incident: Incident;
  initialFiles: PickedFile[];
  onClose(): void;
}

/** Import logs: choose files and formats → parse in a worker with progress → review → accept. */
export function ImportDialog({ incident, initialFiles, onClose }: Props) {
  const imp = useLogImport(incident);
  const toast = useToast();
  const alert = useAlert();
  const [seeded, setSeeded] = useState(false);
  if (!seeded) {
    setSeeded(true);
    if (initialFiles.length > 0) void imp.addFiles(initialFiles);
  }
  const { state, entries } = imp;

  const pick = async () => {
    const files = await platform.openFiles({ accept: LOG_FILE_ACCEPT, multiple: true });
    if (files.length > 0) await imp.addFiles(files);
  };

  const pickFolder = async () => {
    try {
      const folder = await platform.openFolder();
      if (folder === null) return;
      const files = await folderToFiles(folder);
      if (files.length === 0) {
        toast({ message: `The folder "${folder.name}" has no files to import.` });
        return;
      }
      await imp.addFiles(files);
    } catch (e) {
      alert('The folder could not be read', e instanceof Error ? e.message : String(e));
    }
  };

  const close = () => {
    if (state.step === 'running') imp.cancel();
    if (state.step === 'summary') void imp.discard();
    onClose();
  };

  const accept = async () => {
    const done = await imp.accept().catch(() => null);
    if (done === null) return;
    const type =
      done.becameType === 'game-day'
        ? ' Every fault on the timeline was injected, so the incident is now a game day (Overview → Type).'
        : done.becameType === 'incident'
          ? ' A fault on the timeline was not injected, so the incident is no longer a game day (Overview → Type).'
          : '';
    toast({ message: `Imported ${done.events.toLocaleString('en-US')} events into the timeline.${type}` });
    onClose();
  };

  const unreadable = entries.filter((e) => unreadableReason(e) !== null);
  const blocked =
    entries.length === 0 ||
    unreadable.length > 0 ||
    entries.some((e) => needsMapping(e) && e.mapping === null);
  let footer = null;
  if (state.step === 'select') {
    footer = (
      <>
        {unreadable.length > 0 && (
          <span className="muted import-blocked">
            Remove {unreadable.map((e) => e.name).join(', ')} to import (the reason is shown beside it).
          </span>
        )}
        <button type="button" className="btn" onClick={close}>
          Close
        </button>
        <button type="button" className="btn btn-primary" disabled={blocked} onClick={() => void imp.start()}>
          Import {entries.length > 0 ? `${entries.length} file${entries.length === 1 ? '' : 's'}` : ''}
        </button>
      </>
    );
  } else if (state.step === 'summary' || state.step === 'committing') {
    footer = (
      <>
        <button
          type="button"
          className="btn"
          onClick={() => void imp.discard()}
          disabled={state.step === 'committing'}
        >
          Discard
        </button>
        {state.job.events.length === 0 ? (
          <span className="muted">Nothing to import: no file yielded an event.</span>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void accept()}
            disabled={state.step === 'committing'}
          >
            {state.step === 'committing'
              ? 'Saving…'
              : `Accept ${state.job.events.length.toLocaleString('en-US')} event${state.job.events.length === 1 ? '' : 's'}`}
          </button>
        )}
      </>
    );
  } else if (state.step === 'failed') {
    footer = (
      <button type="button" className="btn" onClick={close}>
        Close
      </button>
    );
  }

  return (
    <Dialog title="Import logs" onClose={close} footer={footer} wide className="import-dialog">
      {state.step === 'select' && (
        <>
          <p className="muted">
            Event logs become timeline events: CloudEvents from a deployment orchestrator, JSON Lines, logfmt,
            CSV, syslog, Kubernetes events, journald, OpenTelemetry, Slack exports, PagerDuty, Statuspage,
            Azure Activity Log, AWS CloudTrail, GitHub deployments and Actions, Argo Rollouts and Argo CD,
            Flagger, Flux, Terraform (plan/apply -json), Temporal, Nomad, Spinnaker, AWS FIS, Chaos Mesh and
            LitmusChaos, access and error logs, and text logs in 40 described formats (log4j, Python, Go,
            nginx, PostgreSQL, klog…) or your own. You can also drop files or folders on the window.
          </p>
          <div className="import-pickers">
            <button type="button" className="btn" onClick={() => void pick()} data-autofocus>
              Choose files…
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => void pickFolder()}
              title="A folder of log files, or an unzipped Slack export"
            >
              Choose folder…
            </button>
          </div>
          {entries.length > 0 && (
            <ul className="import-files" aria-label="Files to import">
              {entries.map((e) => (
                <ImportFileRow
                  key={e.key}
                  entry={e}
                  formats={imp.formats}
                  onFormat={(format) => void imp.updateEntry(e.key, { format })}
                  onMapping={(mapping) => void imp.updateEntry(e.key, { mapping })}
                  onRemove={() => imp.removeEntry(e.key)}
                />
              ))}
            </ul>
          )}
          <FormatFilesPanel />
          <ServiceAliasesPanel rows={imp.aliases.rows} onChange={imp.setAlias} />
          <ImportOptionsFields
            zone={imp.zone}
            year={imp.year}
            onApply={(z, y) => void imp.applyOptions(z, y)}
            changeWindow={imp.changeWindow}
            onChangeWindow={imp.setChangeWindow}
          />
        </>
      )}
      {state.step === 'running' && <ImportProgressView progress={state.progress} onCancel={imp.cancel} />}
      {(state.step === 'summary' || state.step === 'committing') && (
        <ImportSummaryView
          incident={incident}
          job={state.job}
          onRereadInZone={state.step === 'summary' ? (z: string) => void imp.reread({ zone: z }) : undefined}
          onRereadInYear={state.step === 'summary' ? (y: number) => void imp.reread({ year: y }) : undefined}
          onChooseZone={state.step === 'summary' ? () => void imp.discard() : undefined}
          onDownloadErrors={() =>
            void platform.saveFile(
              `${slugify(incident.title || 'import')}-errors.csv`,
              errorsCsv(state.job.result.stats.errors),
              'text/csv',
            )
          }
        />
      )}
      {state.step === 'failed' && (
        <p role="alert" className="field-error">
          {state.error}
        </p>
      )}
    </Dialog>
  );
}
