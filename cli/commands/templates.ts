import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatTemplateProblem, loadBuiltinTemplates, parseTemplate } from '../../shared/templates';
import type { RcaTemplate } from '../../shared/templates';
import { templatesDir } from '../paths';
import type { Command } from './registry';
import { UsageError } from './registry';
import { nullProto } from '../../shared/domain/lookup';

/** The repository's templates/ folder (data files shipped with the app). */
export const TEMPLATES_DIR = templatesDir();

/** The built-in templates, read from templates/*.json. */
export function builtinTemplates(): RcaTemplate[] {
  const files: Record<string, string> = nullProto({});
  for (const name of readdirSync(TEMPLATES_DIR)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    files[name] = readFileSync(`${TEMPLATES_DIR}${name}`, 'utf8');
  }
  return loadBuiltinTemplates(files);
}

/**
 * A template by built-in id, or from a file when the argument ends in `.json`. A bad file
 * throws with every problem as `file: line N: reason`.
 */
export async function resolveTemplate(idOrPath: string): Promise<RcaTemplate> {
  if (idOrPath.endsWith('.json')) {
    let text: string;
    try {
      text = await readFile(idOrPath, 'utf8');
    } catch (e) {
      throw new UsageError(
        `cannot read template file ${idOrPath}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    const result = parseTemplate(text, idOrPath);
    if (!result.ok)
      throw new Error(`invalid template: ${result.problems.map(formatTemplateProblem).join('; ')}`);
    return result.template;
  }
  const all = builtinTemplates();
  const found = all.find((t) => t.id === idOrPath);
  if (found === undefined) {
    throw new UsageError(
      `unknown template "${idOrPath}" (known: ${all.map((t) => t.id).join(', ')}; or give a .json file)`,
    );
  }
  return found;
}

const USAGE = `Usage: rootline templates [--json] [--check FILE.json]

Lists the RCA template ids (one per line, with name and sections), or validates a template file.

Options:
  --json          print the templates as JSON
  --check FILE    validate a template file; prints each problem as "file: line N: reason"
`;

export const templatesCommand: Command = {
  name: 'templates',
  usage: USAGE,
  async run(args, io) {
    let values: { json?: boolean; check?: string };
    try {
      ({ values } = parseArgs({
        args,
        strict: true,
        options: { json: { type: 'boolean' }, check: { type: 'string' } },
      }));
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
    if (values.check !== undefined) {
      let text: string;
      try {
        text = await readFile(values.check, 'utf8');
      } catch (e) {
        throw new UsageError(`cannot read ${values.check}: ${e instanceof Error ? e.message : String(e)}`);
      }
      const result = parseTemplate(text, values.check);
      if (!result.ok) {
        io.stderr(`${result.problems.map(formatTemplateProblem).join('\n')}\n`);
        return 1;
      }
      io.stdout(
        `${values.check}: valid template "${result.template.id}" with ${result.template.sections.length} sections\n`,
      );
      return 0;
    }
    const templates = builtinTemplates();
    if (values.json === true) {
      io.stdout(`${JSON.stringify(templates, null, 2)}\n`);
      return 0;
    }
    const width = Math.max(...templates.map((t) => t.id.length));
    for (const t of templates)
      io.stdout(`${t.id.padEnd(width)}  ${t.name} (${t.sections.length} sections)\n`);
    return 0;
  },
};
