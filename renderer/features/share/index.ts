import './components/share.css';
export { ShareDialog } from './components/ShareDialog';
export { JoinView } from './components/JoinView';
export { SyncIndicator } from './components/SyncIndicator';
export { PresenceList } from './components/PresenceList';
export { useReviewerOnly, useShare, useShares, useSyncStatus } from './hooks/useShares';
export { useUnsyncedWarning } from './hooks/useUnsyncedWarning';
export { useSyncEngine } from './hooks/useSyncEngine';
