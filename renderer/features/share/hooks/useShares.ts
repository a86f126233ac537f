import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useSyncExternalStore } from 'react';
import { getIncident } from '../../../db/repos/incidents';
import { currentShares, loadShares, shareOf, subscribeShares, type Share } from '../../../sync/shares';
import { subscribeSyncStatus, syncStatusOf, type IncidentSyncStatus } from '../../../sync/status';

/** Every share of this profile (empty until read). */
export function useShares(): readonly Share[] {
  useEffect(() => void loadShares(), []);
  return useSyncExternalStore(subscribeShares, currentShares);
}

/** The share of one incident, or undefined when it is not shared. */
export function useShare(incidentId: string): Share | undefined {
  useEffect(() => void loadShares(), []);
  return useSyncExternalStore(subscribeShares, () => shareOf(incidentId));
}

/** The connection status of a shared incident (undefined when not shared or not open yet). */
export function useSyncStatus(incidentId: string): IncidentSyncStatus | undefined {
  return useSyncExternalStore(subscribeSyncStatus, () => syncStatusOf(incidentId));
}

/** True when this profile may only review the incident (its model is read-only here). */
export function useReviewerOnly(incidentId: string): boolean {
  return useShare(incidentId)?.role === 'reviewer';
}

/** The incident's title ('' while it loads or when it has none). */
export function useIncidentTitle(incidentId: string): string {
  return useLiveQuery(() => getIncident(incidentId), [incidentId])?.title ?? '';
}
