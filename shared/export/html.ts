import { lexicalStateToHtml } from '../document/html';
import type { IncidentSnapshot } from '../domain';
import { liveBlockHtml } from './blocksHtml';
import { createExportContext, incidentFacts } from './context';
import type { ExportContext, ExportOptions } from './context';
import { escapeHtml } from './escape';
import { sectionsFor } from './sections';
import { documentCss } from './styles';

function facts(ctx: ExportContext): string {
  const rows = incidentFacts(ctx);
  return `<dl class="facts">${rows.map(([a, b]) => `<dt>${escapeHtml(a)}</dt><dd>${escapeHtml(b)}</dd>`).join('')}</dl>`;
}

/**
 * The incident's RCA document as one self-contained HTML file: inline stylesheet (screen and
 * print, with a title page, page numbers and the chosen paper size), sections for the audience,
 * live blocks rendered from current data, the cause diagram as inline SVG. No scripts, no
 * external resources; every piece of data is escaped.
 */
export function exportHtml(snapshot: IncidentSnapshot, options: ExportOptions): string {
  const ctx = createExportContext(snapshot, options);
  const title = snapshot.incident.title.trim() === '' ? 'Untitled incident' : snapshot.incident.title;
  const body: string[] = [];
  body.push(
    `<header class="title-page"><p class="eyebrow">Incident report</p><h1>${escapeHtml(title)}</h1>` +
      `<span class="audience">${ctx.audience === 'customer' ? 'Customer-facing version' : 'Internal version'}</span>` +
      facts(ctx) +
      (snapshot.incident.summary.trim() === ''
        ? ''
        : `<p class="summary">${escapeHtml(snapshot.incident.summary.trim())}</p>`) +
      `</header>`,
  );
  for (const section of sectionsFor(snapshot.sections, ctx.audience)) {
    const result = lexicalStateToHtml(section.lexicalState, (spec) => liveBlockHtml(ctx, spec));
    const html = result.ok
      ? result.html
      : `<p class="empty">This section could not be read (${escapeHtml(result.error)}).</p>`;
    if (html === '' && ctx.audience === 'customer') continue;
    body.push(
      `<section data-key="${escapeHtml(section.key)}"><h2>${escapeHtml(section.title)}</h2>\n` +
        `${html === '' ? '<p class="empty">Not written yet.</p>' : html}</section>`,
    );
  }
  return htmlDocument(title, documentCss(ctx.paper), body.join('\n'));
}

/**
 * A self-contained HTML document around `body`: the strict CSP (no scripts, no external
 * resources; images only as data: URLs), the title and one inline stylesheet. Every exported
 * HTML file (the RCA document, the learning review) is wrapped by this.
 */
export function htmlDocument(title: string, css: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>
${css}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
