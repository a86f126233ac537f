import type { Attrs } from '../../domain';
import { parseTimeValue } from '../../time/parse';
import { classifyText } from '../../timeline/classify';
import type { FormatDef, ParseContext } from '../types';
import { clip } from './attrs';
import type { Json } from './json';
import { obj, text } from './json';
import { makeRecord, timeOptions } from './record';
import { feedJsonDocument } from './stream';
import { createObjectEventReader } from './k8s-changes';

type ObjectEventReader = ReturnType<typeof createObjectEventReader>;

function time(v: unknown, ctx: ParseContext): number | null {
  return v === undefined || v === null || v === '' ? null : parseTimeValue(v, timeOptions(ctx));
}

/**
 * One Event of either API: core/v1 (`involvedObject`, `firstTimestamp`, `lastTimestamp`,
 * `count`, `message`) or events.k8s.io/v1 (`regarding`, `eventTime`, `series`, `note`).
 */
function mapEvent(e: Json, index: number, lineNo: number, ctx: ParseContext, read: ObjectEventReader): void {
  const meta = obj(e.metadata) ?? {};
  const target = obj(e.involvedObject) ?? obj(e.regarding) ?? {};
  const series = obj(e.series);
  const at =
    time(e.firstTimestamp, ctx) ??
    time(e.eventTime, ctx) ??
    time(e.lastTimestamp, ctx) ??
    time(e.timestamp, ctx) ??
    time(meta.creationTimestamp, ctx);
  if (at === null) {
    ctx.sink.error(lineNo, `event #${index + 1}: no firstTimestamp, eventTime or lastTimestamp`);
    return;
  }
  const last = time(e.lastTimestamp, ctx) ?? (series === null ? null : time(series.lastObservedTime, ctx));
  const countRaw = Number(e.count ?? series?.count ?? 1);
  const repeat = Number.isInteger(countRaw) && countRaw >= 1 ? countRaw : 1;
  const reason = text(e.reason);
  const note = text(e.message) ?? text(e.note) ?? '';
  const kind = text(target.kind);
  const name = text(target.name);
  const namespace = text(target.namespace) ?? text(meta.namespace);
  // Flux notification-controller events say `severity` (info/error) where Events say `type`.
  const severity = text(e.severity);
  const type = text(e.type) ?? (severity === null ? null : severity === 'error' ? 'Warning' : 'Normal');
  const attrs: Attrs = { reason, type, kind, name, namespace };
  const source = text(obj(e.source)?.component) ?? text(e.reportingController) ?? text(e.reportingComponent);
  if (source !== null) attrs.reporter = source;
  const host = text(obj(e.source)?.host);
  if (host !== null) attrs.host = host;
  const subject = kind !== null && name !== null ? `${kind}/${name}` : (name ?? '');
  const message = clip(`${reason ?? 'Event'} ${subject}: ${note}`.trim(), 10_000);
  const revision = revisionOf(e);
  if (revision !== null) attrs.revision = revision;
  const meaning = read({
    at,
    kind,
    apiVersion: text(target.apiVersion),
    name,
    namespace,
    reason,
    note,
    warning: type === 'Warning',
    revision,
  });
  if (meaning?.change) {
    attrs.change = meaning.change.id;
    attrs.changeKind = meaning.change.changeKind;
  }
  ctx.sink.record(
    makeRecord(ctx, lineNo, at, message, {
      level: type === 'Warning' ? 'warn' : type === 'Normal' ? 'info' : null,
      service: name,
      attrs,
      type: reason,
      // A Warning event is already the cluster's own judgement (with its count), not a routine
      // log line: its words decide, not the WARN burst rule.
      kindHint: meaning?.kindHint ?? (type === 'Warning' ? classifyText(message, reason, null) : null),
      change: meaning?.change ?? null,
      injected: meaning?.injected ?? false,
      repeat,
      endAt: last !== null && last > at ? last : null,
    }),
  );
}

/** Flux's revision: the event's `…/revision` annotation, or the notification's `metadata.revision`. */
function revisionOf(e: Json): string | null {
  const meta = obj(e.metadata) ?? {};
  const direct = text(meta.revision);
  if (direct !== null) return direct;
  const notes = obj(meta.annotations) ?? {};
  for (const k in notes) if (k.endsWith('/revision')) return text(notes[k]);
  return null;
}

/** `kubectl get events -o json` (a List or EventList), a single Event, or Events as JSONL. */
export const k8sEventsFormat: FormatDef = {
  id: 'k8s-events',
  label:
    'Kubernetes events (kubectl get events -o json; Argo Rollouts, Flagger, Flux, Argo CD, Chaos Mesh, Litmus)',
  mode: 'document',
  detect(head) {
    if (head.includes('"involvedObject"') || (head.includes('"regarding"') && head.includes('events.k8s.io')))
      return 0.95;
    if (/"kind"\s*:\s*"(Event|EventList)"/.test(head)) return 0.9;
    return 0;
  },
  document(textDoc, ctx) {
    const read = createObjectEventReader();
    feedJsonDocument(textDoc, ctx, (value, lineNo) => {
      const o = obj(value);
      if (o === null) {
        ctx.sink.error(lineNo, 'expected a Kubernetes Event or List object');
        return;
      }
      const items = Array.isArray(o.items) ? o.items : [o];
      items.forEach((item, i) => {
        const e = obj(item);
        if (e === null) ctx.sink.error(lineNo, `event #${i + 1}: not an object`);
        else mapEvent(e, i, lineNo, ctx, read);
      });
    });
  },
};
