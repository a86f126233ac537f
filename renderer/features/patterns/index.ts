export { PatternsPanel } from './components/PatternsPanel';
export { PatternsTable } from './components/PatternsTable';
export type { PatternRow } from './components/PatternsTable';
