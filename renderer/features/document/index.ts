export { DocumentPanel } from './components/DocumentPanel';
export { sectionElement, showSection } from './focus';
