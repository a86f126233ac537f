import type { Attrs } from '../../domain';
import { parseTimeValue } from '../../time/parse';
import { classifyText } from '../../timeline/classify';
import type { FormatDef, ParseContext } from '../types';
import { clip } from './attrs';
import type { Json } from './json';
import { obj, text } from './json';
import { makeRecord, timeOptions } from './record';
import { feedJsonDocument } from './stream';

function time(v: unknown, ctx: ParseContext): number | null {
  return v === undefined || v === null || v === '' ? null : parseTimeValue(v, timeOptions(ctx));
}

/**
 * One Event of either API: core/v1 (`involvedObject`, `firstTimestamp`, `lastTimestamp`,
 * `count`, `message`) or events.k8s.io/v1 (`regarding`, `eventTime`, `series`, `note`).
 */
function mapEvent(e: Json, index: number, lineNo: number, ctx: ParseContext): void {
  const meta = obj(e.metadata) ?? {};
  const target = obj(e.involvedObject) ?? obj(e.regarding) ?? {};
  const series = obj(e.series);
  const at =
    time(e.firstTimestamp, ctx) ??
    time(e.eventTime, ctx) ??
    time(e.lastTimestamp, ctx) ??
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
  const type = text(e.type);
  const attrs: Attrs = { reason, type, kind, name, namespace };
  const source = text(obj(e.source)?.component) ?? text(e.reportingController) ?? text(e.reportingComponent);
  if (source !== null) attrs.reporter = source;
  const host = text(obj(e.source)?.host);
  if (host !== null) attrs.host = host;
  const subject = kind !== null && name !== null ? `${kind}/${name}` : (name ?? '');
  const message = clip(`${reason ?? 'Event'} ${subject}: ${note}`.trim(), 10_000);
  ctx.sink.record(
    makeRecord(ctx, lineNo, at, message, {
      level: type === 'Warning' ? 'warn' : type === 'Normal' ? 'info' : null,
      service: name,
      attrs,
      type: reason,
      // A Warning event is already the cluster's own judgement (with its count), not a routine
      // log line: its words decide, not the WARN burst rule.
      kindHint: type === 'Warning' ? classifyText(message, reason, null) : null,
      repeat,
      endAt: last !== null && last > at ? last : null,
    }),
  );
}

/** `kubectl get events -o json` (a List or EventList), a single Event, or Events as JSONL. */
export const k8sEventsFormat: FormatDef = {
  id: 'k8s-events',
  label: 'Kubernetes events (kubectl get events -o json)',
  mode: 'document',
  detect(head) {
    if (head.includes('"involvedObject"') || (head.includes('"regarding"') && head.includes('events.k8s.io')))
      return 0.95;
    if (/"kind"\s*:\s*"(Event|EventList)"/.test(head)) return 0.9;
    return 0;
  },
  document(textDoc, ctx) {
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
        else mapEvent(e, i, lineNo, ctx);
      });
    });
  },
};
