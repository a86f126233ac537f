import { STATUS_LABELS } from '../actions/items';
import { buildTree, childrenOf, flattenTree, MAX_INDENT_DEPTH } from '../causes/tree';
import { kindLabel } from '../causes/kinds';
import type { ActionItem, KeyTimeField, TimelineEvent } from '../domain';
import { KEY_TIME_FIELDS, PRIORITIES } from '../domain';
import type { LiveBlockSpec } from '../document/blocks';
import { formatDuration, formatImpactWindow, impactEndAt } from '../format';
import type { ExportContext } from './context';

/** Most timeline rows one block shows; the rest are counted in a note. */
export const MAX_TIMELINE_ROWS = 300;

export interface TimelineBlockData {
  events: TimelineEvent[];
  /** Events left out by the row cap. */
  more: number;
  /** Why the block is empty, when it is. */
  empty: string;
}

/** The events a timeline block shows (key events, all non-log events, or a range), capped. */
export function timelineBlockData(ctx: ExportContext, spec: LiveBlockSpec): TimelineBlockData {
  let events: TimelineEvent[];
  let empty: string;
  if (spec.scope === 'key') {
    events = ctx.events.filter((e) => e.key);
    empty = 'No key events are marked yet: star events in the Timeline tab to show them here.';
  } else if (spec.scope === 'all') {
    events = ctx.events.filter((e) => e.kind !== 'log');
    empty = 'The timeline has no events yet.';
  } else {
    const from = spec.from ?? -Infinity;
    const to = spec.to ?? Infinity;
    events = ctx.events.filter((e) => e.kind !== 'log' && e.at >= from && e.at <= to);
    empty = 'No events in the chosen range.';
  }
  return {
    events: events.slice(0, MAX_TIMELINE_ROWS),
    more: Math.max(0, events.length - MAX_TIMELINE_ROWS),
    empty,
  };
}

/**
 * An event's title with its repeat count, `Storage front-ends failing (×1,204)`, and the words
 * `[injected fault]` before an event a fault-injection tool put there (readers of a document
 * must not take a chaos experiment's fault for the incident's cause).
 */
export function eventTitle(e: TimelineEvent): string {
  const title = e.count > 1 ? `${e.title} (×${e.count.toLocaleString('en-US')})` : e.title;
  return e.injected === true ? `[injected fault] ${title}` : title;
}

export const KEY_TIME_LABELS: Record<KeyTimeField, string> = {
  impactStartAt: 'Impact started',
  detectedAt: 'Detected',
  mitigatedAt: 'Mitigated',
  recoveredAt: 'Recovered',
  resolvedAt: 'Resolved',
};

export interface KeyTimesData {
  rows: { label: string; at: number | null }[];
  /** TTD / TTM / TTR, each measured from impact start; text is `—` when unknown. */
  metrics: { label: string; title: string; text: string }[];
}

function span(from: number | null, to: number | null): string {
  return from === null || to === null ? '—' : formatDuration(to - from);
}

/** The key times and the durations derived from them. */
export function keyTimesData(ctx: ExportContext): KeyTimesData {
  const k = ctx.incident.keyTimes;
  return {
    rows: KEY_TIME_FIELDS.map((f) => ({ label: KEY_TIME_LABELS[f], at: k[f] })),
    metrics: [
      {
        label: 'TTD',
        title: 'Time to detect (impact start → detected)',
        text: span(k.impactStartAt, k.detectedAt),
      },
      {
        label: 'TTM',
        title: 'Time to mitigate (impact start → mitigated)',
        text: span(k.impactStartAt, k.mitigatedAt),
      },
      {
        label: 'TTR',
        title: 'Time to recover (impact start → recovered)',
        text: span(k.impactStartAt, impactEndAt(k)),
      },
    ],
  };
}

/** Label/value lines of the impact summary. */
export function impactData(ctx: ExportContext): { label: string; value: string }[] {
  const { incident, events } = ctx;
  const k = incident.keyTimes;
  const end = impactEndAt(k);
  const impact = events.filter((e) => e.kind === 'impact');
  const services = new Set(incident.services);
  const regions = new Set(incident.regions);
  // Internally, components seen in impact events add detail; customers see the incident's own lists
  // (component names are internal) unless the incident names none.
  const addFromEvents = ctx.audience === 'internal';
  for (const e of impact) {
    if (e.service !== null && e.service !== '' && (addFromEvents || incident.services.length === 0))
      services.add(e.service);
    if (e.region !== null && e.region !== '' && (addFromEvents || incident.regions.length === 0))
      regions.add(e.region);
  }
  const rows = [
    { label: 'Severity', value: incident.severity },
    { label: 'Impact window', value: formatImpactWindow(k.impactStartAt, end, ctx.zone) },
  ];
  if (ctx.secondary !== null && k.impactStartAt !== null) {
    rows.push({
      label: `Impact window (${ctx.secondary})`,
      value: formatImpactWindow(k.impactStartAt, end, ctx.secondary),
    });
  }
  rows.push(
    { label: 'Duration', value: span(k.impactStartAt, end) },
    { label: 'Services affected', value: [...services].sort().join(', ') || '—' },
    { label: 'Regions affected', value: [...regions].sort().join(', ') || '—' },
  );
  if (ctx.audience === 'internal') {
    const records = impact.reduce((sum, e) => sum + e.count, 0);
    rows.push({
      label: 'Impact events',
      value: `${impact.length} (${records.toLocaleString('en-US')} log records)`,
    });
  }
  return rows;
}

export interface ActionRow {
  /** Title, with "(Completed)" or "(Won't do)" for closed items. */
  title: string;
  type: string;
  priority: string;
  owner: string;
  due: string;
  status: string;
  ticketUrl: string;
}

function actionOrder(a: ActionItem, b: ActionItem): number {
  return (
    PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority) ||
    a.createdAt - b.createdAt ||
    a.id.localeCompare(b.id)
  );
}

/** The action items as table rows, by priority then age. */
export function actionRows(ctx: ExportContext): ActionRow[] {
  return [...ctx.actions].sort(actionOrder).map((a) => ({
    title:
      a.status === 'done'
        ? `${a.title} (Completed)`
        : a.status === 'wont-do'
          ? `${a.title} (Won't do)`
          : a.title,
    type: a.type,
    priority: a.priority,
    owner: a.owner,
    due: a.dueDate ?? '—',
    status: STATUS_LABELS[a.status],
    ticketUrl: a.ticketUrl,
  }));
}

export interface CauseLine {
  depth: number;
  kind: string;
  title: string;
  /** How this node's children combine, when it has two or more. */
  gate: string | null;
  detail: string;
  review: string;
}

/** The cause tree in reading order (depth-first), for lists. */
export function causeLines(ctx: ExportContext): CauseLine[] {
  const tree = buildTree(ctx.causes);
  return flattenTree(tree).map(({ node: n, depth }) => {
    const kids = childrenOf(tree, n.id);
    return {
      depth,
      kind: kindLabel(n.kind),
      title: n.title.trim() === '' ? '(untitled)' : n.title,
      gate: kids.length >= 2 ? (n.gate === 'AND' ? 'all of' : 'any of') : null,
      detail: n.detail,
      review: n.reviewState,
    };
  });
}

/**
 * How a cause line is indented in an export: its depth up to MAX_INDENT_DEPTH; deeper lines sit
 * at that indent and say their level, so a 20,000-deep chain stays a readable, linear-size list.
 */
export function causeIndent(depth: number): { indent: number; prefix: string } {
  return depth <= MAX_INDENT_DEPTH
    ? { indent: depth, prefix: '' }
    : { indent: MAX_INDENT_DEPTH, prefix: `(level ${depth.toLocaleString('en-US')}) ` };
}

/** Columns of the action items table; owners and tickets are internal fields. */
export function actionHeader(internal: boolean): string[] {
  return [
    'Action',
    'Type',
    'Priority',
    ...(internal ? ['Owner'] : []),
    'Due',
    'Status',
    ...(internal ? ['Ticket'] : []),
  ];
}
