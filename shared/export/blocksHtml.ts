import type { LiveBlockSpec } from '../document/blocks';
import { LIVE_BLOCK_LABELS } from '../document/blocks';
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
import { timelineChartSvg } from '../chart';
import { causeTreeSvg } from './causeSvg';
import type { ExportContext } from './context';
import { timeCells, timeHeaders } from './context';
import { escapeHtml, safeUrl } from './escape';

function note(text: string): string {
  return `<p class="note">${escapeHtml(text)}</p>`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[], cls: string): string {
  const head = `<thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table class="${cls}">${head}<tbody>\n${body}\n</tbody></table>`;
}

function timelineHtml(ctx: ExportContext, spec: LiveBlockSpec): string {
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
    ...timeCells(ctx, e.at).map((t) => `<span class="time">${escapeHtml(t)}</span>`),
    `<span class="kind kind-${e.kind}">${e.kind}</span>`,
    escapeHtml(eventTitle(e)),
    ...(internal ? [escapeHtml(e.service ?? '')] : []),
    escapeHtml(e.region ?? ''),
  ]);
  const more = data.more > 0 ? note(`…and ${data.more} more events.`) : '';
  return timelineChart(ctx, data.events) + table(header, rows, 'timeline') + more;
}

/**
 * The app's swimlane chart above the table (the same SVG the Timeline tab exports). Lanes are
 * services for internal readers and event kinds for customers, who are not shown service names.
 */
function timelineChart(ctx: ExportContext, events: ReturnType<typeof timelineBlockData>['events']): string {
  const svg = timelineChartSvg(events, {
    width: 720,
    laneBy: ctx.audience === 'internal' ? 'service' : 'kind',
    zone: ctx.zone,
    keyTimes: ctx.incident.keyTimes,
    title: 'Timeline',
  });
  return `<figure class="timeline-chart">${svg}</figure>`;
}

function keyTimesHtml(ctx: ExportContext): string {
  const data = keyTimesData(ctx);
  const firstAt = data.rows.find((r) => r.at !== null)?.at ?? null;
  const rows = data.rows.map((r) => [escapeHtml(r.label), ...timeCells(ctx, r.at).map(escapeHtml)]);
  const metrics = data.metrics
    .map(
      (m) =>
        `<div class="metric"><dt title="${escapeHtml(m.title)}">${m.label}</dt><dd>${escapeHtml(m.text)}</dd></div>`,
    )
    .join('');
  return `${table(['Key time', ...timeHeaders(ctx, firstAt)], rows, 'key-times')}<dl class="metrics">${metrics}</dl>`;
}

function impactHtml(ctx: ExportContext): string {
  const rows = impactData(ctx)
    .map((r) => `<div><dt>${escapeHtml(r.label)}</dt><dd>${escapeHtml(r.value)}</dd></div>`)
    .join('');
  return `<dl class="impact">${rows}</dl>`;
}

function actionsHtml(ctx: ExportContext): string {
  const rows = actionRows(ctx);
  if (rows.length === 0) return note('No action items yet.');
  const internal = ctx.audience === 'internal';
  const header = actionHeader(internal);
  const body = rows.map((r) => {
    const url = safeUrl(r.ticketUrl);
    const ticket =
      url === null ? escapeHtml(r.ticketUrl) : `<a href="${escapeHtml(url)}">${escapeHtml(r.ticketUrl)}</a>`;
    return [
      escapeHtml(r.title),
      escapeHtml(r.type),
      r.priority,
      ...(internal ? [escapeHtml(r.owner)] : []),
      escapeHtml(r.due),
      escapeHtml(r.status),
      ...(internal ? [ticket] : []),
    ];
  });
  return table(header, body, 'actions');
}

function causeListHtml(ctx: ExportContext): string {
  const lines = causeLines(ctx);
  if (lines.length === 0) return note('No causes yet.');
  const items = lines.map((l) => {
    const gate = l.gate === null ? '' : ` <span class="gate">— ${l.gate}:</span>`;
    const review =
      ctx.audience === 'internal' && l.review !== 'open' ? ` <em>(${escapeHtml(l.review)})</em>` : '';
    const detail = l.detail.trim() === '' ? '' : `<div class="detail">${escapeHtml(l.detail.trim())}</div>`;
    const { indent, prefix } = causeIndent(l.depth);
    return `<li style="margin-left:${indent * 1.25}em">${escapeHtml(prefix)}<strong>${escapeHtml(l.kind)}:</strong> ${escapeHtml(l.title)}${gate}${review}${detail}</li>`;
  });
  return `<ul class="cause-list">\n${items.join('\n')}\n</ul>`;
}

function causeDiagramHtml(ctx: ExportContext): string {
  if (ctx.causes.length === 0) return note('No causes yet.');
  return `<figure class="diagram">${causeTreeSvg(ctx.causes, `Cause diagram: ${ctx.incident.title}`)}</figure>`;
}

/** A live block as an HTML fragment (escaped, self-contained), from the incident data as it is now. */
export function liveBlockHtml(ctx: ExportContext, spec: LiveBlockSpec): string {
  const inner = ((): string => {
    switch (spec.block) {
      case 'timeline':
        return timelineHtml(ctx, spec);
      case 'key-times':
        return keyTimesHtml(ctx);
      case 'impact':
        return impactHtml(ctx);
      case 'actions':
        return actionsHtml(ctx);
      case 'cause-list':
        return causeListHtml(ctx);
      case 'cause-diagram':
        return causeDiagramHtml(ctx);
      default:
        return assertNever(spec.block, 'live block');
    }
  })();
  return `<div class="live-block live-${spec.block}" data-block="${spec.block}" aria-label="${escapeHtml(LIVE_BLOCK_LABELS[spec.block])}">${inner}</div>`;
}
