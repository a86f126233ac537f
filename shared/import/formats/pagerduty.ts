import type { EventKind, LogLevel } from '../../domain';
import { parseTimeValue } from '../../time/parse';
import type { FormatDef, ParseContext } from '../types';
import { clip } from './attrs';
import type { Json } from './json';
import { obj, text } from './json';
import { makeRecord, timeOptions } from './record';
import { feedJsonDocument } from './stream';
import { nullProto } from '../../domain/lookup';

const KINDS: Record<string, EventKind> = nullProto({
  trigger: 'detection',
  acknowledge: 'response',
  escalate: 'response',
  assign: 'response',
  reach_trigger_limit: 'response',
  delegate: 'response',
  resolve: 'recovery',
  notify: 'communication',
  annotate: 'note',
});

const LEVELS: Record<string, LogLevel> = nullProto({ trigger: 'error', resolve: 'info' });

/** `trigger_log_entry` → `trigger` (the reference variants end in `_reference` too). */
function verb(type: string): string {
  return type.replace(/_log_entry(_reference)?$/, '');
}

function mapEntry(e: Json, index: number, lineNo: number, ctx: ParseContext): void {
  const at = e.created_at === undefined ? null : parseTimeValue(e.created_at, timeOptions(ctx));
  if (at === null) {
    ctx.sink.error(lineNo, `log entry #${index + 1}: missing or unreadable "created_at"`);
    return;
  }
  const type = text(e.type);
  const v = type === null ? '' : verb(type);
  const incident = obj(e.incident);
  const agent = obj(e.agent);
  const channel = obj(e.channel);
  const summary = text(e.summary) ?? `${v} ${text(incident?.summary) ?? ''}`.trim();
  const note = v === 'annotate' ? text(channel?.summary) : null;
  const message = note !== null && !summary.includes(note) ? `${summary}: ${note}` : summary;
  ctx.sink.record(
    makeRecord(ctx, lineNo, at, clip(message, 10_000), {
      level: LEVELS[v] ?? null,
      service: text(obj(e.service)?.summary),
      attrs: {
        type,
        id: text(e.id),
        incident: text(incident?.id),
        incidentSummary: text(incident?.summary),
        agent: text(agent?.summary),
        channel: text(channel?.type),
      },
      kindHint: KINDS[v] ?? null,
      type,
    }),
  );
}

/** PagerDuty REST API v2 log entries: `{log_entries: [...]}`, a bare array, or one entry. */
export const pagerdutyFormat: FormatDef = {
  id: 'pagerduty',
  label: 'PagerDuty incident log entries (REST API v2)',
  mode: 'document',
  detect(head) {
    if (head.includes('"log_entries"')) return 0.95;
    return /_log_entry"/.test(head) ? 0.9 : 0;
  },
  document(textDoc, ctx) {
    feedJsonDocument(textDoc, ctx, (value, lineNo) => {
      const o = obj(value);
      const list = o !== null && Array.isArray(o.log_entries) ? o.log_entries : o !== null ? [o] : null;
      if (list === null) {
        ctx.sink.error(lineNo, 'expected a PagerDuty log entry or {"log_entries": [...]}');
        return;
      }
      list.forEach((item, i) => {
        const e = obj(item);
        if (e === null) ctx.sink.error(lineNo, `log entry #${i + 1}: not an object`);
        else mapEntry(e, i, lineNo, ctx);
      });
    });
  },
};
