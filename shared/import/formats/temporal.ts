import type { Attrs, EventKind, LogLevel } from '../../domain';
import type { ChangeInfo, ChangePhase, FormatDef, ParseContext } from '../types';
import { clip } from './attrs';
import { changeOf, target, timeOf } from './change';
import type { Json } from './json';
import { obj, text } from './json';
import { makeRecord } from './record';
import { feedJsonDocument } from './stream';

/** `EVENT_TYPE_ACTIVITY_TASK_FAILED` or `ActivityTaskFailed` → `ActivityTaskFailed`. */
export function temporalType(raw: string): string {
  if (!raw.startsWith('EVENT_TYPE_')) return raw;
  return raw
    .slice('EVENT_TYPE_'.length)
    .toLowerCase()
    .split('_')
    .map((w) => (w.length === 0 ? w : w[0]?.toUpperCase() + w.slice(1)))
    .join('');
}

/** The `…EventAttributes` object of an event, whatever its name. */
function attributesOf(e: Json): Json {
  for (const k in e) if (k.endsWith('EventAttributes')) return obj(e[k]) ?? {};
  return {};
}

function failureText(a: Json): string | null {
  const f = obj(a.failure) ?? obj(a.reason) ?? {};
  const cause = obj(f.cause);
  const message = text(f.message) ?? text(a.reason) ?? text(a.details);
  const inner = cause === null ? null : text(cause.message);
  return message === null ? inner : inner === null ? message : `${message}: ${inner}`;
}

/** `TIMEOUT_TYPE_START_TO_CLOSE` (or the older `START_TO_CLOSE`) → `start to close`. */
function timeoutOf(a: Json): string {
  const raw = text(obj(obj(a.failure)?.timeoutFailureInfo)?.timeoutType) ?? text(a.timeoutType) ?? 'timeout';
  return raw
    .replace(/^TIMEOUT_TYPE_/, '')
    .replace(/_/g, ' ')
    .toLowerCase();
}

interface Meaning {
  kind: EventKind;
  message: string;
  level: LogLevel;
  phase?: ChangePhase;
}

interface History {
  workflow: string;
  runId: string;
  /** scheduledEventId → activity type; startedEventId → attempt. */
  activities: Map<string, string>;
  attempts: Map<string, number>;
}

/** What a history event means. Workflow-task and bookkeeping events stay `log`. */
function meaning(type: string, a: Json, h: History, id: string): Meaning {
  const activity = h.activities.get(text(a.scheduledEventId) ?? id) ?? 'activity';
  const why = failureText(a);
  const tail = why === null ? '' : `: ${why}`;
  switch (type) {
    case 'WorkflowExecutionStarted':
      return { kind: 'change', message: `Workflow ${h.workflow} started`, level: 'info', phase: 'started' };
    case 'WorkflowExecutionCompleted':
      return {
        kind: 'change',
        message: `Workflow ${h.workflow} completed`,
        level: 'info',
        phase: 'completed',
      };
    case 'WorkflowExecutionFailed':
      return {
        kind: 'impact',
        message: `Workflow ${h.workflow} failed${tail}`,
        level: 'error',
        phase: 'failed',
      };
    case 'WorkflowExecutionTimedOut':
      return { kind: 'impact', message: `Workflow ${h.workflow} timed out`, level: 'error', phase: 'failed' };
    case 'WorkflowExecutionTerminated':
    case 'WorkflowExecutionCanceled':
      return {
        kind: 'mitigation',
        message: `Workflow ${h.workflow} ${type === 'WorkflowExecutionCanceled' ? 'canceled' : 'terminated'}${tail}`,
        level: 'warn',
        phase: 'aborted',
      };
    // The attempt number stays out of the text so a retry storm folds into one event.
    case 'ActivityTaskFailed':
      return { kind: 'impact', message: `Activity ${activity} failed${tail}`, level: 'error' };
    case 'ActivityTaskTimedOut':
      return { kind: 'impact', message: `Activity ${activity} timed out (${timeoutOf(a)})`, level: 'error' };
    case 'WorkflowExecutionSignaled': {
      const by = text(a.identity);
      return {
        kind: 'response',
        message: `Signal ${text(a.signalName) ?? 'signal'} received${by === null ? '' : ` from ${by}`}`,
        level: 'info',
      };
    }
    case 'TimerStarted':
      return {
        kind: 'log',
        message: `Timer ${text(a.timerId) ?? ''} started (${text(a.startToFireTimeout) ?? '?'})`,
        level: 'info',
      };
    case 'TimerFired':
      return { kind: 'log', message: `Timer ${text(a.timerId) ?? ''} fired`, level: 'info' };
    case 'ActivityTaskScheduled':
      return { kind: 'log', message: `Activity ${activity} scheduled`, level: 'debug' };
    case 'ActivityTaskCompleted':
      return { kind: 'log', message: `Activity ${activity} completed`, level: 'debug' };
    default:
      return { kind: 'log', message: type, level: /Failed|TimedOut/.test(type) ? 'warn' : 'debug' };
  }
}

function mapEvent(e: Json, index: number, lineNo: number, ctx: ParseContext, h: History): void {
  const at = timeOf(e.eventTime, ctx) ?? timeOf(e.timestamp, ctx);
  if (at === null) {
    ctx.sink.error(lineNo, `event #${index + 1}: no readable eventTime or timestamp`);
    return;
  }
  const type = temporalType(text(e.eventType) ?? 'Unknown');
  const a = attributesOf(e);
  const id = text(e.eventId) ?? String(index + 1);
  if (type === 'WorkflowExecutionStarted') {
    h.workflow = text(obj(a.workflowType)?.name) ?? h.workflow;
    h.runId = text(a.workflowId) ?? text(a.originalExecutionRunId) ?? text(a.firstExecutionRunId) ?? h.runId;
  }
  if (type === 'ActivityTaskScheduled') h.activities.set(id, text(obj(a.activityType)?.name) ?? 'activity');
  if (type === 'ActivityTaskStarted') h.attempts.set(id, Number(a.attempt ?? 1));
  const m = meaning(type, a, h, id);
  const attrs: Attrs = { eventId: id, eventType: type, workflow: h.workflow, run: h.runId };
  const attempt =
    h.attempts.get(text(a.startedEventId) ?? '') ?? (typeof a.attempt === 'number' ? a.attempt : null);
  if (attempt !== null && Number.isFinite(attempt)) attrs.attempt = attempt;
  const queue = text(obj(a.taskQueue)?.name);
  if (queue !== null) attrs.taskQueue = queue;
  if (text(a.retryState) !== null) attrs.retryState = text(a.retryState);
  const change: ChangeInfo | null =
    m.phase === undefined ? null : changeOf(h.runId, 'workflow', m.phase, target(h.workflow), m.message);
  ctx.sink.record(
    makeRecord(ctx, lineNo, at, clip(m.message, 2_000), {
      level: m.level,
      service: h.workflow,
      attrs,
      kindHint: m.kind,
      type,
      change,
    }),
  );
}

/** Temporal workflow history JSON (`{"events": […]}`), current and older (tctl) forms. */
export const temporalFormat: FormatDef = {
  id: 'temporal',
  label: 'Temporal workflow history (JSON export)',
  mode: 'document',
  detect(head) {
    if (!head.includes('"events"') || !head.includes('"eventType"')) return 0;
    return /EVENT_TYPE_WORKFLOW_|"WorkflowExecutionStarted"|workflowExecutionStartedEventAttributes/.test(
      head,
    )
      ? 0.95
      : 0;
  },
  document(doc, ctx) {
    feedJsonDocument(doc, ctx, (value, lineNo) => {
      const o = obj(value);
      const events = o === null ? null : o.events;
      if (!Array.isArray(events)) {
        ctx.sink.error(lineNo, 'expected a workflow history: {"events": […]}');
        return;
      }
      if (events.length === 0) ctx.sink.skip(lineNo);
      const h: History = {
        workflow: 'workflow',
        runId: ctx.file,
        activities: new Map(),
        attempts: new Map(),
      };
      events.forEach((item, i) => {
        const e = obj(item);
        if (e === null) ctx.sink.error(lineNo, `event #${i + 1}: not an object`);
        else mapEvent(e, i, lineNo, ctx, h);
      });
    });
  },
};
