import { useEffect, useSyncExternalStore } from 'react';
import { INCIDENT_TAB_LABELS, INCIDENT_TABS, type IncidentTab } from '../../../routing/route';
import { peersOf, setLocalTab, subscribePeers, type Peer } from '../../../sync/presence';

function tabLabel(tab: string | null): string | null {
  const known = INCIDENT_TABS.find((t) => t === tab);
  return known ? INCIDENT_TAB_LABELS[known] : null;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')
  ).toUpperCase();
}

function describe(p: Peer): string {
  const where = tabLabel(p.tab);
  return `${p.name}${p.self ? ' (you)' : ''}, ${p.role}${where ? `, on ${where}` : ''}`;
}

/**
 * Who else has this shared incident open, and on which tab; says where this profile is, too.
 * Nothing for an incident that is not shared or when nobody else is here.
 */
export function PresenceList({ incidentId, tab }: { incidentId: string; tab: IncidentTab }) {
  useEffect(() => {
    setLocalTab(incidentId, tab);
  }, [incidentId, tab]);
  useEffect(() => () => setLocalTab(incidentId, null), [incidentId]);
  const peers = useSyncExternalStore(subscribePeers, () => peersOf(incidentId));
  // Someone whose app is open elsewhere (the list, another incident) is not here.
  const others = peers.filter((p) => !p.self && p.tab !== null);
  if (others.length === 0) return null;
  return (
    <ul className="presence" aria-label="Also here" data-testid="presence">
      {others.map((p) => (
        <li key={p.clientId} className={`presence-peer presence-${p.role}`} title={describe(p)}>
          <span className="presence-avatar" aria-hidden="true">
            {initials(p.name)}
          </span>
          <span className="presence-name">{p.name}</span>
          {tabLabel(p.tab) && <span className="presence-tab muted">· {tabLabel(p.tab)}</span>}
        </li>
      ))}
    </ul>
  );
}
