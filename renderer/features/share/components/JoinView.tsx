import { useId, useState } from 'react';
import { addShare } from '../../../sync/shares';
import { EmptyState } from '../../../ui/EmptyState';
import { useReadyMarker } from '../../../ui/ready';
import { describeClaims, readShareForm } from '../shareForm';
import { useShares } from '../hooks/useShares';

interface JoinViewProps {
  server: string;
  token: string;
  /** Opens the incident once it is joined. */
  onJoined: (incidentId: string) => void;
  onCancel: () => void;
  onError: (message: string) => void;
}

/** `#/join?server=…&token=…`: who the invite makes you, and which incidents it opens. */
export function JoinView({ server, token, onJoined, onCancel, onError }: JoinViewProps) {
  const shares = useShares();
  const [pickedId, setPickedId] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  useReadyMarker(true);
  const read = readShareForm({ link: '', server, token }, null);
  if (!read.ok) {
    return (
      <EmptyState
        title="This invite cannot be used"
        actions={
          <button type="button" className="btn" onClick={onCancel}>
            Back to incidents
          </button>
        }
      >
        <p role="alert">{read.error}</p>
        <p>Ask whoever invited you for a new link (rootline serve invite prints one).</p>
      </EmptyState>
    );
  }
  const { claims, invite } = read;
  const every = claims.incidents === '*';
  const ids: readonly string[] =
    claims.incidents === '*' ? (pickedId.trim() === '' ? [] : [pickedId.trim()]) : claims.incidents;
  const join = () => {
    if (ids.length === 0 || busy) return;
    setBusy(true);
    ids
      .reduce<Promise<unknown>>(
        (p, incidentId) => p.then(() => addShare({ incidentId, ...invite })),
        Promise.resolve(),
      )
      .then(() => onJoined(ids[0]!))
      .catch((e: unknown) => onError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };
  const already = ids.filter((i) => shares.some((s) => s.incidentId === i && s.server === invite.server));
  return (
    <section className="join-view" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Join a shared incident</h1>
      <p>
        You were invited to <code>{invite.server}</code> as <strong>{describeClaims(claims)}</strong>.
      </p>
      {every ? (
        <div className="field">
          <label htmlFor={`${id}-incident`}>Incident id</label>
          <input
            id={`${id}-incident`}
            className="input mono"
            value={pickedId}
            onChange={(e) => setPickedId(e.currentTarget.value)}
            data-autofocus
          />
          <p className="field-hint">This invite opens every incident on the server: name the one to join.</p>
        </div>
      ) : (
        <p>
          It opens {ids.length === 1 ? 'one incident' : `${ids.length} incidents`}:{' '}
          {ids.map((i, n) => (
            <span key={i}>
              {n > 0 && ', '}
              <code>{i}</code>
            </span>
          ))}
          . Their copy is kept on this machine, so you can keep working offline.
        </p>
      )}
      {already.length > 0 && <p className="muted">Already joined here: joining again replaces the token.</p>}
      <div className="join-actions">
        <button type="button" className="btn btn-primary" disabled={busy || ids.length === 0} onClick={join}>
          Join
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
