import { formatPath } from '../bundle';
import { jsonLineProblem, lineColumnAt, readJsonText } from '../bundle/jsonSyntax';
import { RcaTemplate } from './schema';
import { locateJsonPath } from './locate';

/** One problem in a template file: where (1-based line, 0 when unknown) and why. */
export interface TemplateProblem {
  file: string;
  line: number;
  reason: string;
}

export type ParseTemplateResult =
  { ok: true; template: RcaTemplate } | { ok: false; problems: TemplateProblem[] };

/** Zod's message without its generic lead-in. */
function shortMessage(message: string): string {
  return message.replace(/^Invalid input:\s*/, '');
}

/** `file: line N: reason` — how problems are shown to people. */
export function formatTemplateProblem(p: TemplateProblem): string {
  return p.line > 0 ? `${p.file}: line ${p.line}: ${p.reason}` : `${p.file}: ${p.reason}`;
}

/**
 * Reads and validates a template file (JSON). Never throws: every problem comes back with
 * the file name, the line it is on and a reason naming the field, so a person can fix it.
 */
export function parseTemplate(text: string, fileName: string): ParseTemplateResult {
  const read = readJsonText(text);
  if (!read.ok) return { ok: false, problems: [{ file: fileName, ...jsonLineProblem(read.problem) }] };
  const { body } = read;
  const parsed = RcaTemplate.safeParse(read.value);
  if (parsed.success) return { ok: true, template: parsed.data };
  const problems = parsed.error.issues.slice(0, 20).map((issue) => ({
    file: fileName,
    line: lineColumnAt(body, locateJsonPath(body, issue.path)).line,
    reason: `${formatPath(issue.path)}: ${shortMessage(issue.message)}`,
  }));
  return { ok: false, problems };
}
