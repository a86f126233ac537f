export { BUILTIN_TEMPLATES, loadTemplates } from './templates';
export { useTemplates } from './useTemplates';
