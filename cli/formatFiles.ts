import { readFile } from 'node:fs/promises';
import type { CompiledTextFormat } from '../shared/import/textformats/compile';
import { formatProblemText } from '../shared/import/textformats/compile';
import { formatIds } from '../shared/import/formats/index';
import { UsageError } from './commands/registry';

/**
 * Reads `--format-file` definitions. A file that cannot be read or holds a bad definition
 * stops the command with every problem (file, line, JSON path, reason) in the message.
 */
export async function loadFormatFiles(paths: readonly string[]): Promise<CompiledTextFormat[]> {
  if (paths.length === 0) return [];
  // The format-file schema (zod) loads only for commands given --format-file.
  const { loadFormatFile } = await import('../shared/import/textformats/load');
  const out: CompiledTextFormat[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      problems.push(`${path}: cannot read the format file (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    const result = loadFormatFile(text, path);
    if (result.ok) out.push(...result.formats);
    else problems.push(...result.problems.map(formatProblemText));
  }
  if (problems.length > 0) {
    throw new UsageError(`bad format file:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  return out;
}

/** Every format id a command accepts for `--format`: shipped ones and the user's own. */
export function knownFormatIds(user: readonly CompiledTextFormat[]): string[] {
  return [...user.map((f) => f.name), ...formatIds().filter((id) => !user.some((f) => f.name === id))];
}
