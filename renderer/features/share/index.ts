import './components/share.css';
export { ShareDialog } from './components/ShareDialog';
export { JoinView } from './components/JoinView';
export { SyncIndicator } from './components/SyncIndicator';
export { useReviewerOnly, useShare, useShares, useSyncStatus } from './hooks/useShares';
