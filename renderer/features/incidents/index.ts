export { IncidentList } from './components/IncidentList';
export { IncidentView } from './components/IncidentView';
export { useIncident, useIncidents } from './hooks/useIncidents';
export { useIncidentActions, type IncidentActions } from './hooks/useIncidentActions';
export { filterIncidents } from './search';
export { useDiscardUntouched } from './hooks/useDiscardUntouched';
