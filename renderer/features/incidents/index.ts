export { IncidentList } from './components/IncidentList';
export { DamagedRowList, DamagedRows } from './components/DamagedRows';
export { SeverityBadge, StatusBadge } from './components/SeverityBadge';
export { useDamagedActions } from './hooks/useDamagedActions';
export { useCheckedIncident, useIncident, useIncidents } from './hooks/useIncidents';
export { useIncidentActions, type IncidentActions } from './hooks/useIncidentActions';
export { useDiscardUntouched } from './hooks/useDiscardUntouched';
