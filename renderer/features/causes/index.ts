export { CausesPanel } from './components/CausesPanel';
export { CitedBy } from './components/CitedBy';
export { DiagramCanvas } from './components/DiagramCanvas';
export { causeLinkHash, requestCauseFocus } from './focus';
