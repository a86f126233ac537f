export { DocumentPanel } from './components/DocumentPanel';
export { useSections } from './hooks/useSections';
