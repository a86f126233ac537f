import { describeSyncStatus } from '../../../sync/status';
import { useShare, useSyncStatus } from '../hooks/useShares';

/**
 * The incident's connection: connected / offline, N changes waiting / syncing, or why the
 * server refused. Nothing for an incident that is not shared.
 */
export function SyncIndicator({
  incidentId,
  onOpen,
}: {
  incidentId: string;
  onOpen?: (() => void) | undefined;
}) {
  const share = useShare(incidentId);
  const status = useSyncStatus(incidentId);
  if (!share) return null;
  const text = status ? describeSyncStatus(status) : 'Starting…';
  const tone = !status
    ? 'pending'
    : status.refused !== null
      ? 'refused'
      : status.connection === 'offline'
        ? 'offline'
        : text === 'Connected'
          ? 'connected'
          : 'pending';
  return (
    <button
      type="button"
      className={`sync-indicator sync-${tone}`}
      data-testid="sync-indicator"
      title={`Shared on ${share.server} as ${share.name} (${share.role})`}
      onClick={onOpen}
    >
      <span className="sync-dot" aria-hidden="true" />
      <span role="status">{text}</span>
    </button>
  );
}
