import { parseTimeValue } from '../../time/parse';
import type { ChangeInfo, ParseContext } from '../types';
import { clip, flattenInto } from './attrs';
import type { Json } from './json';
import { obj, text } from './json';
import { cdeventShortType, kindFromEventType } from './kinds';
import { makeRecord, timeOptions } from './record';

const CHANGE_TYPES = new Set([
  'service.deployed',
  'service.upgraded',
  'service.rolledback',
  'service.published',
]);

/**
 * Maps a CDEvent (`context{type,timestamp,id,source}`, `subject{id,source,content}`) to a
 * record. The service is the subject's service (or environment, or the subject id).
 */
export function mapCdEvent(o: Json, lineNo: number, ctx: ParseContext): void {
  const context = obj(o.context) ?? {};
  const subject = obj(o.subject) ?? {};
  const content = obj(subject.content) ?? {};
  const stamp = context.timestamp;
  if (stamp === undefined || stamp === null || stamp === '') {
    ctx.sink.error(lineNo, 'missing "context.timestamp" attribute');
    return;
  }
  const at = parseTimeValue(stamp, timeOptions(ctx));
  if (at === null) {
    ctx.sink.error(lineNo, `invalid "context.timestamp" attribute: ${clip(JSON.stringify(stamp), 80)}`);
    return;
  }
  const type = text(context.type);
  const short = type === null ? null : cdeventShortType(type);
  const subjectId = text(subject.id);
  const environment = text(obj(content.environment)?.id);
  const service = text(obj(content.service)?.id) ?? environment ?? subjectId;
  const description = text(content.description);
  const change: ChangeInfo | null =
    short !== null && CHANGE_TYPES.has(short)
      ? {
          id: text(content.artifactId),
          changeKind: 'software',
          description,
          targets: service === null ? [] : [{ component: service, region: null, slice: null }],
          phase: short === 'service.rolledback' ? 'rolled-back' : 'completed',
        }
      : null;
  const head = short ?? type ?? 'cdevent';
  const message =
    description ?? `${head}: ${[subjectId, environment && `in ${environment}`].filter(Boolean).join(' ')}`;
  const attrs = flattenInto(
    { type, id: text(context.id), source: text(context.source), subject: subjectId },
    content,
    'subject',
  );
  if (change !== null) {
    attrs.change = change.id;
    attrs.changeKind = change.changeKind;
  }
  flattenInto(attrs, obj(o.customData) ?? {}, 'custom');
  ctx.sink.record(
    makeRecord(ctx, lineNo, at, message, {
      service,
      region: null,
      attrs,
      kindHint: kindFromEventType(type),
      type,
      change,
    }),
  );
}
