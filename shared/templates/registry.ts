import type { RcaTemplate } from './schema';
import { parseTemplate, formatTemplateProblem } from './parse';

/** The template new incidents start with. */
export const DEFAULT_TEMPLATE_ID = 'azure-rca-2014';

/** Built-in template ids in the order they are offered. */
export const BUILTIN_TEMPLATE_IDS = [
  'azure-rca-2014',
  'azure-pir',
  'google-sre',
  'aws-coe',
  'atlassian',
] as const;

/**
 * Parses the built-in template files (name → text, as read from `templates/` by the CLI or
 * bundled by the renderer) into templates in offering order. A broken built-in file is a
 * programming error, so this one throws with the file's problems.
 */
export function loadBuiltinTemplates(files: Readonly<Record<string, string>>): RcaTemplate[] {
  const out: RcaTemplate[] = [];
  for (const [name, text] of Object.entries(files)) {
    const result = parseTemplate(text, name);
    if (!result.ok) throw new Error(result.problems.map(formatTemplateProblem).join('\n'));
    out.push(result.template);
  }
  const rank = (id: string): number => {
    const i = (BUILTIN_TEMPLATE_IDS as readonly string[]).indexOf(id);
    return i < 0 ? BUILTIN_TEMPLATE_IDS.length : i;
  };
  return out.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
}

/** A template by id from a list; null when there is none. */
export function findTemplate(templates: readonly RcaTemplate[], id: string | null): RcaTemplate | null {
  return templates.find((t) => t.id === id) ?? null;
}
