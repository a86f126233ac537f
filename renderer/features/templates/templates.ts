import { loadBuiltinTemplates, RcaTemplate } from '../../../shared/templates';
import type { RcaTemplate as RcaTemplateType } from '../../../shared/templates';
import { getPref } from '../../db/repos';

/* The template data files, bundled at build time: the app ships what templates/ holds. */
const FILES = import.meta.glob<string>('../../../templates/*.json', {
  eager: true,
  query: '?raw',
  import: 'default',
});

/** The built-in templates in offering order. */
export const BUILTIN_TEMPLATES: readonly RcaTemplateType[] = loadBuiltinTemplates(
  Object.fromEntries(Object.entries(FILES).map(([path, text]) => [path.split('/').pop() ?? path, text])),
);

/** Pref key of the templates a user loaded from files (validated again on every read). */
export const CUSTOM_TEMPLATES_PREF = 'document.customTemplates';

/** Custom templates from the stored pref, dropping any that no longer validate. */
export function restoreCustomTemplates(stored: unknown): RcaTemplateType[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((t) => {
    const parsed = RcaTemplate.safeParse(t);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The built-in templates, then the user's own (a custom one never shadows a built-in id). */
export function allTemplates(custom: readonly RcaTemplateType[]): RcaTemplateType[] {
  const builtinIds = new Set(BUILTIN_TEMPLATES.map((t) => t.id));
  return [...BUILTIN_TEMPLATES, ...custom.filter((t) => !builtinIds.has(t.id))];
}

/** Every template as stored now (outside React: an import, a type change). */
export async function loadTemplates(): Promise<RcaTemplateType[]> {
  return allTemplates(restoreCustomTemplates(await getPref<unknown>(CUSTOM_TEMPLATES_PREF, [])));
}
