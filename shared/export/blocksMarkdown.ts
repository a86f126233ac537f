import { causeDiagram, mermaidBlock } from '../causes/mermaid';
import type { LiveBlockSpec } from '../document/blocks';
import { assertNever } from '../domain';
import {
  actionHeader,
  actionRows,
  causeIndent,
  causeLines,
  eventTitle,
  impactData,
  keyTimesData,
  timelineBlockData,
} from './blockData';
import type { ExportContext } from './context';
import { timeCells, timeHeaders } from './context';
import { escapeMarkdown, markdownCell, markdownTable, safeUrl } from './escape';

function note(text: string): string {
  return `_${escapeMarkdown(text)}_`;
}

function timelineMarkdown(ctx: ExportContext, spec: LiveBlockSpec): string {
  const data = timelineBlockData(ctx, spec);
  if (data.events.length === 0) return note(data.empty);
  const internal = ctx.audience === 'internal';
  const header = [
    ...timeHeaders(ctx, data.events[0]?.at ?? null),
    'Kind',
    'Event',
    ...(internal ? ['Service'] : []),
    'Region',
  ];
  const rows = data.events.map((e) => [
    ...timeCells(ctx, e.at).map(markdownCell),
    e.kind,
    markdownCell(eventTitle(e)),
    ...(internal ? [markdownCell(e.service ?? '')] : []),
    markdownCell(e.region ?? ''),
  ]);
  const table = markdownTable(header, rows);
  return data.more > 0 ? `${table}\n\n${note(`…and ${data.more} more events.`)}` : table;
}

function keyTimesMarkdown(ctx: ExportContext): string {
  const data = keyTimesData(ctx);
  const firstAt = data.rows.find((r) => r.at !== null)?.at ?? null;
  const table = markdownTable(
    ['Key time', ...timeHeaders(ctx, firstAt)],
    data.rows.map((r) => [markdownCell(r.label), ...timeCells(ctx, r.at).map(markdownCell)]),
  );
  const metrics = data.metrics.map(
    (m) => `- **${m.label}** (${escapeMarkdown(m.title, false)}): ${escapeMarkdown(m.text, false)}`,
  );
  return `${table}\n\n${metrics.join('\n')}`;
}

function impactMarkdown(ctx: ExportContext): string {
  return impactData(ctx)
    .map((r) => `- **${escapeMarkdown(r.label, false)}:** ${escapeMarkdown(r.value, false)}`)
    .join('\n');
}

function actionsMarkdown(ctx: ExportContext): string {
  const rows = actionRows(ctx);
  if (rows.length === 0) return note('No action items yet.');
  const internal = ctx.audience === 'internal';
  const header = actionHeader(internal);
  const body = rows.map((r) => {
    const url = safeUrl(r.ticketUrl);
    return [
      markdownCell(r.title),
      markdownCell(r.type),
      r.priority,
      ...(internal ? [markdownCell(r.owner)] : []),
      markdownCell(r.due),
      markdownCell(r.status),
      ...(internal ? [url === null ? markdownCell(r.ticketUrl) : `<${url}>`] : []),
    ];
  });
  return markdownTable(header, body);
}

function causeListMarkdown(ctx: ExportContext): string {
  const lines = causeLines(ctx);
  if (lines.length === 0) return note('No causes yet.');
  return lines
    .map((l) => {
      const { indent: level, prefix } = causeIndent(l.depth);
      const indent = '  '.repeat(level);
      const gate = l.gate === null ? '' : ` — ${l.gate}:`;
      const review = ctx.audience === 'internal' && l.review !== 'open' ? ` _(${l.review})_` : '';
      const detail = l.detail.trim() === '' ? '' : `\n${indent}  ${escapeMarkdown(l.detail.trim())}`;
      return `${indent}- ${escapeMarkdown(prefix, false)}**${escapeMarkdown(l.kind, false)}:** ${escapeMarkdown(l.title, false)}${gate}${review}${detail}`;
    })
    .join('\n');
}

function causeDiagramMarkdown(ctx: ExportContext): string {
  if (ctx.causes.length === 0) return note('No causes yet.');
  // Review state and evidence counts are internal; the customer cut draws plain boxes.
  const nodes =
    ctx.audience === 'internal'
      ? ctx.causes
      : ctx.causes.map((c) => ({ ...c, reviewState: 'open' as const, evidenceEventIds: [] }));
  const { source } = causeDiagram(nodes);
  return mermaidBlock(source);
}

/** A live block as GitHub-flavoured Markdown, from the incident data as it is now. */
export function liveBlockMarkdown(ctx: ExportContext, spec: LiveBlockSpec): string {
  switch (spec.block) {
    case 'timeline':
      return timelineMarkdown(ctx, spec);
    case 'key-times':
      return keyTimesMarkdown(ctx);
    case 'impact':
      return impactMarkdown(ctx);
    case 'actions':
      return actionsMarkdown(ctx);
    case 'cause-list':
      return causeListMarkdown(ctx);
    case 'cause-diagram':
      return causeDiagramMarkdown(ctx);
    default:
      return assertNever(spec.block, 'live block');
  }
}
