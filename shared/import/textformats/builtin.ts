import { formatPath } from '../../bundle/issues';
import type { CompiledTextFormat } from './compile';
import { compileDefinition, definitionsIn } from './compile';
import { DEFINITION_FILES } from './defs/index';

/**
 * Compiles shipped definition files (name → parsed JSON). They are not checked against the
 * format-file schema here, nor parsed against their own samples (`checkOwnSamples`: tests do both
 * for every shipped file): the schema would load its library into every start of the CLI and of
 * each import worker, and the samples took 17 ms of each. A broken shipped file is a programming
 * error, so this one throws with every problem found.
 */
export function compileBuiltinDefinitions(
  files: Readonly<Record<string, unknown>>,
  checkOwnSamples = false,
): CompiledTextFormat[] {
  const out: CompiledTextFormat[] = [];
  const problems: string[] = [];
  for (const [file, json] of Object.entries(files)) {
    for (const [name, def] of definitionsIn(json as Record<string, unknown>)) {
      const result = compileDefinition(name, def, file, { checkOwnSamples });
      if (Array.isArray(result))
        problems.push(...result.map((p) => `${file}: ${formatPath(p.path)}: ${p.reason}`));
      else out.push({ ...result, origin: 'builtin' });
    }
  }
  if (problems.length > 0) throw new Error(`shipped format definitions are broken:\n${problems.join('\n')}`);
  return out;
}

let builtin: readonly CompiledTextFormat[] | null = null;

/**
 * Rootline's own definitions (shared/import/textformats/defs/*.json), compiled on first use:
 * compiled as the module loaded, they were 20-50 ms of every app start, before any import.
 */
export function builtinTextFormats(): readonly CompiledTextFormat[] {
  return (builtin ??= compileBuiltinDefinitions(DEFINITION_FILES));
}
