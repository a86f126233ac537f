import { z } from 'zod';
import {
  ActionStatus,
  createIncident,
  IsoDate,
  Priority,
  ReviewState,
  Severity,
  IncidentStatus,
  Gate,
} from '../domain';
import type { ActionItem, CauseNode, Comment, IncidentSnapshot, LogBlock, TimelineEvent } from '../domain';
import { addCalendarDays, calendarDateAt } from '../actions/dates';
import { createBlockBuilder } from '../import/blocks';
import { finalizeImport, importIdFor } from '../import/finalize';
import { createImport } from '../import/pipeline';
import { formatIssues } from '../bundle/issues';
import { applyTemplate } from '../templates/apply';
import type { RcaTemplate } from '../templates/schema';
import { markdownToLexicalState } from './headless';

/** The shipped sample incident's data file (`templates/sample/*.sample.json`). */
export const SampleSpec = z.object({
  format: z.literal('rootline-sample'),
  version: z.literal(1),
  log: z.string().min(1),
  incident: z.object({
    title: z.string().min(1),
    severity: Severity,
    status: IncidentStatus,
    summary: z.string(),
    services: z.array(z.string()),
    regions: z.array(z.string()),
    authors: z.array(z.string()),
    reviewers: z.array(z.string()),
    displayZone: z.string(),
    secondaryZone: z.string().nullable(),
    tags: z.array(z.string()),
  }),
  causes: z.array(
    z.object({
      ref: z.string(),
      parent: z.string().nullable(),
      kind: z.string(),
      gate: Gate,
      title: z.string(),
      detail: z.string().default(''),
      reviewState: ReviewState,
      /** Fishbone category. */
      category: z.string().nullable().default(null),
      /** Event kinds whose key events are the evidence. */
      evidence: z.array(z.string()).default([]),
    }),
  ),
  actions: z.array(
    z.object({
      title: z.string(),
      type: z.string(),
      priority: Priority,
      owner: z.string(),
      /** A fixed due date, or (preferred) days from the day the sample is created, so open items
       * are never overdue by years. */
      dueDate: IsoDate.nullable().optional(),
      dueInDays: z.number().int().nullable().optional(),
      status: ActionStatus,
      statusReason: z.string().default(''),
      causes: z.array(z.string()),
      ticketUrl: z.string(),
    }),
  ),
  /** Reviewer threads: on a cause (`ref`), an action (`index`) or a section (`key`). */
  comments: z
    .array(
      z.object({
        ref: z.string(),
        target: z.discriminatedUnion('type', [
          z.object({ type: z.literal('cause'), ref: z.string() }),
          z.object({ type: z.literal('action'), index: z.number().int().min(0) }),
          z.object({ type: z.literal('section'), key: z.string() }),
        ]),
        parent: z.string().nullable(),
        author: z.string().min(1),
        /** Minutes into the review conversation (the last one is when the sample is created). */
        minutesAfter: z.number().int().min(0),
        body: z.string().min(1),
        resolved: z.boolean(),
      }),
    )
    .default([]),
  /** Markdown per section key; a template's starter (live blocks) follows it. */
  sections: z.record(z.string(), z.string()),
});
export type SampleSpec = z.infer<typeof SampleSpec>;

export interface SampleInput {
  sampleText: string;
  logText: string;
  template: RcaTemplate;
  incidentId: string;
  now: number;
  newId: () => string;
}

export type SampleResult = { ok: true; snapshot: IncidentSnapshot } | { ok: false; error: string };

/* Which imported events the document shows by default: every change, response, mitigation
 * and status post, the first impact and detection, and the first and last recovery. */
function markKeyEvents(events: TimelineEvent[]): void {
  const firstOf = (kind: string): TimelineEvent | undefined => events.find((e) => e.kind === kind);
  const recoveries = events.filter((e) => e.kind === 'recovery');
  const keys = new Set<TimelineEvent | undefined>([
    firstOf('impact'),
    firstOf('detection'),
    recoveries[0],
    recoveries[recoveries.length - 1],
  ]);
  for (const e of events) {
    if (['change', 'response', 'mitigation', 'communication'].includes(e.kind) || keys.has(e)) e.key = true;
  }
}

/**
 * Builds the sample incident end to end, as the "Try the sample incident" action does: imports
 * the orchestrator log through the real pipeline, marks key events, builds the cause tree and
 * action items, and fills every section of `template` with the sample's writing plus the
 * template's live blocks. Pure and deterministic for a given id, time and id source.
 */
export function buildSampleSnapshot(input: SampleInput): SampleResult {
  let raw: unknown;
  try {
    raw = JSON.parse(input.sampleText);
  } catch (e) {
    return {
      ok: false,
      error: `sample file is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  const parsed = SampleSpec.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `sample file: ${formatIssues(parsed.error.issues)}` };
  const spec = parsed.data;
  const { incidentId, now } = input;

  const importId = importIdFor(incidentId, spec.log, input.logText.length, input.logText.slice(0, 256));
  const logBlocks: LogBlock[] = [];
  const blocks = createBlockBuilder({ importId, incidentId, onBlock: (b) => logBlocks.push(b) });
  const imp = createImport({ zone: 'UTC', onRecord: (r) => blocks.add(r) });
  const file = imp.addFile(spec.log);
  file.push(input.logText);
  file.end();
  const result = imp.finish();
  blocks.flush();
  const { events, imports } = finalizeImport(result, {
    incidentId,
    files: [
      {
        importId,
        fileName: spec.log,
        format: 'cloudevents',
        bytes: input.logText.length,
        blockCount: blocks.blockCount,
      },
    ],
    options: { zone: 'UTC', year: null },
    now,
  });
  markKeyEvents(events);

  const incident = createIncident({
    id: incidentId,
    now,
    ...spec.incident,
    keyTimes: result.phases,
    keyTimeOrigins: {
      impactStartAt: 'import',
      detectedAt: 'import',
      mitigatedAt: 'import',
      recoveredAt: 'import',
      resolvedAt: 'import',
    },
    templateId: input.template.id,
  });

  const causeIds = new Map(spec.causes.map((c) => [c.ref, `${incidentId}-cause-${c.ref}`]));
  const keyEventsOf = (kinds: string[]): string[] =>
    events.filter((e) => e.key && kinds.includes(e.kind)).map((e) => e.id);
  const causes: CauseNode[] = spec.causes.map((c, i) => ({
    id: causeIds.get(c.ref)!,
    incidentId,
    parentId: c.parent === null ? null : (causeIds.get(c.parent) ?? null),
    order: i,
    kind: c.kind,
    gate: c.gate,
    title: c.title,
    detail: c.detail,
    category: c.category,
    evidenceEventIds: keyEventsOf(c.evidence),
    reviewState: c.reviewState,
    createdAt: now,
    updatedAt: now,
  }));

  const actions: ActionItem[] = spec.actions.map((a, i) => ({
    id: `${incidentId}-action-${i + 1}`,
    incidentId,
    title: a.title,
    description: '',
    owner: a.owner,
    priority: a.priority,
    type: a.type,
    dueDate:
      a.dueInDays !== undefined && a.dueInDays !== null
        ? addCalendarDays(calendarDateAt(now, spec.incident.displayZone), a.dueInDays)
        : (a.dueDate ?? null),
    status: a.status,
    statusReason: a.statusReason,
    causeIds: a.causes.map((r) => causeIds.get(r)).filter((id): id is string => id !== undefined),
    ticketUrl: a.ticketUrl,
    createdAt: now + i,
    updatedAt: now + i,
    completedAt: a.status === 'done' ? now : null,
  }));

  const { sections } = applyTemplate(input.template, [], { incidentId, now, newId: input.newId });
  for (const section of sections) {
    const text = spec.sections[section.key] ?? '';
    const starter = input.template.sections.find((s) => s.key === section.key)?.starter ?? '';
    const markdown = [text, starter].filter((t) => t.trim() !== '').join('\n\n');
    section.lexicalState = markdown === '' ? null : markdownToLexicalState(markdown);
  }

  const comments = sampleComments(spec, { incidentId, now, causeIds, actions, sections });
  if (typeof comments === 'string') return { ok: false, error: comments };

  return {
    ok: true,
    snapshot: { incident, events, imports, logBlocks, causes, comments, actions, sections, signoffs: [] },
  };
}

/** The sample's reviewer threads as comments, or why one cannot be placed. */
function sampleComments(
  spec: SampleSpec,
  ctx: {
    incidentId: string;
    now: number;
    causeIds: Map<string, string>;
    actions: readonly ActionItem[];
    sections: readonly { id: string; key: string }[];
  },
): Comment[] | string {
  const ids = new Map(spec.comments.map((c) => [c.ref, `${ctx.incidentId}-comment-${c.ref}`]));
  // The conversation happened before the sample was opened: the last comment is "now".
  const last = Math.max(0, ...spec.comments.map((c) => c.minutesAfter));
  const out: Comment[] = [];
  for (const c of spec.comments) {
    const t = c.target;
    const targetId =
      t.type === 'cause'
        ? ctx.causeIds.get(t.ref)
        : t.type === 'action'
          ? ctx.actions[t.index]?.id
          : ctx.sections.find((s) => s.key === t.key)?.id;
    // A section the chosen template does not have: the thread is left out, not misplaced.
    if (targetId === undefined) {
      if (t.type === 'section') continue;
      return `sample comment "${c.ref}": its ${t.type} does not exist`;
    }
    const parentId = c.parent === null ? null : (ids.get(c.parent) ?? null);
    if (c.parent !== null && !out.some((o) => o.id === parentId)) continue;
    const at = ctx.now - (last - c.minutesAfter) * 60_000;
    out.push({
      id: ids.get(c.ref)!,
      incidentId: ctx.incidentId,
      targetType: t.type,
      targetId,
      parentId,
      author: c.author,
      body: c.body,
      createdAt: at,
      editedAt: null,
      resolved: c.resolved,
      resolvedAt: c.resolved ? at : null,
      resolvedBy: c.resolved ? c.author : null,
    });
  }
  return out;
}
