export { TimelinePanel } from './components/TimelinePanel';
export { useTimelineWindow, TIMELINE_WINDOW } from './hooks/useTimelineWindow';
export { revealTimelineEvent } from './focus';
export { useIncidentEvents } from './hooks/useIncidentEvents';
