import type { CompiledTextFormat } from './compile';
import { formatProblemText, loadFormatFile } from './compile';
import { DEFINITION_FILES } from './defs/index';

/**
 * Compiles shipped definition files (name → parsed JSON). A broken shipped file is a
 * programming error, so this one throws with every problem found.
 */
export function compileBuiltinDefinitions(files: Readonly<Record<string, unknown>>): CompiledTextFormat[] {
  const out: CompiledTextFormat[] = [];
  const problems: string[] = [];
  for (const [name, json] of Object.entries(files)) {
    const result = loadFormatFile(JSON.stringify(json, null, 2), name);
    if (result.ok) out.push(...result.formats.map((f) => ({ ...f, origin: 'builtin' })));
    else problems.push(...result.problems.map(formatProblemText));
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
