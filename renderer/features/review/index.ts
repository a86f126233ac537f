export { ReviewPanel } from './components/ReviewPanel';
export { SignOffBadge } from './components/SignOffBadge';
export { useReviewLedger } from './hooks/useReview';
export { useOpenThreadCount } from './hooks/useOpenThreadCount';
export { useSignOffs, useSignOffsByIncident } from './hooks/useSignOffs';
