import type { ActionItem, CauseNode, Incident, IncidentSnapshot, SignOff, TimelineEvent } from '../domain';
import { INCIDENT_STATUS_LABELS, INCIDENT_TYPE_LABELS } from '../domain';
import { buildTree, childrenOf } from '../causes/tree';
import { formatImpactWindow, formatZonedFull, impactEndAt, zoneLabel } from '../format';
import { signOffFacts } from './signoffFacts';

/** Who a document is for: everything, or the customer-facing cut (no internal sections or fields). */
export const AUDIENCES = ['internal', 'customer'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export interface ExportOptions {
  audience: Audience;
  /** Shown on the title page when known. */
  templateName?: string | null;
  /** Page size of the HTML print stylesheet (and so of the PDF). */
  paper?: PaperSize;
  /**
   * Every time in UTC only, as Azure publishes; defaults to on for customers and off for
   * internal copies (which show the incident's zone and its second zone).
   */
  utcOnly?: boolean;
}

/** Whether an export for `audience` shows UTC only unless the user chose otherwise. */
export function defaultUtcOnly(audience: Audience): boolean {
  return audience === 'customer';
}

/** Everything a renderer needs, sorted once so every format shows the same order. */
export interface ExportContext {
  incident: Incident;
  audience: Audience;
  zone: string;
  /** Second zone, or null when none is set or it equals the first. */
  secondary: string | null;
  /** Events by time, then id (deterministic). */
  events: readonly TimelineEvent[];
  causes: readonly CauseNode[];
  actions: readonly ActionItem[];
  templateName: string | null;
  paper: PaperSize;
  /** The sign-off log; empty for customers (who signed off is internal, like the reviewers). */
  signoffs: readonly SignOff[];
}

/** Builds the export context of a snapshot; the snapshot is not changed. */
export function createExportContext(snapshot: IncidentSnapshot, options: ExportOptions): ExportContext {
  const { incident } = snapshot;
  const utcOnly = options.utcOnly ?? defaultUtcOnly(options.audience);
  const secondary =
    !utcOnly && incident.secondaryZone !== null && incident.secondaryZone !== incident.displayZone
      ? incident.secondaryZone
      : null;
  const customer = options.audience === 'customer';
  return {
    incident,
    audience: options.audience,
    zone: utcOnly ? 'UTC' : incident.displayZone,
    secondary,
    events: [...snapshot.events].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)),
    causes: customer ? publishableCauses(snapshot.causes) : snapshot.causes,
    // Declined ("won't do") items are an internal decision, not a commitment to customers.
    actions: customer ? snapshot.actions.filter((a) => a.status !== 'wont-do') : snapshot.actions,
    // Which template wrote it is tool metadata: internal only.
    templateName: customer ? null : (options.templateName ?? null),
    paper: options.paper ?? 'a4',
    signoffs: customer ? [] : snapshot.signoffs,
  };
}

/**
 * The causes a customer-facing document may state: the top node and the causes reviewers
 * agreed on, each under an agreed parent. Disputed and not yet reviewed causes (and what hangs
 * under them) stay internal.
 */
export function publishableCauses(causes: readonly CauseNode[]): CauseNode[] {
  const tree = buildTree(causes);
  if (tree.root === null) return [];
  const kept: CauseNode[] = [];
  const visit = (n: CauseNode): void => {
    kept.push(n);
    for (const c of childrenOf(tree, n.id)) if (c.reviewState === 'agreed') visit(c);
  };
  visit(tree.root);
  return kept;
}

/** Column headers for a time: `Time (PST)` and, with a second zone, `Time (UTC)`. */
export function timeHeaders(ctx: ExportContext, at: number | null): string[] {
  const sample = at ?? ctx.incident.keyTimes.impactStartAt ?? ctx.incident.createdAt;
  const headers = [`Time (${zoneLabel(sample, ctx.zone)})`];
  if (ctx.secondary !== null) headers.push(`Time (${zoneLabel(sample, ctx.secondary)})`);
  return headers;
}

/** The cells of one instant: the full labelled time in the display zone (and the second zone). */
export function timeCells(ctx: ExportContext, at: number | null): string[] {
  const cells = [at === null ? '—' : formatZonedFull(at, ctx.zone)];
  if (ctx.secondary !== null) cells.push(at === null ? '—' : formatZonedFull(at, ctx.secondary));
  return cells;
}

/** One labelled instant in one string: `2014-11-18 16:51:07 PST (2014-11-19 00:51:07 UTC)`. */
export function timeText(ctx: ExportContext, at: number | null): string {
  const [main, second] = timeCells(ctx, at);
  return second === undefined ? (main ?? '—') : `${main ?? '—'} (${second})`;
}

/**
 * The facts block at the top of an exported document (label, value); status, authors,
 * reviewers and sign-off ("Approved by … on …") are internal.
 */
export function incidentFacts(ctx: ExportContext): [string, string][] {
  const { incident } = ctx;
  const k = incident.keyTimes;
  const rows: [string, string][] = [
    ['Severity', incident.severity],
    ['Impact', formatImpactWindow(k.impactStartAt, impactEndAt(k), ctx.zone)],
  ];
  // A game day says so first thing: its faults were injected on purpose.
  if (incident.incidentType === 'game-day') rows.unshift(['Type', INCIDENT_TYPE_LABELS['game-day']]);
  if (k.impactStartAt !== null) rows.push(['Impact started', timeText(ctx, k.impactStartAt)]);
  if (incident.services.length > 0) rows.push(['Services', incident.services.join(', ')]);
  if (incident.regions.length > 0) rows.push(['Regions', incident.regions.join(', ')]);
  if (ctx.audience === 'internal') {
    rows.push(['Status', INCIDENT_STATUS_LABELS[incident.status]]);
    if (incident.authors.length > 0) rows.push(['Authors', incident.authors.join(', ')]);
    if (incident.reviewers.length > 0) rows.push(['Reviewers', incident.reviewers.join(', ')]);
    rows.push(...signOffFacts(incident.reviewers, ctx.signoffs, ctx.zone));
  }
  if (ctx.templateName !== null) rows.push(['Template', ctx.templateName]);
  return rows;
}
