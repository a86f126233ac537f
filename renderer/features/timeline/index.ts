export { TimelinePanel } from './components/TimelinePanel';
export { revealTimelineEvent } from './focus';
export { exportChartPng, exportChartSvg } from './model/exportChart';
export { useIncidentEvents } from './hooks/useIncidentEvents';
export { prefetchTimeline } from './model/store';
