export { BUILTIN_TEMPLATES } from './templates';
export { useTemplates } from './useTemplates';
