import { lexicalStateToMarkdown } from '../document/headless';
import type { IncidentSnapshot } from '../domain';
import { liveBlockMarkdown } from './blocksMarkdown';
import { createExportContext, incidentFacts } from './context';
import type { ExportContext, ExportOptions } from './context';
import { escapeMarkdown, markdownCell, markdownTable } from './escape';
import { sectionsFor } from './sections';

function headerTable(ctx: ExportContext): string {
  const rows = incidentFacts(ctx);
  return markdownTable(
    ['Field', 'Value'],
    rows.map(([a, b]) => [markdownCell(a), markdownCell(b)]),
  );
}

/**
 * The incident's RCA document as GitHub-flavoured Markdown: a header table, then each section
 * the audience may see, with live blocks rendered from the current data (timeline and actions
 * as tables, the cause diagram as a ```mermaid block, times labelled with their zone and the
 * second zone when the incident has one). Deterministic: the same snapshot gives the same text.
 */
export function exportMarkdown(snapshot: IncidentSnapshot, options: ExportOptions): string {
  const ctx = createExportContext(snapshot, options);
  const title = snapshot.incident.title.trim() === '' ? 'Untitled incident' : snapshot.incident.title;
  const parts = [`# ${escapeMarkdown(title, false)}`];
  if (ctx.audience === 'customer') parts.push('_Customer-facing version._');
  parts.push(headerTable(ctx));
  if (snapshot.incident.summary.trim() !== '') parts.push(escapeMarkdown(snapshot.incident.summary.trim()));
  for (const section of sectionsFor(snapshot.sections, ctx.audience)) {
    const result = lexicalStateToMarkdown(section.lexicalState, (spec) => liveBlockMarkdown(ctx, spec));
    const body = result.ok
      ? result.markdown
      : `_This section could not be read (${escapeMarkdown(result.error, false)})._`;
    if (body === '' && ctx.audience === 'customer') continue;
    parts.push(`## ${escapeMarkdown(section.title, false)}`);
    parts.push(body === '' ? '_Not written yet._' : body);
  }
  return `${parts.join('\n\n')}\n`;
}
