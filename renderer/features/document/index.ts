export { DocumentPanel } from './components/DocumentPanel';
