import { useId, useState } from 'react';
import { addShare, removeShare } from '../../../sync/shares';
import { describeSyncStatus } from '../../../sync/status';
import { Dialog } from '../../../ui/Dialog';
import { useIncidentTitle, useShare, useSyncStatus } from '../hooks/useShares';
import { describeClaims, readShareForm, type ShareFields } from '../shareForm';

interface ShareDialogProps {
  incidentId: string;
  onClose: () => void;
  onError: (message: string) => void;
}

/** Share… on an incident: connect it to a sync server with an invite, or stop sharing it. */
export function ShareDialog({ incidentId, onClose, onError }: ShareDialogProps) {
  const title = useIncidentTitle(incidentId);
  const share = useShare(incidentId);
  const status = useSyncStatus(incidentId);
  // A new invite is asked for when not shared yet, or when the person chose to replace it.
  const [another, setAnother] = useState(false);
  const editing = share === undefined || another;
  const [fields, setFields] = useState<ShareFields>({ link: '', server: share?.server ?? '', token: '' });
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const result = readShareForm(fields, incidentId);
  const touched = fields.link.trim() !== '' || fields.token.trim() !== '';
  const errorFor = (f: keyof ShareFields) =>
    shown && !result.ok && result.field === f ? result.error : null;
  const set = (f: keyof ShareFields) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setFields({ ...fields, [f]: e.currentTarget.value });

  const submit = () => {
    setShown(true);
    if (!result.ok || busy) return;
    setBusy(true);
    addShare({ incidentId, ...result.invite })
      .then(() => {
        setAnother(false);
        onClose();
      })
      .catch((e: unknown) => onError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };
  const stop = () => {
    setBusy(true);
    removeShare(incidentId)
      .then(onClose)
      .catch((e: unknown) => onError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };

  const field = (f: 'link' | 'server' | 'token', label: string, hint: string, mono = false) => (
    <div className="field">
      <label htmlFor={`${id}-${f}`}>{label}</label>
      <input
        id={`${id}-${f}`}
        className={mono ? 'input mono' : 'input'}
        value={fields[f]}
        onChange={set(f)}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={errorFor(f) !== null}
        aria-describedby={`${id}-${f}-hint`}
        {...(f === 'link' ? { 'data-autofocus': true } : {})}
      />
      {errorFor(f) !== null ? (
        <p className="field-error" id={`${id}-${f}-hint`} role="alert">
          {errorFor(f)}
        </p>
      ) : (
        <p className="field-hint" id={`${id}-${f}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );

  return (
    <Dialog
      title={`Share “${title || 'Untitled incident'}”`}
      onClose={onClose}
      wide
      footer={
        editing ? (
          <>
            <span className="spacer" />
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="btn btn-primary" disabled={busy} onClick={submit}>
              {share ? 'Use this invite' : 'Share'}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="btn btn-danger" disabled={busy} onClick={stop}>
              Stop sharing
            </button>
            <span className="spacer" />
            <button type="button" className="btn" onClick={() => setAnother(true)}>
              Use another invite…
            </button>
            <button type="button" className="btn btn-primary" onClick={onClose} data-autofocus>
              Done
            </button>
          </>
        )
      }
    >
      {share && !editing ? (
        <div className="share-current">
          <p>
            Shared on <code>{share.server}</code> as <strong>{share.name}</strong> ({share.role}).
          </p>
          <p className="muted" data-testid="share-status">
            {status ? describeSyncStatus(status) : 'Starting…'}
          </p>
          <p className="field-hint">
            Stopping keeps this incident on this machine as it is now; it no longer receives or sends changes.
            {status && status.unsynced > 0
              ? ` ${status.unsynced} change${status.unsynced === 1 ? ' has' : 's have'} not reached the server yet and will stay only here.`
              : ''}
          </p>
        </div>
      ) : (
        <form
          className="share-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <p className="field-hint">
            Your team&apos;s sync server (<code>rootline serve</code>) keeps this incident in step with
            reviewers and co-authors. Work offline as usual: changes are kept here and sent when the server is
            reachable. Get an invite with{' '}
            <code>rootline serve invite --incident {incidentId} --role author --name YOUR-NAME</code>.
          </p>
          {field('link', 'Invite link', 'Paste the whole link (rootline://join?… or …#/join?…).')}
          <p className="share-or muted">or</p>
          <div className="field-row">
            {field('server', 'Server address', 'ws://host:port, wss://host, or https://host')}
          </div>
          {field('token', 'Token', 'The token the invite printed.', true)}
          {result.ok && touched && (
            <p className="share-preview" data-testid="share-preview">
              You will be <strong>{describeClaims(result.claims)}</strong> on{' '}
              <code>{result.invite.server}</code>.
            </p>
          )}
          <button type="submit" hidden />
        </form>
      )}
    </Dialog>
  );
}
