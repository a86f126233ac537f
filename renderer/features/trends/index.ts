export { TrendsView } from './components/TrendsView';
export { SimilarIncidents } from './components/SimilarIncidents';
export { useLibrary } from './hooks/useLibrary';
export { PreloadLibrary } from './hooks/usePreloadLibrary';
