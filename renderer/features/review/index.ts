export { ReviewPanel } from './components/ReviewPanel';
export { useReviewLedger } from './hooks/useReview';
export { useOpenThreadCount } from './hooks/useOpenThreadCount';
