export { OverviewForm } from './components/OverviewForm';
export { deriveDurations, keyTimeWarnings, KEY_TIME_LABELS } from './keyTimes';
