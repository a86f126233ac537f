export { DocumentPanel } from './components/DocumentPanel';
export { BUILTIN_TEMPLATES } from './templates';
