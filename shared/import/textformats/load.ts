import { formatPath } from '../../bundle/issues';
import { jsonLineProblem, lineColumnAt, readJsonText } from '../../bundle/jsonSyntax';
import { locateJsonPath } from '../../templates/locate';
import { compileDefinition, definitionsIn } from './compile';
import type { CompiledTextFormat, FormatProblem } from './compile';
import { FormatFile } from './schema';

/*
 * A user's format files, read and checked against the format-file schema (zod) before they are
 * compiled. Kept apart from compile.ts so that reading logs with the shipped formats alone (the
 * CLI, the import workers) never loads the schema library.
 */

export type LoadResult =
  { ok: true; formats: CompiledTextFormat[] } | { ok: false; problems: FormatProblem[] };

function shortMessage(message: string): string {
  return message.replace(/^Invalid input:\s*/, '');
}

/**
 * Reads a format file (lnav's format-file JSON schema) and compiles every definition in it.
 * Never throws: a bad file comes back with problems naming the file, line, JSON path and
 * reason. A definition whose regexes fail on its own sample lines is refused by name.
 */
export function loadFormatFile(text: string, fileName: string): LoadResult {
  const read = readJsonText(text);
  const { body } = read;
  const problem = (path: PropertyKey[], reason: string): FormatProblem => ({
    file: fileName,
    line: path.length === 0 ? 0 : lineColumnAt(body, locateJsonPath(body, path)).line,
    path: path.length === 0 ? '' : formatPath(path),
    reason,
  });
  if (!read.ok)
    return { ok: false, problems: [{ file: fileName, path: '', ...jsonLineProblem(read.problem) }] };
  const parsed = FormatFile.safeParse(read.value);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 20).map((i) => problem(i.path, shortMessage(i.message))),
    };
  }
  const formats: CompiledTextFormat[] = [];
  const problems: FormatProblem[] = [];
  for (const [name, def] of definitionsIn(parsed.data)) {
    const result = compileDefinition(name, def, fileName);
    if (Array.isArray(result)) problems.push(...result.map((p) => problem(p.path, p.reason)));
    else formats.push(result);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, formats };
}

/** A user's format file as stored (the Formats setting) or sent to the import worker. */
export interface FormatFileText {
  name: string;
  text: string;
}

/**
 * Compiles a user's format files in order. A file that no longer loads is left out and its
 * problems returned (stored files are read again on every use: the schema may have moved on);
 * a format name defined twice keeps the first file's definition.
 */
export function compileFormatFiles(files: readonly FormatFileText[]): {
  formats: CompiledTextFormat[];
  problems: FormatProblem[];
} {
  const formats: CompiledTextFormat[] = [];
  const problems: FormatProblem[] = [];
  for (const f of files) {
    const result = loadFormatFile(f.text, f.name);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    for (const format of result.formats) {
      if (formats.some((x) => x.name === format.name)) {
        problems.push({
          file: f.name,
          line: 0,
          path: format.name,
          reason: 'this format name is already defined by another format file',
        });
      } else {
        formats.push(format);
      }
    }
  }
  return { formats, problems };
}
